/// Splitting prose into words and sentences, shared by word counts and the readability rules.
enum Prose {
    /// Words: runs of letters and digits, apostrophes and inner hyphens kept ("don't", "knee-to-chest").
    /// Works on Unicode scalars with an ASCII fast path: word counts run over every page of
    /// every build, and `Character` properties are far slower to ask.
    static func words<Text: StringProtocol>(in text: Text) -> [Text.SubSequence] {
        var words: [Text.SubSequence] = []
        let scalars = text.unicodeScalars
        var start: String.Index?
        var hasLetterOrDigit = false
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let kind = Self.kind(of: scalars[index])
            if kind == .separator {
                if let wordStart = start, hasLetterOrDigit { words.append(text[wordStart..<index]) }
                start = nil
                hasLetterOrDigit = false
            } else {
                if start == nil { start = index }
                if kind == .letterOrDigit { hasLetterOrDigit = true }
            }
            scalars.formIndex(after: &index)
        }
        if let wordStart = start, hasLetterOrDigit { words.append(text[wordStart..<scalars.endIndex]) }
        return words
    }

    private enum ScalarKind {
        case letterOrDigit, joiner, separator
    }

    private static func kind(of scalar: Unicode.Scalar) -> ScalarKind {
        if scalar.isASCII {
            switch scalar.value {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return .letterOrDigit
            case 0x27, 0x2D: return .joiner
            default: return .separator
            }
        }
        if scalar == "’" { return .joiner }
        let properties = scalar.properties
        if properties.isAlphabetic || properties.numericType != nil { return .letterOrDigit }
        // Combining accents belong to the letter before them.
        return properties.generalCategory == .nonspacingMark ? .joiner : .separator
    }

    /// The sentences of one block of prose. A sentence ends at `.`, `!` or `?` (with any closing
    /// quotes or brackets) followed by a space, unless the next word starts in lower case
    /// ("e.g. ice") or the stop ends a title such as "Dr."; the end of the block always ends one.
    /// Pieces without a word are dropped.
    static func sentences(in text: String) -> [Range<String.Index>] {
        let scalars = text.unicodeScalars
        var sentences: [Range<String.Index>] = []
        var start = scalars.startIndex
        var index = scalars.startIndex
        while index < scalars.endIndex {
            guard endsSentence(scalars[index]) else {
                scalars.formIndex(after: &index)
                continue
            }
            var end = scalars.index(after: index)
            while end < scalars.endIndex, endsSentence(scalars[end]) || closesQuote(scalars[end]) {
                scalars.formIndex(after: &end)
            }
            let nextWordStart = scalars[end...].firstIndex { !$0.properties.isWhitespace }
            let nextIsLowercase = nextWordStart.map { scalars[$0].properties.isLowercase } ?? false
            let isBoundary = end == scalars.endIndex
                || (scalars[end].properties.isWhitespace && !nextIsLowercase && !endsWithTitle(scalars[start..<index]))
            if isBoundary {
                sentences.append(start..<end)
                start = nextWordStart ?? scalars.endIndex
            }
            index = end
        }
        if start < scalars.endIndex { sentences.append(start..<scalars.endIndex) }
        return sentences.filter { range in
            scalars[range].contains { kind(of: $0) == .letterOrDigit }
        }
    }

    // Switches, not sets: these run for every character of every page, and hashing costs more.
    private static func endsSentence(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case ".", "!", "?": return true
        default: return false
        }
    }

    private static func closesQuote(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "\"", "'", "”", "’", ")", "]": return true
        default: return false
        }
    }

    /// Short forms whose full stop does not end a sentence even before a capital letter.
    private static let titles: Set<String> = ["dr", "mr", "mrs", "ms", "prof", "st", "vs", "e.g", "i.e"]
    private static let longestTitle = 4

    /// Whether the text before a full stop ends with a short form such as "Dr".
    private static func endsWithTitle(_ text: Substring.UnicodeScalarView) -> Bool {
        let wordStart = text.lastIndex { $0.properties.isWhitespace || $0 == "(" }.map { text.index(after: $0) } ?? text.startIndex
        guard text[wordStart...].count <= longestTitle else { return false }
        let lastWord = String(String.UnicodeScalarView(text[wordStart...])).lowercased()
        return titles.contains(lastWord)
    }
}
