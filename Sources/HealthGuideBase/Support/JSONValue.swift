/// A small JSON writer for the files the build emits (search index, JSON-LD). Keys keep the
/// order given, so output is deterministic without sorting; it is several times faster than
/// `JSONSerialization`, which matters at ten thousand pages.
public enum JSONValue {
    case string(String)
    case int(Int)
    case array([JSONValue])
    case object([(String, JSONValue)])

    /// `scriptSafe` also escapes `<`, `>` and `&`, so no value can end a `<script>` element.
    public func serialized(scriptSafe: Bool = false) -> String {
        var output: [UInt8] = []
        write(to: &output, scriptSafe: scriptSafe)
        return String(decoding: output, as: UTF8.self)
    }

    private func write(to output: inout [UInt8], scriptSafe: Bool) {
        switch self {
        case let .string(text):
            Self.writeString(text, to: &output, scriptSafe: scriptSafe)
        case let .int(number):
            output += String(number).utf8
        case let .array(elements):
            output.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                element.write(to: &output, scriptSafe: scriptSafe)
            }
            output.append(UInt8(ascii: "]"))
        case let .object(members):
            output.append(UInt8(ascii: "{"))
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                Self.writeString(key, to: &output, scriptSafe: scriptSafe)
                output.append(UInt8(ascii: ":"))
                value.write(to: &output, scriptSafe: scriptSafe)
            }
            output.append(UInt8(ascii: "}"))
        }
    }

    /// Escapes on UTF-8 bytes, copying the runs between escapes whole: the search index puts
    /// every distinct word of every article through here.
    private static func writeString(_ text: String, to output: inout [UInt8], scriptSafe: Bool) {
        output.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            var runStart = 0
            for index in bytes.indices where index >= runStart {
                guard let escape = escape(bytes, at: index, scriptSafe: scriptSafe) else { continue }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                output += escape.utf8
                // U+2028 and U+2029 are three bytes; the escape replaces all of them.
                runStart = index + (bytes[index] == 0xE2 ? 3 : 1)
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[min(runStart, bytes.count)...]))
        }
        output.append(UInt8(ascii: "\""))
    }

    /// The escape for the character starting at `index`, or nil when it is written as it is.
    private static func escape(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, scriptSafe: Bool) -> String? {
        let byte = bytes[index]
        switch byte {
        case UInt8(ascii: "\""): return "\\\""
        case UInt8(ascii: "\\"): return "\\\\"
        case UInt8(ascii: "\n"): return "\\n"
        case UInt8(ascii: "\r"): return "\\r"
        case UInt8(ascii: "\t"): return "\\t"
        case UInt8(ascii: "<") where scriptSafe: return "\\u003c"
        case UInt8(ascii: ">") where scriptSafe: return "\\u003e"
        case UInt8(ascii: "&") where scriptSafe: return "\\u0026"
        case 0..<0x20:
            let hex = String(byte, radix: 16)
            return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        // Line and paragraph separators (E2 80 A8, E2 80 A9) end a line in JavaScript.
        case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
            return bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029"
        default: return nil
        }
    }
}
