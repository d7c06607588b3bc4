import HealthGuideBase
import HealthGuideContent
import HealthGuideLinks
import HealthGuideMarkdown

/// What a page rule sees besides the page: the settings, the day to judge dates by, and the
/// page's sentences, split once for all the rules that read them.
public struct PageCheckContext: Sendable {
    /// The site's settings; for a page being read, as its language sees them (`localized(for:)`).
    public private(set) var config: SiteConfig
    /// The glossary; for a page being read, its language's.
    public private(set) var glossary: [GlossaryEntry]
    public let today: CalendarDate
    public var sentences: [Sentence] = []
    /// The glossaries of the other languages that have one, by code.
    public let translatedGlossaries: [String: [GlossaryEntry]]

    public init(
        config: SiteConfig, glossary: [GlossaryEntry], today: CalendarDate, translatedGlossaries: [String: [GlossaryEntry]] = [:]
    ) {
        self.config = config
        self.glossary = glossary
        self.today = today
        self.translatedGlossaries = translatedGlossaries
    }

    /// This context for one page, whose words are `words`, with the settings of its language.
    public func reading(_ page: Page, words: ProseWords) -> PageCheckContext {
        var context = self
        context.config = config.localized(for: page.source.language)
        if let language = page.source.language, let own = translatedGlossaries[language] { context.glossary = own }
        context.sentences = Sentence.all(in: page.facts, words: words, formula: context.config.readingLimits.formula)
        return context
    }
}

/// What a site rule sees: the whole linked site.
public struct CheckContext: Sendable {
    public let graph: SiteGraph
    public let config: SiteConfig

    public init(graph: SiteGraph, config: SiteConfig) {
        self.graph = graph
        self.config = config
    }
}

/// One finding of a rule, before the site's severity settings are applied.
public struct Finding: Sendable {
    public var file: String
    public var location: SourceLocation?
    public var message: String
    public var hint: String?
    /// Set when this finding is more serious than the rule's default (a reading grade above
    /// the error limit, a review date in the future); a severity set for the rule in
    /// `site.yml` still wins.
    public var severity: Severity?

    public init(file: String, location: SourceLocation?, message: String, hint: String? = nil, severity: Severity? = nil) {
        self.file = file
        self.location = location
        self.message = message
        self.hint = hint
        self.severity = severity
    }

    public init(page: Page, location: SourceLocation?, message: String, hint: String? = nil, severity: Severity? = nil) {
        self.init(file: page.source.displayPath, location: location, message: message, hint: hint, severity: severity)
    }
}

/// A content rule: a stable id users can configure in `site.yml` (`rules: {id: error|warning|off}`),
/// whose default severity the id carries. Each rule is either a `PageRule` or a `SiteRule`.
public protocol ContentRule: Sendable {
    var id: RuleID { get }
    /// The rule as the page rule or site rule it is, given by `PageRule` and `SiteRule`.
    var kind: RuleKind { get }
}

/// What a rule looks at. The engine sorts its rules by this, not by a cast to `PageRule`: the
/// first such cast in a run searches every conformance of the program, about a millisecond of
/// each build.
public enum RuleKind: Sendable {
    case page(any PageRule)
    case site(any SiteRule)
}

extension ContentRule {
    public var defaultSeverity: Severity { id.defaultSeverity }
}

/// A rule whose findings for one page depend on that page alone. These run as each page is
/// prepared, and their findings are kept with the page in the page cache, so an unchanged
/// page is not checked again.
public protocol PageRule: ContentRule {
    func check(page: Page, context: PageCheckContext) -> [Finding]
}

extension PageRule {
    public var kind: RuleKind { .page(self) }
}

/// A rule over the linked site, run on every build.
public protocol SiteRule: ContentRule {
    func check(_ context: CheckContext) -> [Finding]
}

extension SiteRule {
    public var kind: RuleKind { .site(self) }
}
