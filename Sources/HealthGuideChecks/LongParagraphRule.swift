import HealthGuideBase
import HealthGuideLinks

/// Paragraphs over five sentences read as a wall of text on a phone.
public struct LongParagraphRule: PageRule {
    public let id = RuleID.longParagraph

    public static let maximumSentences = 5

    public func check(page: Page, context: PageCheckContext) -> [Finding] {
        var counts: [Int: Int] = [:]
        for sentence in context.sentences where sentence.block == .paragraph {
            counts[sentence.blockIndex, default: 0] += 1
        }
        return counts.keys.sorted().compactMap { blockIndex in
            let count = counts[blockIndex] ?? 0
            guard count > Self.maximumSentences else { return nil }
            return Finding(
                page: page, location: page.facts.textBlocks[blockIndex].location(atUTF8Offset: 0),
                message: "paragraph of \(count) sentences is longer than \(Self.maximumSentences)",
                hint: "split it into shorter paragraphs, or turn steps into a list")
        }
    }
}
