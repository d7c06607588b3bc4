import HealthGuideBase

/// How a language's prose is scored for plain language. Each formula was made for one
/// language: Flesch-Kincaid counts English syllables and gives a school grade (lower is
/// easier); Fernández-Huerta and Szigriszt-Pazos (INFLESZ) count Spanish syllables and give
/// an ease from 0 to 100 (higher is easier).
public enum ReadabilityFormula: String, Sendable, Hashable, Codable, CaseIterable {
    case fleschKincaid = "flesch-kincaid"
    case fernandezHuerta = "fernandez-huerta"
    case inflesz

    /// The language whose syllables the formula counts.
    public var language: String {
        self == .fleschKincaid ? "en" : "es"
    }

    /// The formula for a language code (`es`, `es-419`), or nil for a language HealthGuide
    /// cannot score: its primary subtag decides.
    public static func standard(for language: String) -> ReadabilityFormula? {
        switch LanguageTag.primary(of: language) {
        case "en": return .fleschKincaid
        case "es": return .fernandezHuerta
        default: return nil
        }
    }

    /// The languages whose syllables HealthGuide counts, for messages.
    public static let languages = ["en", "es"]

    /// True when a higher score is harder to read (a grade), false when it is easier (an ease).
    public var higherIsHarder: Bool { self == .fleschKincaid }

    /// The limits when `site.yml` gives none: grade 8 and 10; ease 60 and 50 ("normal" and
    /// "somewhat difficult" on Fernández-Huerta's scale); INFLESZ 55 and 40 (below 55 is
    /// "somewhat difficult", below 40 "very difficult" on its scale).
    public var defaultLimits: ReadingLimits {
        switch self {
        case .fleschKincaid: return ReadingLimits(formula: self, warning: 8, error: 10)
        case .fernandezHuerta: return ReadingLimits(formula: self, warning: 60, error: 50)
        case .inflesz: return ReadingLimits(formula: self, warning: 55, error: 40)
        }
    }
}

/// A language's readability formula and the scores past which the readability rule reports
/// an article: above `warning`/`error` for a grade, below them for an ease.
public struct ReadingLimits: Sendable, Hashable, Codable {
    public var formula: ReadabilityFormula
    public var warning: Double
    public var error: Double

    public init(formula: ReadabilityFormula, warning: Double, error: Double) {
        self.formula = formula
        self.warning = warning
        self.error = error
    }
}

/// The title and description of one section in another language.
public struct SectionText: Sendable, Hashable, Codable {
    public var title: String
    public var description: String

    public init(title: String, description: String) {
        self.title = title
        self.description = description
    }
}

/// One language besides the site's default, from `languages:` in `site.yml`: the texts the
/// site shows in it. Pages in it live in the content folder's `<code>/` folder.
public struct LanguageConfig: Sendable, Hashable, Codable {
    public var code: String
    public var title: String = ""
    public var description: String = ""
    public var disclaimer: String = ""
    public var medicinesNote: String = ""
    /// Overrides the site's `emergency_number`; nil keeps it.
    public var emergencyNumber: String?
    /// The heading of an emergency care card in this language, `{number}` standing for the
    /// emergency number; nil gives HealthGuide's own wording.
    public var emergencyText: String?
    public var reading: ReadingLimits
    /// Section id → its title and description in this language; a section not listed keeps
    /// the default language's.
    public var sections: [String: SectionText] = [:]

    public init(code: String, reading: ReadingLimits) {
        self.code = code
        self.reading = reading
    }
}

/// The shape of language codes.
public enum LanguageTag {
    /// BCP 47's shape: two or three ASCII letters, then parts of one to eight letters or digits.
    public static func isValid(_ text: String) -> Bool {
        func isLetter(_ byte: UInt8) -> Bool { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20) }
        func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
        let parts = text.utf8.split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy(isLetter) else { return false }
        return parts.dropFirst().allSatisfy { (1...8).contains($0.count) && $0.allSatisfy { isLetter($0) || isDigit($0) } }
    }

    /// The language without region or script, in lower case: `es-419` → `es`.
    public static func primary(of code: String) -> String {
        String(code.prefix { $0 != "-" }).lowercased()
    }
}
