import HealthGuideBase
import Yams

/// Reads typed values out of a composed YAML tree and reports every problem with its position
/// in the original file. Yams gives positions relative to the YAML text; `lineOffset` shifts
/// them so they point into the file (front matter starts on the file's second line).
public struct YAMLReader {
    public let file: String
    public let lineOffset: Int
    public private(set) var diagnostics: [Diagnostic] = []

    public init(file: String, lineOffset: Int = 0) {
        self.file = file
        self.lineOffset = lineOffset
    }

    /// Composes YAML text into a node tree, or records the syntax error at its position.
    /// Scalars are left untyped (Yams's basic resolver): fields are read as the type they must
    /// have, and typing every scalar by regular expression was most of the cost of reading
    /// front matter. Null is recognised below, where it matters. The constructor is empty:
    /// only `Node.any` uses one, and Yams's `.default` builds its three tables of conversions
    /// anew for every call (about 9,000 instructions a file).
    public mutating func compose(_ text: String) -> Node? {
        var text = text
        var repeatsTagged = 0
        while true {
            do {
                return try Yams.compose(yaml: text, .basic, Constructor([:], [:], [:]), .utf8)
            } catch let error as YamlError {
                if case let .duplicatedKeysInMapping(_, context) = error, repeatsTagged < Self.maximumTaggedRepeats,
                    Self.tag(keyAt: context.mark, in: &text, number: repeatsTagged)
                {
                    repeatsTagged += 1
                    continue
                }
                record(yamlError: error)
                return nil
            } catch {
                report(at: nil, "could not read YAML: \(error)", rule: .yamlSyntax)
                return nil
            }
        }
    }

    /// Yams refuses a mapping with a repeated key as a whole, naming only where the first
    /// spelling of the key is. A local tag in front of that spelling (`!repeat0 title:`) makes
    /// the two keys differ for Yams while keeping their text, so the next try composes the file
    /// (or finds the next repeat) and `mapping` reports every repeat at its own line and column.
    /// Columns after the tag on that one line shift, but that line holds the first spelling,
    /// which is never the one reported. Beyond this many repeats the rest are reported as Yams
    /// reports them.
    private static let maximumTaggedRepeats = 100

    /// Puts a local tag before the key at `mark`; false when the mark is not in the text.
    private static func tag(keyAt mark: Mark, in text: inout String, number: Int) -> Bool {
        var line = 1
        var index = text.unicodeScalars.startIndex
        while line < mark.line {
            guard let newline = text.unicodeScalars[index...].firstIndex(of: "\n") else { return false }
            index = text.unicodeScalars.index(after: newline)
            line += 1
        }
        guard let keyStart = text.unicodeScalars.index(index, offsetBy: mark.column - 1, limitedBy: text.unicodeScalars.endIndex) else {
            return false
        }
        text.insert(contentsOf: "!repeat\(number) ", at: keyStart)
        return true
    }

    private mutating func record(yamlError error: YamlError) {
        switch error {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            report(at: shifted(mark), "YAML syntax error: \(problem)", rule: .yamlSyntax)
        case let .reader(problem, offset, value, yaml):
            // Said in words and by code point: the character itself may be one a terminal acts on.
            let hex = String(UInt32(bitPattern: value), radix: 16, uppercase: true)
            let character = value >= 0 ? " (U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + ")" : ""
            report(
                at: offset.map { location(atCharacterOffset: $0, in: yaml) },
                "YAML cannot be read: \(problem)\(character)", rule: .yamlSyntax)
        case let .duplicatedKeysInMapping(duplicates, context):
            report(at: shifted(context.mark), "duplicate keys: \(duplicates.joined(separator: ", "))", rule: .yamlSyntax)
        default:
            report(at: nil, "could not read YAML: \(error)", rule: .yamlSyntax)
        }
    }

    /// Where the character `offset` characters into `text` is, columns counted in code points
    /// as libyaml counts them.
    private func location(atCharacterOffset offset: Int, in text: String) -> SourceLocation {
        let index = text.index(text.startIndex, offsetBy: offset, limitedBy: text.endIndex) ?? text.endIndex
        let before = text[..<index]
        let line = before.reduce(1) { $1 == "\n" || $1 == "\r\n" ? $0 + 1 : $0 }
        let lineStart = before.lastIndex { $0 == "\n" || $0 == "\r\n" }.map { text.index(after: $0) } ?? text.startIndex
        return SourceLocation(line: line + lineOffset, column: text.unicodeScalars[lineStart..<index].count + 1)
    }

    public func location(of node: Node) -> SourceLocation? {
        node.mark.map(shifted)
    }

    private func shifted(_ mark: Mark) -> SourceLocation {
        SourceLocation(line: mark.line + lineOffset, column: mark.column)
    }

    public mutating func report(
        at location: SourceLocation?, _ message: String, rule: RuleID,
        severity: Severity = .error, hint: String? = nil
    ) {
        diagnostics.append(
            Diagnostic(
                file: file, location: location, severity: severity, message: message, rule: rule, hint: hint))
    }

    // MARK: Typed access

    /// The pairs of a mapping, with duplicate and unknown keys reported.
    public mutating func mapping(_ node: Node, named what: String, allowedKeys: [String]?) -> [(key: String, keyNode: Node, value: Node)]? {
        guard case let .mapping(mapping) = node else {
            report(at: location(of: node), "\(what) must be a mapping of 'key: value' lines", rule: .wrongType)
            return nil
        }
        var seen: [String: Node] = [:]
        var pairs: [(key: String, keyNode: Node, value: Node)] = []
        for (keyNode, value) in mapping {
            guard let key = keyNode.scalar?.string else {
                report(at: location(of: keyNode), "\(what) has a key that is not text", rule: .wrongType)
                continue
            }
            if let first = seen[key] {
                let place = location(of: first).map { " (first at line \($0.line))" } ?? ""
                report(at: location(of: keyNode), "duplicate field '\(key)' in \(what)\(place)", rule: .duplicateField)
                continue
            }
            seen[key] = keyNode
            if let allowedKeys, !allowedKeys.contains(key) {
                let hint = Suggestion.closest(to: key, in: allowedKeys).map { "did you mean '\($0)'?" }
                let list = allowedKeys.joined(separator: ", ")
                report(
                    at: location(of: keyNode),
                    "unknown field '\(key)' in \(what)" + (hint.map { " (\($0))" } ?? ""),
                    rule: .unknownField, hint: "allowed fields: \(list)")
                continue
            }
            pairs.append((key, keyNode, value))
        }
        return pairs
    }

    public mutating func string(_ node: Node, field: String, allowEmpty: Bool = false) -> String? {
        guard case let .scalar(scalar) = node, !Self.isNull(scalar) else {
            report(at: location(of: node), "'\(field)' must be text", rule: .wrongType)
            return nil
        }
        let value = scalar.string.trimmingWhitespace
        if value.isEmpty && !allowEmpty {
            report(at: location(of: node), "'\(field)' is empty", rule: .emptyField)
            return nil
        }
        return value
    }

    /// YAML's null: a plain `~`, `null` (any of three casings) or nothing at all.
    private static func isNull(_ scalar: Node.Scalar) -> Bool {
        guard scalar.style == .plain else { return false }
        switch scalar.string {
        case "", "~", "null", "Null", "NULL": return true
        default: return false
        }
    }

    public mutating func integer(_ node: Node, field: String) -> Int? {
        guard case let .scalar(scalar) = node, let value = Int(scalar.string.trimmingWhitespace) else {
            report(at: location(of: node), "'\(field)' must be a whole number", rule: .wrongType)
            return nil
        }
        return value
    }

    public mutating func bool(_ node: Node, field: String) -> Bool? {
        guard case let .scalar(scalar) = node else {
            report(at: location(of: node), "'\(field)' must be true or false", rule: .wrongType)
            return nil
        }
        switch scalar.string.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default:
            report(at: location(of: node), "'\(field)' must be true or false, not '\(scalar.string)'", rule: .wrongType)
            return nil
        }
    }

    public mutating func date(_ node: Node, field: String) -> CalendarDate? {
        guard let text = string(node, field: field) else { return nil }
        if let date = CalendarDate(iso: text) { return date }
        if CalendarDate.hasISOShape(text) {
            report(at: location(of: node), "'\(field)' is not a real date: \(text)", rule: .invalidDate)
        } else {
            report(at: location(of: node), "'\(field)' must be a date written YYYY-MM-DD, not '\(text)'", rule: .invalidDate)
        }
        return nil
    }

    public mutating func sequence(_ node: Node, field: String) -> [Node]? {
        guard case let .sequence(sequence) = node else {
            report(at: location(of: node), "'\(field)' must be a list", rule: .wrongType)
            return nil
        }
        return Array(sequence)
    }

    public mutating func strings(_ node: Node, field: String) -> [(value: String, location: SourceLocation?)]? {
        guard let items = sequence(node, field: field) else { return nil }
        return items.compactMap { item in
            string(item, field: field).map { ($0, location(of: item)) }
        }
    }
}

public extension String {
    var trimmingWhitespace: String {
        // Most text has nothing to trim, which its first and last bytes tell without walking
        // characters or copying it.
        if let first = utf8.first, let last = utf8.last, Self.isVisibleASCII(first), Self.isVisibleASCII(last) {
            return self
        }
        var view = self[...]
        while let first = view.first, first.isWhitespace { view.removeFirst() }
        while let last = view.last, last.isWhitespace { view.removeLast() }
        return String(view)
    }

    /// Whether the text is empty once trimmed, as `trimmingWhitespace.isEmpty` says, without
    /// making the trimmed copy: one visible ASCII byte answers no. Asked of every file read, whose
    /// last line break made `trimmingWhitespace` copy the whole file.
    var isBlank: Bool {
        if utf8.contains(where: Self.isVisibleASCII) { return false }
        return trimmingWhitespace.isEmpty
    }

    /// ASCII and not a space, tab or line break; no such byte can be part of a whitespace character.
    private static func isVisibleASCII(_ byte: UInt8) -> Bool {
        byte > 0x20 && byte < 0x7F
    }
}
