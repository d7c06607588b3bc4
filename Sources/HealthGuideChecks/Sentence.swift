import HealthGuideBase
import HealthGuideContent
import HealthGuideLinks
import HealthGuideMarkdown

/// One sentence of a page's prose, with where it starts in the file. Headings, list items and
/// table cells are sentences of their own even without a full stop.
public struct Sentence: Sendable {
    public var text: Substring
    public var block: TextBlockFact.Kind
    /// Which of the page's text blocks the sentence is in, to count the sentences of a paragraph.
    public var blockIndex: Int
    public var location: SourceLocation
    /// Its words, syllables and long words, counted once as the sentence is found: every rule
    /// that reads sentences reads these, and they are counted on the bytes, word by word.
    public let score: Readability
    /// Where the first few words end (UTF-8 offset), when there are more: to name the sentence.
    private let openingLength: Int?

    /// Every sentence of the page's prose, in document order (code blocks are not prose),
    /// given the page's words.
    /// Syllables are counted by the rules of the language `formula` was made for.
    public static func all(in facts: PageFacts, words: ProseWords, formula: ReadabilityFormula = .fleschKincaid) -> [Sentence] {
        // Each distinct word's syllables, counted where it first appears (-1 until then): most
        // words of a page are repeats, and counting was half the cost of finding sentences.
        var syllables = [Int](repeating: -1, count: words.distinct.count)
        let rules = SyllableRules(formula)
        var sentences: [Sentence] = []
        for (index, block) in facts.textBlocks.enumerated() {
            sentences += Self.sentences(
                in: block, blockIndex: index, words: words.inBlock(index), numbers: words.numbers,
                rules: rules, syllables: &syllables)
        }
        return sentences
    }

    /// The sentences of one block, given its words and their numbers (`ProseWords.numbers`).
    /// Every word lies inside one sentence: a sentence ends before a space or at the end of
    /// the block, and starts after a space or at its start; a space separates words.
    private static func sentences(
        in block: TextBlockFact, blockIndex: Int, words: ArraySlice<Range<Int>>, numbers: [Int],
        rules: SyllableRules, syllables: inout [Int]
    ) -> [Sentence] {
        let text = block.text
        var bytesOfText = text
        let ranges = Prose.sentences(in: text)
        var nextWord = words.startIndex
        let measures = bytesOfText.withUTF8 { bytes in
            ranges.map { range -> (score: Readability, openingLength: Int?) in
                while nextWord < words.endIndex, words[nextWord].lowerBound < range.lowerBound { nextWord += 1 }
                let first = nextWord
                while nextWord < words.endIndex, words[nextWord].upperBound <= range.upperBound { nextWord += 1 }
                return measure(
                    words[first..<nextWord], in: bytes, from: range.lowerBound, numbers: numbers, rules: rules,
                    syllables: &syllables)
            }
        }
        let utf8 = text.utf8
        return zip(ranges, measures).map { range, measure in
            let bounds = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: range.upperBound)
            return Sentence(
                text: text[bounds], block: block.kind, blockIndex: blockIndex,
                location: block.location(atUTF8Offset: range.lowerBound),
                score: measure.score, openingLength: measure.openingLength)
        }
    }

    /// The words, syllables and long words of a sentence whose words are `words` of `bytes`,
    /// and where its first few words end, from its `start`, when it has more. A word's
    /// syllables are counted only if `syllables` does not have them yet: the count does not
    /// depend on case, and words with the same number differ only in case.
    private static func measure(
        _ words: ArraySlice<Range<Int>>, in bytes: UnsafeBufferPointer<UInt8>, from start: Int,
        numbers: [Int], rules: SyllableRules, syllables: inout [Int]
    ) -> (score: Readability, openingLength: Int?) {
        var total = 0, polysyllables = 0
        for position in words.indices {
            let number = numbers[position]
            var count = syllables[number]
            if count < 0 {
                let word = UnsafeBufferPointer(rebasing: bytes[words[position]])
                count = rules.count(utf8: word)
                syllables[number] = count
            }
            total += count
            if count >= 3 { polysyllables += 1 }
        }
        let score = Readability(sentences: 1, words: words.count, syllables: total, polysyllables: polysyllables)
        let opening = words.count > openingWords ? words[words.startIndex + openingWords - 1].upperBound - start : nil
        return (score, opening)
    }

    /// The first few words as written, to name the sentence in a message: `"Most back spasms are not…"`.
    public var opening: String {
        guard let openingLength else { return "\"\(text)\"" }
        return "\"" + text[..<text.utf8.index(text.startIndex, offsetBy: openingLength)] + "…\""
    }

    private static let openingWords = 6

    /// How a language's words are split into syllables; chosen once per page, since comparing
    /// the language's code for every new word showed in a profile of 10,000 pages.
    private enum SyllableRules {
        case english, spanish

        init(_ formula: ReadabilityFormula) {
            self = formula.language == "es" ? .spanish : .english
        }

        func count(utf8 word: UnsafeBufferPointer<UInt8>) -> Int {
            switch self {
            case .english: return Syllables.count(utf8: word)
            case .spanish: return SpanishSyllables.count(utf8: word)
            }
        }
    }
}
