import HealthGuideBase
import HealthGuideLinks

/// Sentences over 25 words are hard to follow, most of all for readers under stress.
package struct LongSentenceRule: PageRule {
    package let id = "long-sentence"
    package let defaultSeverity = Severity.warning

    package static let maximumWords = 25

    package func check(page: Page, context: PageCheckContext) -> [Finding] {
        context.sentences.compactMap { sentence in
            let words = sentence.score.words
            guard words > Self.maximumWords else { return nil }
            return Finding(page: page, location: sentence.location,
                           message: "sentence of \(words) words is longer than \(Self.maximumWords): \(sentence.opening)",
                           hint: "split it into two or three shorter sentences")
        }
    }
}
