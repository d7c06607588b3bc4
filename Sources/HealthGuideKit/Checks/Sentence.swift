/// One sentence of a page's prose, with where it starts in the file. Headings, list items and
/// table cells are sentences of their own even without a full stop.
struct Sentence: Sendable {
    var text: Substring
    var block: TextBlockFact.Kind
    /// Which of the page's text blocks the sentence is in, to count the sentences of a paragraph.
    var blockIndex: Int
    var location: SourceLocation
    /// Split once, as the sentence is found: every rule that reads sentences reads their words.
    let words: [Substring]

    init(text: Substring, block: TextBlockFact.Kind, blockIndex: Int, location: SourceLocation) {
        self.text = text
        self.block = block
        self.blockIndex = blockIndex
        self.location = location
        words = Prose.words(in: text)
    }

    /// Every sentence of the page's prose, in document order (code blocks are not prose).
    static func all(in facts: PageFacts) -> [Sentence] {
        facts.textBlocks.enumerated().flatMap { index, block in sentences(in: block, blockIndex: index) }
    }

    static func sentences(in block: TextBlockFact, blockIndex: Int) -> [Sentence] {
        let text = block.text
        let utf8 = text.utf8
        return Prose.sentences(in: text).map { range in
            let bounds = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: range.upperBound)
            return Sentence(text: text[bounds], block: block.kind, blockIndex: blockIndex,
                            location: block.location(atUTF8Offset: range.lowerBound))
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
