import HealthGuideBase

/// Splitting prose into words and sentences, shared by the readability rules and the search
/// index (see `ProseWords`). Both scan UTF-8 bytes with an ASCII fast path: they run over every word
/// of every page on every full build, and walking `String` indices or asking `Character` for
/// its properties is many times slower.
public enum Prose {
    /// Calls `body` with the UTF-8 range of each word of `bytes`, in order, collecting nothing.
    /// Words are runs of letters and digits, apostrophes and inner hyphens kept ("don't",
    /// "knee-to-chest").
    public static func forEachWord(in bytes: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>) -> Void) {
        var start: Int?
        var hasLetterOrDigit = false
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let kind = byte < 0x80 ? asciiKind(of: byte) : Self.kind(of: UTF8Bytes.scalar(at: index, in: bytes))
            if kind == .separator {
                if let wordStart = start, hasLetterOrDigit { body(wordStart..<index) }
                start = nil
                hasLetterOrDigit = false
            } else {
                if start == nil { start = index }
                if kind == .letterOrDigit { hasLetterOrDigit = true }
            }
            index += UTF8Bytes.scalarLength(byte)
        }
        if let wordStart = start, hasLetterOrDigit { body(wordStart..<bytes.count) }
    }

    /// The sentences of one block of prose, as UTF-8 offsets. A sentence ends at `.`, `!` or `?`
    /// (with any closing quotes or brackets) followed by a space, unless the next word starts in
    /// lower case ("e.g. ice") or the stop ends a title such as "Dr."; the end of the block always
    /// ends one. Pieces without a word are dropped; leading space is not part of a sentence.
    public static func sentences(in text: String) -> [Range<Int>] {
        var text = text
        return text.withUTF8 { bytes in
            var sentences: [Range<Int>] = []
            var start = 0
            var index = 0
            while index < bytes.count {
                if index + 8 <= bytes.count, !mayEndSentence(eightBytesAt: index, in: bytes) {
                    index += 8
                    continue
                }
                guard endsSentence(bytes[index]) else {
                    index += 1
                    continue
                }
                var end = index + 1
                while end < bytes.count, endsSentence(bytes[end]) || closesQuote(UTF8Bytes.scalar(at: end, in: bytes)) {
                    end += UTF8Bytes.scalarLength(bytes[end])
                }
                let nextWordStart = firstNonWhitespace(from: end, in: bytes)
                let nextIsLowercase = nextWordStart < bytes.count && isLowercase(UTF8Bytes.scalar(at: nextWordStart, in: bytes))
                let isBoundary =
                    end == bytes.count
                    || (isWhitespace(UTF8Bytes.scalar(at: end, in: bytes)) && !nextIsLowercase
                        && !endsWithTitle(bytes, from: start, to: index))
                if isBoundary {
                    if hasWord(in: bytes, start..<end) { sentences.append(start..<end) }
                    start = nextWordStart
                }
                index = end
            }
            if start < bytes.count, hasWord(in: bytes, start..<bytes.count) { sentences.append(start..<bytes.count) }
            return sentences
        }
    }

    // MARK: Words

    private enum ScalarKind {
        case letterOrDigit, joiner, separator
    }

    /// The kind of an ASCII byte, read from bit masks with a bit for each byte (the first 64
    /// bytes, then the next 64): most bytes are ASCII, and a table in an array has its bounds
    /// checked on every read.
    private static func asciiKind(of byte: UInt8) -> ScalarKind {
        let shift = UInt64(byte & 63)
        // Digits; then "A"–"Z" and "a"–"z".
        let letterOrDigit: UInt64 = byte < 64 ? 0x03FF_0000_0000_0000 : 0x07FF_FFFE_07FF_FFFE
        if letterOrDigit >> shift & 1 != 0 { return .letterOrDigit }
        // The apostrophe and the hyphen.
        let joiner: UInt64 = byte < 64 ? 0x0000_2080_0000_0000 : 0
        return joiner >> shift & 1 != 0 ? .joiner : .separator
    }

    private static func kind(of scalar: Unicode.Scalar) -> ScalarKind {
        if scalar.isASCII { return asciiKind(of: UInt8(scalar.value)) }
        if scalar == "’" { return .joiner }
        let properties = scalar.properties
        if properties.isAlphabetic || properties.numericType != nil { return .letterOrDigit }
        // Combining accents belong to the letter before them.
        return properties.generalCategory == .nonspacingMark ? .joiner : .separator
    }

    private static func hasWord(in bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        var index = range.lowerBound
        while index < range.upperBound {
            if kind(of: UTF8Bytes.scalar(at: index, in: bytes)) == .letterOrDigit { return true }
            index += UTF8Bytes.scalarLength(bytes[index])
        }
        return false
    }

    // MARK: Sentences

    // Switches, not sets: these run for every character of every page, and hashing costs more.
    private static func endsSentence(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"): return true
        default: return false
        }
    }

    /// Whether any of the eight bytes from `index` is ".", "!" or "?": one test where a byte at
    /// a time took eight, over every byte of prose. A byte equal to the stop is a zero byte of
    /// their exclusive or, which the classic test finds (Hacker's Delight 6-1).
    private static func mayEndSentence(eightBytesAt index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let chunk = UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self)
        func hasZeroByte(_ word: UInt64) -> Bool {
            (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080 != 0
        }
        return hasZeroByte(chunk ^ 0x2E2E_2E2E_2E2E_2E2E) || hasZeroByte(chunk ^ 0x2121_2121_2121_2121)
            || hasZeroByte(chunk ^ 0x3F3F_3F3F_3F3F_3F3F)
    }

    private static func closesQuote(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "\"", "'", "”", "’", ")", "]": return true
        default: return false
        }
    }

    private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0x09...0x0D: return true
        case 0..<0x80: return false
        default: return scalar.properties.isWhitespace
        }
    }

    private static func isLowercase(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x61...0x7A: return true
        case 0..<0x80: return false
        default: return scalar.properties.isLowercase
        }
    }

    private static func firstNonWhitespace(from start: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var index = start
        while index < bytes.count, isWhitespace(UTF8Bytes.scalar(at: index, in: bytes)) {
            index += UTF8Bytes.scalarLength(bytes[index])
        }
        return index
    }

    /// Short forms whose full stop does not end a sentence even before a capital letter.
    private static let titles: [[UInt8]] = ["dr", "mr", "mrs", "ms", "prof", "st", "vs", "e.g", "i.e"].map { Array($0.utf8) }
    private static let longestTitle = 4

    /// Whether the text from `start` up to the full stop at `stop` ends with a short form such
    /// as "Dr". Titles are ASCII, so the word before the stop is read back byte by byte; any
    /// other byte ends the search, unless it ends a space such as a no-break space.
    private static func endsWithTitle(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to stop: Int) -> Bool {
        var wordStart = stop
        while wordStart > start {
            let byte = bytes[wordStart - 1]
            if byte >= 0x80 {
                var scalarStart = wordStart - 1
                while scalarStart > start, bytes[scalarStart] & 0xC0 == 0x80 { scalarStart -= 1 }
                guard isWhitespace(UTF8Bytes.scalar(at: scalarStart, in: bytes)) else { return false }
                break
            }
            if byte == UInt8(ascii: "(") || isWhitespace(Unicode.Scalar(byte)) { break }
            wordStart -= 1
            if stop - wordStart > longestTitle { return false }
        }
        // Compared in place, lower-cased byte by byte, rather than made into a lower-cased
        // string and looked up in a set for each full stop of every page.
        let word = UnsafeBufferPointer(rebasing: bytes[wordStart..<stop])
        return titles.contains { title in
            title.count == word.count && zip(title, word).allSatisfy { $0 == ($1 &- 0x41 < 26 ? $1 | 0x20 : $1) }
        }
    }
}
