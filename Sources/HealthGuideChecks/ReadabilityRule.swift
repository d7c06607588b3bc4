import HealthGuideBase
import HealthGuideContent
import HealthGuideLinks

/// An article's readability must stay within its language's limits: an English article's
/// Flesch-Kincaid grade within `reading_grade` (above `warning` it is reported at the rule's
/// severity, above `error` as an error), a Spanish one's Fernández-Huerta ease above its
/// language's `reading` limits. The
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
        let limits = context.config.readingLimits
        let formula = limits.formula
        let score = article.score(formula).roundedToTenth
        // A grade is too hard above its limits, an ease below them.
        func isPast(_ limit: Double) -> Bool { formula.higherIsHarder ? score > limit : score < limit }
        guard isPast(limits.warning) else { return [] }

        let hardest = Self.hardest(sentences, scores: scores, of: article, formula: formula)
        let named = hardest.map { sentence, sentenceScore in
            "line \(sentence.location.line) \(sentence.opening) (\(formula.scoreName) \(sentenceScore.score(formula).oneDecimal))"
        }
        let isError = isPast(limits.error)
        let side = formula.higherIsHarder ? "above" : "below"
        let aim =
            formula.higherIsHarder
            ? "aim for grade \(limits.warning.compactDecimal) or below" : "aim for an ease of \(limits.warning.compactDecimal) or above"
        return [
            Finding(
                page: page, location: hardest.first?.sentence.location,
                message:
                    "\(formula.scoreTitle) \(score.oneDecimal) is \(side) \((isError ? limits.error : limits.warning).compactDecimal); "
                    + "hardest sentences: " + named.joined(separator: ", "),
                hint: "split long sentences and use shorter, everyday words; \(aim)",
                severity: isError ? .error : nil)
        ]
    }

    /// The sentences that raise the article's grade most, in that order (document order on ties).
    public static func hardest(
        _ sentences: [Sentence], scores: [Readability], of article: Readability, formula: ReadabilityFormula = .fleschKincaid
    ) -> [(sentence: Sentence, score: Readability)] {
        let ranked = zip(sentences, scores).enumerated().map { index, pair in
            (index: index, raise: article.difficultyRaise(by: pair.1, formula: formula), sentence: pair.0, score: pair.1)
        }
        return
            ranked
            .sorted { $0.raise != $1.raise ? $0.raise > $1.raise : $0.index < $1.index }
            .prefix(namedSentences)
            .map { ($0.sentence, $0.score) }
    }
}

extension ReadabilityFormula {
    /// How a message names the article's score: `reading grade 9.1`, `reading ease 48.0 (Fernández-Huerta)`.
    var scoreTitle: String {
        switch self {
        case .fleschKincaid: return "reading grade"
        case .fernandezHuerta: return "reading ease (Fernández-Huerta)"
        case .inflesz: return "reading ease (INFLESZ)"
        }
    }

    /// How a message names a sentence's score.
    var scoreName: String { higherIsHarder ? "grade" : "ease" }
}
