import HealthGuideBase

/// The values a text may take from `site.yml` by name, written `[[emergency_number]]`: the
/// emergency number, the site title and the site's own `values:`. Written once, a number or a
/// phrase reads the same on every page, and a site in another country changes one line.
///
/// Double square brackets, because they read as a placeholder on GitHub and in an editor, are
/// not Markdown (a link needs `[text](…)` or a reference definition), do not occur in plain
/// prose, and are not the `{{…}}` of Mustache that pages about templates quote.
public struct SiteValues: Sendable, Hashable {
    /// The names every site has; `values:` may not reuse them.
    public static let builtInNames = ["emergency_number", "title"]

    private let values: [String: String]

    public init(config: SiteConfig) {
        var values = config.values
        values["emergency_number"] = config.emergencyNumber
        values["title"] = config.title
        self.values = values
    }

    public func value(named name: String) -> String? {
        values[name]
    }

    /// Every name a text may use, in order, for suggestions.
    public var names: [String] { values.keys.sorted() }

    /// A `[[name]]` whose name is not a value, at a byte offset of the text.
    public struct UnknownName: Sendable, Hashable {
        public var name: String
        public var offset: Int
    }

    /// The text with each `[[name]]` replaced by its value; an unknown name is left as written
    /// and reported. `used` lists the names replaced, in order of first use.
    public func substitute(in text: String) -> (text: String, unknown: [UnknownName], used: [String]) {
        let bytes = Array(text.utf8)
        guard bytes.count >= 5, text.utf8.contains(UInt8(ascii: "[")) else { return (text, [], []) }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var unknown: [UnknownName] = []
        var used: [String] = []
        var index = 0
        while index < bytes.count {
            guard let reference = Self.reference(in: bytes, at: index) else {
                result.append(bytes[index])
                index += 1
                continue
            }
            if let value = values[reference.name] {
                result += value.utf8
                if !used.contains(reference.name) { used.append(reference.name) }
            } else {
                unknown.append(UnknownName(name: reference.name, offset: index))
                result += bytes[index..<reference.end]
            }
            index = reference.end
        }
        return (String(decoding: result, as: UTF8.self), unknown, used)
    }

    /// The error for an unknown name, with the nearest known one.
    public func unknownMessage(_ name: String) -> String {
        let suggestion = Suggestion.closest(to: name, in: names).map { " (did you mean '[[\($0)]]'?)" } ?? ""
        return "unknown site value '[[\(name)]]'\(suggestion)"
    }

    public static let hint = "a site value is emergency_number, title or a name under 'values:' in site.yml"

    /// `[[name]]` starting at `start`: a name of ASCII letters, digits, `_` and `-`, and the
    /// offset after the closing brackets.
    private static func reference(in bytes: [UInt8], at start: Int) -> (name: String, end: Int)? {
        guard start + 4 < bytes.count, bytes[start] == UInt8(ascii: "["), bytes[start + 1] == UInt8(ascii: "[") else { return nil }
        var end = start + 2
        while end < bytes.count, isNameByte(bytes[end]) { end += 1 }
        guard end > start + 2, end + 1 < bytes.count, bytes[end] == UInt8(ascii: "]"), bytes[end + 1] == UInt8(ascii: "]") else {
            return nil
        }
        return (String(decoding: bytes[(start + 2)..<end], as: UTF8.self), end + 2)
    }

    static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "_"), UInt8(ascii: "-"):
            return true
        default:
            return false
        }
    }

    /// Whether `name` may be a key of `values:`.
    public static func isName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.allSatisfy(isNameByte)
    }
}
