/// Splitting prose into words and sentences, shared by word counts and the readability rules.
enum Prose {
    /// Words: runs of letters and digits, apostrophes and inner hyphens kept ("don't", "knee-to-chest").
    static func words<Text: StringProtocol>(in text: Text) -> [Text.SubSequence] {
        text.split { character in
            !(character.isLetter || character.isNumber || character == "'" || character == "’" || character == "-")
        }.filter { word in word.contains { $0.isLetter || $0.isNumber } }
    }

    /// The sentences of one block of prose. A sentence ends at `.`, `!` or `?` (with any closing
    /// quotes or brackets) followed by a space, unless the next word starts in lower case
    /// ("e.g. ice") or the stop ends a title such as "Dr."; the end of the block always ends one.
    /// Pieces without a word are dropped.
    static func sentences(in text: String) -> [Range<String.Index>] {
        var sentences: [Range<String.Index>] = []
        var start = text.startIndex
        var index = text.startIndex
        while index < text.endIndex {
            guard sentenceEnds.contains(text[index]) else {
                index = text.index(after: index)
                continue
            }
            var end = text.index(after: index)
            while end < text.endIndex, sentenceEnds.contains(text[end]) || closers.contains(text[end]) {
                end = text.index(after: end)
            }
            let next = text[end...].first { !$0.isWhitespace }
            let isBoundary = end == text.endIndex
                || (text[end].isWhitespace && !(next?.isLowercase ?? false) && !endsWithTitle(text[start..<index]))
            if isBoundary {
                sentences.append(start..<end)
                start = text[end...].firstIndex { !$0.isWhitespace } ?? text.endIndex
            }
            index = end
        }
        if start < text.endIndex { sentences.append(start..<text.endIndex) }
        return sentences.filter { range in text[range].contains { $0.isLetter || $0.isNumber } }
    }

    private static let sentenceEnds: Set<Character> = [".", "!", "?"]
    private static let closers: Set<Character> = ["\"", "'", "”", "’", ")", "]"]
    /// Short forms whose full stop does not end a sentence even before a capital letter.
    private static let titles: Set<String> = ["dr", "mr", "mrs", "ms", "prof", "st", "vs", "e.g", "i.e"]

    private static func endsWithTitle(_ text: Substring) -> Bool {
        let lastWord = text.split(whereSeparator: { $0.isWhitespace || $0 == "(" }).last ?? ""
        return titles.contains(lastWord.lowercased())
    }
}
