/// One sentence of a page's prose, with where it starts in the file. Headings, list items and
/// table cells are sentences of their own even without a full stop.
struct Sentence: Sendable {
    var text: Substring
    var block: TextBlockFact.Kind
    /// Which of the page's text blocks the sentence is in, to count the sentences of a paragraph.
    var blockIndex: Int
    var location: SourceLocation
    /// Its words, syllables and long words, counted once as the sentence is found: every rule
    /// that reads sentences reads these, and they are counted on the bytes, word by word.
    let score: Readability
    /// Where the first few words end (UTF-8 offset), when there are more: to name the sentence.
    private let openingLength: Int?

    init(text: Substring, block: TextBlockFact.Kind, blockIndex: Int, location: SourceLocation) {
        self.text = text
        self.block = block
        self.blockIndex = blockIndex
        self.location = location
        var words = 0, syllables = 0, polysyllables = 0
        var openingLength: Int?
        var bytes = text
        bytes.withUTF8 { bytes in
            Prose.forEachWord(in: bytes) { word in
                let count = Syllables.count(utf8: UnsafeBufferPointer(rebasing: bytes[word]))
                words += 1
                syllables += count
                if count >= 3 { polysyllables += 1 }
                if words == Self.openingWords { openingLength = word.upperBound }
            }
        }
        score = Readability(sentences: 1, words: words, syllables: syllables, polysyllables: polysyllables)
        self.openingLength = words > Self.openingWords ? openingLength : nil
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
        guard let openingLength else { return "\"\(text)\"" }
        return "\"" + text[..<text.utf8.index(text.startIndex, offsetBy: openingLength)] + "…\""
    }

    private static let openingWords = 6
}
