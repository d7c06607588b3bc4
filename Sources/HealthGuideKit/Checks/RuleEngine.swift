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

    public func run(_ context: CheckContext) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for rule in rules {
            // nil: not configured; .some(nil): configured 'off'.
            let configured = context.config.ruleSeverities[rule.id]
            if case .some(.none) = configured { continue }
            for finding in rule.check(context) {
                let severity = configured.flatMap { $0 } ?? finding.severity ?? rule.defaultSeverity
                diagnostics.append(Diagnostic(file: finding.file, location: finding.location, severity: severity,
                                              message: finding.message, rule: rule.id, hint: finding.hint))
            }
        }
        return diagnostics
    }
}
