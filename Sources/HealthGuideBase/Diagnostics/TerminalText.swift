/// Text from the input (file names, titles, tags, values) made safe to print on a terminal:
/// control characters are written as escapes, so a file named `\u{1B}[31m…` cannot recolour
/// the terminal, a name with a line break cannot forge a diagnostic line of its own, and
/// bidirectional overrides cannot make a name read as something it is not.
public enum TerminalText {
    /// `text` with every C0 and C1 control character, DEL and Unicode bidirectional override
    /// (U+202A–U+202E, U+2066–U+2069) written as `\n`, `\r`, `\t` or `\u{…}`. A backslash is
    /// left as it is: it is harmless, and doubling it would garble every Windows-style path.
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            guard needsEscape(scalar) else {
                result.unicodeScalars.append(scalar)
                continue
            }
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default: result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            }
        }
        return result
    }

    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }
}
