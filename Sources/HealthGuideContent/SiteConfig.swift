import HealthGuideBase

/// One section of the site, from `site.yml`: a folder of articles with its own index page.
public struct SectionConfig: Sendable, Hashable, Codable {
    public var id: String
    public var title: String
    public var order: Int
    public var description: String

    public init(id: String, title: String, order: Int, description: String) {
        self.id = id
        self.title = title
        self.order = order
        self.description = description
    }
}

/// Reading-grade limits for the readability rule.
public struct ReadingGradeLimits: Sendable, Hashable, Codable {
    public var warning: Double = 8
    public var error: Double = 10
}

/// Sizes no patient article comes near, past which an input is refused with an error instead
/// of taking the build minutes and gigabytes (`limits:` in `site.yml`).
public struct InputLimits: Sendable, Hashable, Codable {
    /// The largest Markdown file, in kilobytes. The guide's longest article is about 12 KB.
    public var fileKilobytes = 512
    /// The most cells in one table. The guide's largest table has 12.
    public var tableCells = 5_000
    /// The most folders an article may sit in: a section and up to three levels of topics
    /// (`treatments/medicines/for-nerves/levodopa.md`). Deeper trees make breadcrumbs longer
    /// than a phone's screen and are hard to find one's way through.
    public var folderDepth = 4

    public var fileBytes: Int { fileKilobytes * 1024 }
}

/// The settings in `Content/site.yml`.
public struct SiteConfig: Sendable, Hashable, Codable {
    public var title: String = ""
    /// The health problem the site is about, for structured data (`about` a MedicalCondition);
    /// the site title when not given.
    public var condition: String = ""
    /// Absolute URL of the published site, always ending in `/`.
    public var baseURL: String = "/"
    public var language: String = "en"
    public var emergencyNumber: String = "911"
    public var reviewIntervalMonths: Int = 12
    public var readingGrade = ReadingGradeLimits()
    /// Raw HTML in Markdown is dropped unless this is true.
    public var allowRawHTML = false
    /// Shown on every page that names a medicine from the glossary.
    public var medicinesNote: String = ""
    public var sections: [SectionConfig] = []
    public var disclaimer: String = ""
    /// Per-rule severity overrides: `rules: { orphan: error, long-paragraph: off }`; nil means off.
    public var ruleSeverities: [RuleID: Severity?] = [:]
    public var limits = InputLimits()
    /// The site's own values for `[[name]]` in texts (`advice_line: "111"`); see `SiteValues`.
    public var values: [String: String] = [:]
    /// The languages besides `language`, sorted by code (`languages:`); see `localized(for:)`.
    public var languages: [LanguageConfig] = []
    /// A translation's readability formula and limits; nil for the default language, which is
    /// scored by Flesch-Kincaid grade within `reading_grade`.
    public var translationReading: ReadingLimits?
    /// A translation's description of the site (`languages.<code>.description`).
    public var description: String = ""
    /// A translation's emergency card heading (`languages.<code>.emergency_text`), `{number}`
    /// standing for the emergency number.
    public var emergencyText: String?

    public init() {}

    public func section(id: String) -> SectionConfig? {
        sections.first { $0.id == id }
    }
}
