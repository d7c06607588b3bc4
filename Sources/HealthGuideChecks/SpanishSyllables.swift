/// Counts the syllables of a Spanish word by its vowel nuclei, as Spanish spelling shows them:
/// two strong vowels (`a e o`, or an accented `í ú`) are two syllables (`ca-er`, `dí-a`); a
/// weak vowel (`i u ü`, a `y` before no vowel) joins the vowel beside it (`tie-ne`, `ciu-dad`,
/// `hoy`); the `u` of `que qui gue gui` is silent. Spelling marks every hiatus that breaks
/// these rules, so they count the syllables of ordinary words exactly.
public enum SpanishSyllables {
    public static func count(utf8 word: UnsafeBufferPointer<UInt8>) -> Int {
        let letters = String(decoding: word, as: UTF8.self).unicodeScalars.map { lowercased($0.value) }
        var nuclei = 0
        var previous: Vowel?
        for (index, letter) in letters.enumerated() {
            let next = index + 1 < letters.count ? letters[index + 1] : nil
            guard var vowel = Vowel(letter) else {
                previous = nil
                continue
            }
            // `y` before a vowel is a consonant (`a-yu-da`); `qu`/`gu` before e or i is silent.
            if letter == y, let next, Vowel(next) != nil {
                previous = nil
                continue
            }
            if letter == u, index > 0, [q, g].contains(letters[index - 1]), let next, [e, i, é, í].contains(next) {
                continue
            }
            if letter == y { vowel = .weak }
            if let previous, previous == .weak || vowel == .weak {
                // A diphthong: the two vowels are one syllable.
            } else {
                nuclei += 1
            }
            previous = vowel
        }
        return max(nuclei, 1)
    }

    private enum Vowel {
        case strong, weak

        init?(_ letter: UInt32) {
            switch letter {
            case a, e, o, á, é, ó, í, ú: self = .strong
            case i, u, ü, y: self = .weak
            default: return nil
            }
        }
    }

    /// ASCII letters and the accented vowels, in lower case; any other scalar as it is.
    private static func lowercased(_ scalar: UInt32) -> UInt32 {
        switch scalar {
        case 0x41...0x5A, 0xC1, 0xC9, 0xCD, 0xD3, 0xDA, 0xDC: return scalar | 0x20
        default: return scalar
        }
    }
}

private let a: UInt32 = 0x61, e: UInt32 = 0x65, i: UInt32 = 0x69, o: UInt32 = 0x6F, u: UInt32 = 0x75, y: UInt32 = 0x79
private let q: UInt32 = 0x71, g: UInt32 = 0x67
private let á: UInt32 = 0xE1, é: UInt32 = 0xE9, í: UInt32 = 0xED, ó: UInt32 = 0xF3, ú: UInt32 = 0xFA, ü: UInt32 = 0xFC
