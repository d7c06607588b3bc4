/// Runs the content rules and turns their findings into diagnostics with the severity the
/// site configured for each rule.
public struct RuleEngine: Sendable {
    public let rules: [any ContentRule]

    public init(rules: [any ContentRule] = RuleEngine.standardRules) {
        self.rules = rules
    }

    /// Every rule HealthGuide ships, in the order their findings are most useful.
    public static let standardRules: [any ContentRule] = [
        RawHTMLRule(),
        UnknownCardRule(),
    ]

    public func run(_ context: CheckContext) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for rule in rules {
            let configured = context.config.ruleSeverities[rule.id]
            let severity: Severity? = configured ?? rule.defaultSeverity
            guard let severity else { continue }
            for finding in rule.check(context) {
                diagnostics.append(Diagnostic(file: finding.file, location: finding.location, severity: severity,
                                              message: finding.message, rule: rule.id, hint: finding.hint))
            }
        }
        return diagnostics
    }
}
