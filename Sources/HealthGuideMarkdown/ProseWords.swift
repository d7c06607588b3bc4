/// The words of a page's prose, found in one pass over its text blocks: the readability rules
/// (words and syllables of each sentence) and the search index both read every word of every
/// page, and each used to find them again.
///
/// Each word is also numbered by its lower-case form, the same number for every time it
/// appears. A page of 800 words has a few hundred distinct ones, so the readability rules count
/// the syllables of each distinct word once, and the search index lists the distinct words
/// without finding and comparing them again.
public struct ProseWords: Sendable {
    /// The UTF-8 ranges of the words, block after block, each within its own block's text.
    private let ranges: [Range<Int>]
    /// Where each block's words start in `ranges`, then where the last block's end.
    private let blockStarts: [Int]
    /// For each word in `ranges`, the number of its lower-case form in `distinct`.
    public let numbers: [Int]
    /// The numbers of the lower-case forms of three letters or more, in the order first seen:
    /// the words the search index keeps.
    public let indexedNumbers: [Int]
    /// The words' lower-case forms.
    public let distinct: DistinctWords

    public init(of facts: PageFacts) {
        var ranges: [Range<Int>] = []
        var numbers: [Int] = []
        var indexedNumbers: [Int] = []
        var distinct = DistinctWords()
        var blockStarts = [0]
        blockStarts.reserveCapacity(facts.textBlocks.count + 1)
        for block in facts.textBlocks {
            var text = block.text
            text.withUTF8 { bytes in
                Prose.forEachWord(in: bytes) { range in
                    let (number, isNew, isIndexed) = Self.number(of: UnsafeBufferPointer(rebasing: bytes[range]), in: &distinct)
                    ranges.append(range)
                    numbers.append(number)
                    if isNew && isIndexed { indexedNumbers.append(number) }
                }
            }
            blockStarts.append(ranges.count)
        }
        self.ranges = ranges
        self.blockStarts = blockStarts
        self.numbers = numbers
        self.indexedNumbers = indexedNumbers
        self.distinct = distinct
    }

    /// The words of the page's text block at `index`, in order. The slice keeps the words'
    /// places on the page, which index `numbers`.
    public func inBlock(_ index: Int) -> ArraySlice<Range<Int>> {
        ranges[blockStarts[index]..<blockStarts[index + 1]]
    }

    /// The number of the word's lower-case form, whether it is new, and whether the search index
    /// keeps it (three letters or more). ASCII words, nearly all of them, are lower-cased byte by
    /// byte as they are looked up, where `lowercased()` of each made a new string.
    private static func number(of word: UnsafeBufferPointer<UInt8>, in distinct: inout DistinctWords)
        -> (number: Int, isNew: Bool, isIndexed: Bool)
    {
        if let (number, isNew) = distinct.number(ofLowercasedASCII: word) { return (number, isNew, word.count > 2) }
        var lowercased = String(decoding: word, as: UTF8.self).lowercased()
        let (number, isNew) = lowercased.withUTF8 { distinct.number(of: $0) }
        return (number, isNew, word.count > 2 && lowercased.count > 2)
    }
}
