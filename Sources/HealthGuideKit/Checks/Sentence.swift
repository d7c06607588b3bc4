/// One sentence of a page's prose, with where it starts in the file. Headings, list items and
/// table cells are sentences of their own even without a full stop.
struct Sentence: Sendable {
    var text: Substring
    var block: TextBlockFact.Kind
    var location: SourceLocation
    /// Split once, as the sentence is found: every rule that reads sentences reads their words.
    let words: [Substring]

    init(text: Substring, block: TextBlockFact.Kind, location: SourceLocation) {
        self.text = text
        self.block = block
        self.location = location
        words = Prose.words(in: text)
    }

    /// Every sentence of the page's prose, in document order (code blocks are not prose).
    static func all(in facts: PageFacts) -> [Sentence] {
        facts.textBlocks.flatMap(sentences(in:))
    }

    static func sentences(in block: TextBlockFact) -> [Sentence] {
        let text = block.text
        return Prose.sentences(in: text).map { range in
            let offset = text.utf8.distance(from: text.startIndex, to: range.lowerBound)
            return Sentence(text: text[range], block: block.kind, location: block.location(atUTF8Offset: offset))
        }
    }

    /// The first few words as written, to name the sentence in a message: `"Most back spasms are not…"`.
    var opening: String {
        let words = words
        guard words.count > Self.openingWords else { return "\"\(text)\"" }
        return "\"" + text[..<words[Self.openingWords - 1].endIndex] + "…\""
    }

    private static let openingWords = 6
}
