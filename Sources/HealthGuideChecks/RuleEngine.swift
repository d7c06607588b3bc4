import HealthGuideBase
import HealthGuideContent
import HealthGuideLinks

/// Runs the content rules and turns their findings into diagnostics with the severity the
/// site configured for each rule.
public struct RuleEngine: Sendable {
    public let rules: [any ContentRule]
    /// `rules` sorted by kind once, not asked for every page.
    private let pageRules: [any PageRule]
    private let siteRules: [any SiteRule]

    public init(rules: [any ContentRule] = RuleEngine.standardRules) {
        self.rules = rules
        pageRules = rules.compactMap { rule in
            if case let .page(pageRule) = rule.kind { pageRule } else { nil }
        }
        siteRules = rules.compactMap { rule in
            if case let .site(siteRule) = rule.kind { siteRule } else { nil }
        }
    }

    /// The engine of every build: one, with the standard rules.
    public static let standard = RuleEngine()

    /// The ids of the rules that look at the whole site rather than one page.
    public var siteRuleIDs: Set<RuleID> { Set(siteRules.map(\.id)) }

    /// Every rule HealthGuide ships, in the order their findings are most useful.
    public static let standardRules: [any ContentRule] = [
        // Safety first: advice on when to get help, medicines, review dates and sources.
        EmergencyCardRule(),
        EmptyCareCardRule(),
        CareCardCountRule(),
        CareCardLevelRule(),
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
        TableSizeRule(),
        DuplicateTitleRule(),
        // Site structure and markup.
        OrphanRule(),
        UnusedImageRule(),
        RawHTMLRule(),
        UnsafeHTMLRule(),
        UnknownCardRule(),
        // Translations.
        TranslationOutdatedRule(),
        TranslationCardsRule(),
    ]

    /// The findings of the page rules for one page.
    public func run(page: Page, context: PageCheckContext) -> [Diagnostic] {
        pageRules.flatMap { rule in diagnostics(of: rule, config: context.config) { rule.check(page: page, context: context) } }
    }

    /// The findings of the site rules.
    public func run(site context: CheckContext) -> [Diagnostic] {
        siteRules.flatMap { rule in diagnostics(of: rule, config: context.config) { rule.check(context) } }
    }

    /// Runs `check` unless the rule is switched off, with the site's severity applied.
    private func diagnostics(of rule: any ContentRule, config: SiteConfig, _ check: () -> [Finding]) -> [Diagnostic] {
        // nil: not configured; .some(nil): configured 'off'.
        let configured = config.ruleSeverities[rule.id]
        if case .some(.none) = configured { return [] }
        return check().map { finding in
            let severity = configured.flatMap { $0 } ?? finding.severity ?? rule.defaultSeverity
            return Diagnostic(
                file: finding.file, location: finding.location, severity: severity,
                message: finding.message, rule: rule.id, hint: finding.hint)
        }
    }
}
