import HealthGuideBase
import HealthGuideLinks

/// Sentences over 25 words are hard to follow, most of all for readers under stress.
public struct LongSentenceRule: PageRule {
    public let id = RuleID.longSentence

    public static let maximumWords = 25

    public func check(page: Page, context: PageCheckContext) -> [Finding] {
        context.sentences.compactMap { sentence in
            let words = sentence.score.words
            guard words > Self.maximumWords else { return nil }
            return Finding(
                page: page, location: sentence.location,
                message: "sentence of \(words) words is longer than \(Self.maximumWords): \(sentence.opening)",
                hint: "split it into two or three shorter sentences")
        }
    }
}
