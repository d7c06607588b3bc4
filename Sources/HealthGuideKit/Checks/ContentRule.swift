/// What a rule sees: the whole linked site, the settings and the day to judge dates by.
public struct CheckContext: Sendable {
    public let graph: SiteGraph
    public let config: SiteConfig
    public let glossary: [GlossaryEntry]
    public let today: CalendarDate
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

    init(page: Page, location: SourceLocation?, message: String, hint: String? = nil, severity: Severity? = nil) {
        self.init(file: page.source.displayPath, location: location, message: message, hint: hint, severity: severity)
    }
}

/// A content rule: a stable id users can configure in `site.yml` (`rules: {id: error|warning|off}`),
/// a default severity, and a check over the site.
public protocol ContentRule: Sendable {
    var id: String { get }
    var defaultSeverity: Severity { get }
    func check(_ context: CheckContext) -> [Finding]
}

/// A rule whose findings for one page depend on that page alone; these run in parallel.
protocol PageRule: ContentRule {
    func check(page: Page, context: CheckContext) -> [Finding]
}

extension PageRule {
    public func check(_ context: CheckContext) -> [Finding] {
        context.graph.pages.parallelMap { page in check(page: page, context: context) }.flatMap { $0 }
    }
}
