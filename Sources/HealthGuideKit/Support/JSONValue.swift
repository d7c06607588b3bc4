/// A small JSON writer for the files the build emits (search index, JSON-LD). Keys keep the
/// order given, so output is deterministic without sorting; it is several times faster than
/// `JSONSerialization`, which matters at ten thousand pages.
enum JSONValue {
    case string(String)
    case int(Int)
    case array([JSONValue])
    case object([(String, JSONValue)])

    /// `scriptSafe` also escapes `<`, `>` and `&`, so no value can end a `<script>` element.
    func serialized(scriptSafe: Bool = false) -> String {
        var output = ""
        write(to: &output, scriptSafe: scriptSafe)
        return output
    }

    private func write(to output: inout String, scriptSafe: Bool) {
        switch self {
        case let .string(text):
            Self.writeString(text, to: &output, scriptSafe: scriptSafe)
        case let .int(number):
            output += String(number)
        case let .array(elements):
            output += "["
            for (index, element) in elements.enumerated() {
                if index > 0 { output += "," }
                element.write(to: &output, scriptSafe: scriptSafe)
            }
            output += "]"
        case let .object(members):
            output += "{"
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { output += "," }
                Self.writeString(key, to: &output, scriptSafe: scriptSafe)
                output += ":"
                value.write(to: &output, scriptSafe: scriptSafe)
            }
            output += "}"
        }
    }

    private static func writeString(_ text: String, to output: inout String, scriptSafe: Bool) {
        output += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "<" where scriptSafe: output += "\\u003c"
            case ">" where scriptSafe: output += "\\u003e"
            case "&" where scriptSafe: output += "\\u0026"
            case "\u{2028}": output += "\\u2028"
            case "\u{2029}": output += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        output += "\""
    }
}
