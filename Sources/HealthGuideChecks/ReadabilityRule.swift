import HealthGuideBase
import HealthGuideContent
import HealthGuideLinks

/// An article's Flesch-Kincaid grade must stay within the site's `reading_grade` limits:
/// above `warning` it is reported at the rule's severity, above `error` as an error. The
/// message names the sentences that raise the grade most, since rewriting those helps most.
public struct ReadabilityRule: PageRule {
    public let id = RuleID.readability

    /// How many of the hardest sentences the message names.
    public static let namedSentences = 3

    public func check(page: Page, context: PageCheckContext) -> [Finding] {
        guard page.isArticle else { return [] }
        let sentences = context.sentences
        let scores = sentences.map(\.score)
        let article = Readability(combining: scores)
        let grade = article.fleschKincaidGrade.roundedToTenth
        let limits = context.config.readingGrade
        guard grade > limits.warning else { return [] }

        let hardest = Self.hardest(sentences, scores: scores, of: article)
        let named = hardest.map { sentence, score in
            "line \(sentence.location.line) \(sentence.opening) (grade \(score.fleschKincaidGrade.oneDecimal))"
        }
        let isError = grade > limits.error
        return [
            Finding(
                page: page, location: hardest.first?.sentence.location,
                message: "reading grade \(grade.oneDecimal) is above \((isError ? limits.error : limits.warning).compactDecimal); "
                    + "hardest sentences: " + named.joined(separator: ", "),
                hint: "split long sentences and use shorter, everyday words; aim for grade \(limits.warning.compactDecimal) or below",
                severity: isError ? .error : nil)
        ]
    }

    /// The sentences that raise the article's grade most, in that order (document order on ties).
    public static func hardest(_ sentences: [Sentence], scores: [Readability], of article: Readability) -> [(
        sentence: Sentence, score: Readability
    )] {
        let ranked = zip(sentences, scores).enumerated().map { index, pair in
            (index: index, raise: article.gradeRaise(by: pair.1), sentence: pair.0, score: pair.1)
        }
        return
            ranked
            .sorted { $0.raise != $1.raise ? $0.raise > $1.raise : $0.index < $1.index }
            .prefix(namedSentences)
            .map { ($0.sentence, $0.score) }
    }
}
