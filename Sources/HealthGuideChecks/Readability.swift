import Foundation
import HealthGuideContent

/// The classic readability scores of a piece of prose, from counts of sentences, words,
/// syllables and words of three or more syllables:
///
/// - Flesch-Kincaid grade = 0.39 × words/sentences + 11.8 × syllables/words − 15.59
/// - Flesch reading ease = 206.835 − 1.015 × words/sentences − 84.6 × syllables/words
/// - SMOG grade = 1.0430 × √(polysyllables × 30 / sentences) + 3.1291
/// - Fernández-Huerta ease, for Spanish (as corrected by Law, 2011, with Spanish syllables)
///   = 206.84 − 60 × syllables/words − 1.02 × words/sentences
/// - INFLESZ (Szigriszt-Pazos perspicuity, for Spanish)
///   = 206.835 − 62.3 × syllables/words − words/sentences
///
/// Prose with no words scores as the easiest text (grade 0, ease 100), since there is
/// nothing in it to struggle with.
public struct Readability: Sendable, Hashable {
    public var sentences = 0
    public var words = 0
    public var syllables = 0
    /// Words of three syllables or more, which SMOG counts.
    public var polysyllables = 0

    public init(sentences: Int, words: Int, syllables: Int, polysyllables: Int) {
        self.sentences = sentences
        self.words = words
        self.syllables = syllables
        self.polysyllables = polysyllables
    }

    /// The scores of several pieces together, from their scores alone: each sentence is
    /// scored once (`Sentence.score`) and the scores are added up.
    public init(combining parts: [Readability]) {
        for part in parts {
            sentences += part.sentences
            words += part.words
            syllables += part.syllables
            polysyllables += part.polysyllables
        }
    }

    public init(_ sentences: [Sentence]) {
        self.init(combining: sentences.map(\.score))
    }

    public var fleschKincaidGrade: Double {
        guard words > 0 else { return 0 }
        return 0.39 * wordsPerSentence + 11.8 * syllablesPerWord - 15.59
    }

    public var fleschReadingEase: Double {
        guard words > 0 else { return 100 }
        return 206.835 - 1.015 * wordsPerSentence - 84.6 * syllablesPerWord
    }

    public var fernandezHuertaEase: Double {
        guard words > 0 else { return 100 }
        return 206.84 - 60 * syllablesPerWord - 1.02 * wordsPerSentence
    }

    public var infleszEase: Double {
        guard words > 0 else { return 100 }
        return 206.835 - 62.3 * syllablesPerWord - wordsPerSentence
    }

    /// The score `formula` gives: a grade or an ease.
    public func score(_ formula: ReadabilityFormula) -> Double {
        switch formula {
        case .fleschKincaid: return fleschKincaidGrade
        case .fernandezHuerta: return fernandezHuertaEase
        case .inflesz: return infleszEase
        }
    }

    /// How much `sentence` makes this text harder to read by `formula`: `gradeRaise`, or for
    /// an ease the first-order drop in ease it causes.
    public func difficultyRaise(by sentence: Readability, formula: ReadabilityFormula) -> Double {
        guard words > 0 else { return 0 }
        switch formula {
        case .fleschKincaid: return gradeRaise(by: sentence)
        case .fernandezHuerta:
            return 1.02 * (Double(sentence.words) - wordsPerSentence) / Double(sentences)
                + 60 * (Double(sentence.syllables) - Double(sentence.words) * syllablesPerWord) / Double(words)
        case .inflesz:
            return (Double(sentence.words) - wordsPerSentence) / Double(sentences)
                + 62.3 * (Double(sentence.syllables) - Double(sentence.words) * syllablesPerWord) / Double(words)
        }
    }

    public var smogGrade: Double {
        guard words > 0 else { return 0 }
        return 1.0430 * (Double(polysyllables) * 30 / Double(sentences)).squareRoot() + 3.1291
    }

    /// How much `sentence`, one sentence of this text, raises the grade compared with an average
    /// sentence of the same text (the first-order change in the formula if it were replaced by
    /// one). Long sentences of long words score highest; a one-word heading barely counts.
    public func gradeRaise(by sentence: Readability) -> Double {
        guard words > 0 else { return 0 }
        return 0.39 * (Double(sentence.words) - wordsPerSentence) / Double(sentences)
            + 11.8 * (Double(sentence.syllables) - Double(sentence.words) * syllablesPerWord) / Double(words)
    }

    private var wordsPerSentence: Double { Double(words) / Double(sentences) }
    private var syllablesPerWord: Double { Double(syllables) / Double(words) }
}

public extension Double {
    /// Scores are shown and compared with limits to one decimal place, so a message never
    /// says "8.0 is above 8".
    var roundedToTenth: Double { (self * 10).rounded() / 10 }

    /// `8.3`
    var oneDecimal: String { String(format: "%.1f", roundedToTenth) }

    /// Limits as the site wrote them: `8`, `8.5`.
    var compactDecimal: String {
        roundedToTenth == roundedToTenth.rounded() ? String(Int(roundedToTenth)) : oneDecimal
    }
}
