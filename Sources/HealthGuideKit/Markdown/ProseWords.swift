/// The words of a page's prose, found in one pass over its text blocks: the readability rules
/// (words and syllables of each sentence) and the search index both read every word of every
/// page, and each used to find them again.
struct ProseWords: Sendable {
    /// The UTF-8 ranges of the words, block after block, each within its own block's text.
    private let ranges: [Range<Int>]
    /// Where each block's words start in `ranges`, then where the last block's end.
    private let blockStarts: [Int]

    init(of facts: PageFacts) {
        var ranges: [Range<Int>] = []
        var blockStarts = [0]
        blockStarts.reserveCapacity(facts.textBlocks.count + 1)
        for block in facts.textBlocks {
            var text = block.text
            text.withUTF8 { bytes in Prose.forEachWord(in: bytes) { ranges.append($0) } }
            blockStarts.append(ranges.count)
        }
        self.ranges = ranges
        self.blockStarts = blockStarts
    }

    /// The words of the page's text block at `index`, in order.
    func inBlock(_ index: Int) -> ArraySlice<Range<Int>> {
        ranges[blockStarts[index]..<blockStarts[index + 1]]
    }
}
