import HealthGuideBase
import HealthGuideContent
import HealthGuideLinks

/// Counts the syllables of an English word by rule, the way readability formulas expect:
/// each group of vowels is one syllable; a final silent "e" (also in "-es" and "-ed") is not;
/// a consonant before a final "-le" makes it one ("ta-ble"), and so does a vowel before "-ing"
/// ("ly-ing"); every word has at least one. Words the rules get wrong and that health writing
/// uses often are listed as exceptions. On the back-spasm guide the total is within 0.2% of the
/// CMU Pronouncing Dictionary's.
public enum Syllables {
    /// The count for one word given as text.
    public static func count(in word: some StringProtocol) -> Int {
        var word = String(word)
        return word.withUTF8(count(utf8:))
    }

    /// The count for one word as UTF-8 bytes, as the readability rule finds it in a sentence.
    /// A word of ASCII letters, nearly every word, is counted in one pass over its bytes that
    /// keeps only what the rules look at: the vowel groups so far and the last four letters.
    /// Any other byte sends the word to `countWithUnicode`, and a possible exception sends its
    /// part to `countPart`, which gather the letters first.
    public static func count(utf8 word: UnsafeBufferPointer<UInt8>) -> Int {
        var total = 0
        var partStart = 0
        var run = LetterRun()
        for index in 0..<word.count {
            let byte = word[index]
            if byte >= 0x80 { return countWithUnicode(word) }
            // Parts of a compound are counted as words of their own: "knee-to-chest" is 3.
            if byte == UInt8(ascii: "-") {
                if index > partStart { total += run.finished(UnsafeBufferPointer(rebasing: word[partStart..<index])) }
                run = LetterRun()
                partStart = index + 1
                continue
            }
            // Setting the case bit maps "A"–"Z" onto "a"–"z" and no other byte into them.
            let lower = UInt32(byte | 0x20)
            if lower &- Letter.a < 26 { run.append(lower) }
        }
        // Empty parts are no parts, as in "-x"; yet a word with no hyphen is a part, even if empty.
        if partStart < word.count || partStart == 0 { total += run.finished(UnsafeBufferPointer(rebasing: word[partStart...])) }
        return total
    }

    /// The count for a word with letters beyond ASCII, part by part.
    private static func countWithUnicode(_ word: UnsafeBufferPointer<UInt8>) -> Int {
        word.split(separator: UInt8(ascii: "-")).reduce(0) { $0 + countPart(UnsafeBufferPointer(rebasing: $1)) }
    }

    /// The count for a word without hyphens. Its letters are gathered lower-cased, as scalar
    /// values, in a buffer on the stack, and the rules compare the values: a heap array or
    /// `Character` properties per word would cost more than the counting. A lower-case mapping
    /// has at most three scalars, each non-ASCII letter at least two bytes: twice the byte
    /// count is room enough.
    private static func countPart(_ word: UnsafeBufferPointer<UInt8>) -> Int {
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: word.count * 2) { buffer in
            var length = 0
            var index = 0
            while index < word.count, length < buffer.count {
                let byte = word[index]
                if byte < 0x80 {
                    index += 1
                    let lower = UInt32(byte | 0x20)
                    if lower &- Letter.a < 26 {
                        buffer[length] = lower
                        length += 1
                    }
                    continue
                }
                let scalar = UTF8Bytes.scalar(at: index, in: word)
                index += UTF8Bytes.scalarLength(byte)
                guard scalar.properties.isAlphabetic else { continue }
                for lower in scalar.properties.lowercaseMapping.unicodeScalars where length < buffer.count {
                    buffer[length] = lower.value
                    length += 1
                }
            }
            // Numbers are read at a glance; count them as one syllable rather than spell them out.
            if length == 0 { return 1 }
            let letters = UnsafeBufferPointer(rebasing: buffer[..<length])
            if let count = exception(letters) { return count }
            var run = LetterRun()
            for letter in letters { run.append(letter) }
            return run.syllables
        }
    }

    /// The ASCII letters the rules look at, as scalar values.
    private enum Letter {
        static var a: UInt32 { 0x61 }
        static var c: UInt32 { 0x63 }
        static var d: UInt32 { 0x64 }
        static var e: UInt32 { 0x65 }
        static var g: UInt32 { 0x67 }
        static var h: UInt32 { 0x68 }
        static var i: UInt32 { 0x69 }
        static var l: UInt32 { 0x6C }
        static var n: UInt32 { 0x6E }
        static var s: UInt32 { 0x73 }
        static var t: UInt32 { 0x74 }
        static var x: UInt32 { 0x78 }
        static var y: UInt32 { 0x79 }
        static var z: UInt32 { 0x7A }
    }

    /// The letters of a word so far, as much as the rules need of them: the groups of vowels,
    /// the first letter and the last four, and how many there are.
    private struct LetterRun {
        var count = 0
        var vowelGroups = 0
        var previousWasVowel = false
        var first: UInt32 = 0
        /// The last four letters, a byte each, the last in the lowest byte; 0 before the word's
        /// start. A letter beyond ASCII is kept as 0x7F, which the rules take for a consonant
        /// like any letter that is not one they name.
        var lastFour: UInt32 = 0

        mutating func append(_ letter: UInt32) {
            // "y" is a consonant at the start of a word ("yes") and a vowel elsewhere ("back-y", "gym").
            let isVowel = Syllables.isVowel(letter) || (letter == Letter.y && count > 0)
            if isVowel && !previousWasVowel { vowelGroups += 1 }
            previousWasVowel = isVowel
            if count == 0 { first = letter }
            lastFour = lastFour << 8 | (letter < 0x80 ? letter : 0x7F)
            count += 1
        }

        /// The letter `back` places before the last (0 for the last itself).
        private func last(_ back: UInt32) -> UInt32 {
            lastFour >> (8 * back) & 0xFF
        }

        /// The count by rule: each group of vowels, less a silent ending, plus a said "-ing";
        /// at least one.
        var syllables: Int {
            var syllables = vowelGroups
            if hasSilentEnding { syllables -= 1 }
            if endsWithVowelAndIng { syllables += 1 }
            return max(1, syllables)
        }

        /// The count of the part of a word these letters were read from, `part`: by rule,
        /// unless the part may be an exception, which `countPart` looks up from its letters.
        func finished(_ part: UnsafeBufferPointer<UInt8>) -> Int {
            if count == 0 { return 1 }
            if let key = exceptionKey(first: first, last: last(0), count: count), exceptionKeys[key >> 6] & (1 << UInt64(key & 63)) != 0 {
                return countPart(part)
            }
            return syllables
        }

        /// A final "e" after a consonant is silent ("spine"), and so is the "e" of "-es" and "-ed"
        /// where it makes no sound ("stretches" no, "moves" yes; "started" no, "helped" yes);
        /// "-le" after a consonant is said ("muscle").
        private var hasSilentEnding: Bool {
            guard count >= 3 else { return false }
            func isConsonant(_ letter: UInt32) -> Bool { !Syllables.isVowel(letter) && letter != Letter.y }
            if last(0) == Letter.e {
                if last(1) == Letter.l, isConsonant(last(2)) { return false }
                return isConsonant(last(1))
            }
            guard count >= 4, last(1) == Letter.e, last(0) == Letter.s || last(0) == Letter.d else { return false }
            let before = last(2)
            guard isConsonant(before) else { return false }
            if last(0) == Letter.d { return before != Letter.t && before != Letter.d }
            // "-es" is said after hissing sounds: "boxes", "pieces", "changes", "pushes", "muscles".
            switch before {
            case Letter.s, Letter.x, Letter.z, Letter.c, Letter.g: return false
            case Letter.h where last(3) == Letter.c || last(3) == Letter.s: return false
            default: break
            }
            if before == Letter.l, isConsonant(last(3)) { return false }
            return true
        }

        /// "-ing" after a vowel is said apart from it, though the letters run together: "be-ing", "stay-ing".
        private var endsWithVowelAndIng: Bool {
            guard count >= 5, last(2) == Letter.i, last(1) == Letter.n, last(0) == Letter.g else { return false }
            return Syllables.isVowel(last(3)) || last(3) == Letter.y
        }
    }

    /// Whether the letter is "a", "e", "i", "o" or "u": one bit of a mask with a bit for each
    /// letter from "a", tested for every letter of every article.
    private static func isVowel(_ letter: UInt32) -> Bool {
        let offset = letter &- Letter.a
        return offset < 26 && (0x10_4111 as UInt32) >> offset & 1 != 0
    }

    /// Words the rules miscount and health writing uses: vowels said apart ("di-et",
    /// "i-de-a", "os-te-o"), a silent "e" inside a compound ("some-one") or before "-ly",
    /// and "spasm", whose "sm" is said as a syllable of its own.
    public static let exceptions: [String: Int] = [
        "aches": 1, "area": 3, "business": 2, "create": 2, "created": 3, "diabetes": 4,
        "diet": 2, "every": 2, "fluid": 2, "fluids": 2, "idea": 3, "ideas": 3,
        "lately": 2, "likely": 2, "maybe": 2, "osteoarthritis": 6, "osteoporosis": 6, "period": 3,
        "quiet": 2, "safely": 2, "sciatica": 4, "science": 2, "serious": 3, "someone": 2,
        "something": 2, "sometimes": 2, "somewhere": 2, "spasm": 2, "spasms": 2, "unlikely": 3,
        "video": 3,
    ]

    /// The count of `letters` if the word is one of the exceptions. Nearly every other word
    /// has a first letter, last letter and length that no exception has, and is turned away by
    /// one bit; the few left are looked up by a hash of the letters, then compared, so no string
    /// or array is made for the millions of other words.
    private static func exception(_ letters: UnsafeBufferPointer<UInt32>) -> Int? {
        guard let first = letters.first, let last = letters.last,
            let key = exceptionKey(first: first, last: last, count: letters.count),
            exceptionKeys[key >> 6] & (1 << UInt64(key & 63)) != 0,
            let candidate = exceptionsByHash[FNV1a.hash(letters)], candidate.letters.elementsEqual(letters)
        else { return nil }
        return candidate.count
    }

    /// A number for a word's first and last letters (a to z) and length (under 16), or nil.
    private static func exceptionKey(first: UInt32, last: UInt32, count: Int) -> Int? {
        let firstOffset = first &- Letter.a, lastOffset = last &- Letter.a
        guard count < 16, firstOffset < 26, lastOffset < 26 else { return nil }
        return (Int(firstOffset) * 26 + Int(lastOffset)) * 16 + count
    }

    /// Bit `exceptionKey` is set for each exception.
    private static let exceptionKeys: [UInt64] = exceptions.keys.reduce(into: [UInt64](repeating: 0, count: 26 * 26 * 16 / 64 + 1)) {
        bits, word in
        let letters = word.unicodeScalars.map(\.value)
        if let key = exceptionKey(first: letters[0], last: letters[letters.count - 1], count: letters.count) {
            bits[key >> 6] |= 1 << UInt64(key & 63)
        }
    }

    private static let exceptionsByHash: [UInt64: (letters: [UInt32], count: Int)] = Dictionary(
        exceptions.map { word, count in
            let letters = word.unicodeScalars.map(\.value)
            return (FNV1a.hash(letters), (letters, count))
        },
        uniquingKeysWith: { first, _ in first })
}
