/// A stable text form of a template context (keys sorted), fingerprinted to tell whether a
/// page would render differently from last time without rendering it.
enum CanonicalText {
    static func of(_ value: Any) -> String {
        var output = ""
        append(value, to: &output)
        return output
    }

    private static func append(_ value: Any, to output: inout String) {
        switch value {
        case let text as String:
            output += "\"" + text + "\"\u{1}"
        case let flag as Bool:
            output += flag ? "T" : "F"
        case let number as Int:
            output += "#\(number)"
        case let array as [Any]:
            output += "["
            for element in array { append(element, to: &output) }
            output += "]"
        case let dictionary as [String: Any]:
            output += "{"
            for (key, element) in dictionary.sorted(by: { $0.key < $1.key }) {
                output += key + "="
                append(element, to: &output)
            }
            output += "}"
        default:
            output += String(describing: value)
        }
    }
}
