/// Runs the content rules and turns their findings into diagnostics with the severity the
/// site configured for each rule.
public struct RuleEngine: Sendable {
    public let rules: [any ContentRule]

    public init(rules: [any ContentRule] = RuleEngine.standardRules) {
        self.rules = rules
    }

    /// Every rule HealthGuide ships, in the order their findings are most useful.
    public static let standardRules: [any ContentRule] = [
        // Safety first: advice on when to get help, medicines, review dates and sources.
        EmergencyCardRule(),
        EmptyCareCardRule(),
        CareCardCountRule(),
        MedicinesRule(),
        ReviewDateRule(),
        SourcesRule(),
        // Plain language.
        ReadabilityRule(),
        LongSentenceRule(),
        LongParagraphRule(),
        // Accessibility.
        AltTextRule(),
        HeadingOrderRule(),
        LinkTextRule(),
        TableHeaderRule(),
        DuplicateTitleRule(),
        // Site structure and markup.
        OrphanRule(),
        RawHTMLRule(),
        UnknownCardRule(),
    ]

    /// The findings of the page rules for one page.
    func run(page: Page, context: PageCheckContext) -> [Diagnostic] {
        diagnostics(config: context.config) { rule in (rule as? any PageRule)?.check(page: page, context: context) }
    }

    /// The findings of the site rules.
    func run(site context: CheckContext) -> [Diagnostic] {
        diagnostics(config: context.config) { rule in (rule as? any SiteRule)?.check(context) }
    }

    /// Runs `check` for each rule that is not switched off, with the site's severities applied.
    private func diagnostics(config: SiteConfig, _ check: (any ContentRule) -> [Finding]?) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for rule in rules {
            // nil: not configured; .some(nil): configured 'off'.
            let configured = config.ruleSeverities[rule.id]
            if case .some(.none) = configured { continue }
            for finding in check(rule) ?? [] {
                let severity = configured.flatMap { $0 } ?? finding.severity ?? rule.defaultSeverity
                diagnostics.append(Diagnostic(file: finding.file, location: finding.location, severity: severity,
                                              message: finding.message, rule: rule.id, hint: finding.hint))
            }
        }
        return diagnostics
    }
}
