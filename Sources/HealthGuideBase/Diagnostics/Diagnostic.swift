/// How serious a finding is. Errors fail a build; warnings fail it only in strict mode; notes
/// never do: they say what the build did in your stead (a link to a page not yet translated
/// goes to its source).
public enum Severity: String, Sendable, Codable, Comparable {
    case note
    case warning
    case error

    private var rank: Int {
        switch self {
        case .note: return 0
        case .warning: return 1
        case .error: return 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        lhs.rank < rhs.rank
    }
}

/// A position in a source file, 1-based like a compiler's.
public struct SourceLocation: Sendable, Hashable, Codable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static let start = SourceLocation(line: 1, column: 1)
}

/// One finding about the input, printed like a compiler diagnostic:
/// `Content/stretches/cat-cow.md:14:9: error: broken link '…' [broken-link]`.
public struct Diagnostic: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The file as the user named it (relative to the working directory where possible).
    public var file: String
    public var location: SourceLocation?
    public var severity: Severity
    public var message: String
    /// A stable id (`broken-link`, `readability`…) that users can look up and configure.
    public var rule: RuleID
    /// How to fix it, when there is something useful to say.
    public var hint: String?

    public init(
        file: String, location: SourceLocation?, severity: Severity,
        message: String, rule: RuleID, hint: String? = nil
    ) {
        self.file = file
        self.location = location
        self.severity = severity
        self.message = message
        self.rule = rule
        self.hint = hint
    }

    /// The diagnostic as printed on a terminal. The file, the message and the hint quote the
    /// input, so their control characters are escaped (`TerminalText`): the one line break
    /// left is the one before the hint.
    public var description: String {
        var position = TerminalText.escaped(file)
        if let location {
            position += ":\(location.line):\(location.column)"
        }
        var text = "\(position): \(severity.rawValue): \(TerminalText.escaped(message)) [\(rule)]"
        if let hint {
            text += "\n  hint: \(TerminalText.escaped(hint))"
        }
        return text
    }
}

extension Diagnostic: Comparable {
    /// Diagnostics sort by file, then position, so every run prints them in the same order.
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        if lhs.file != rhs.file { return lhs.file < rhs.file }
        let left = lhs.location ?? SourceLocation(line: 0, column: 0)
        let right = rhs.location ?? SourceLocation(line: 0, column: 0)
        if left.line != right.line { return left.line < right.line }
        if left.column != right.column { return left.column < right.column }
        return lhs.message < rhs.message
    }
}

/// A diagnostic is also what a step throws when it cannot go on (a page whose templates nest
/// without end), so the caller reports it as it is.
extension Diagnostic: Error {}
