import HealthGuideContent

/// Decodes the character references of an attribute value, so the sanitizer judges the value a
/// browser would see (`java&#x73;cript:` is `javascript:`). Numeric references are decoded
/// with or without their `;`, as browsers do; of the named ones, those that spell URL syntax
/// or markup. A reference left undecoded is harmless: the sanitizer escapes every `&` it
/// writes, so the browser reads it as the letters it is, never as the character it names.
public enum HTMLEntities {
    private static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}",
        "colon": ":", "sol": "/", "bsol": "\\", "period": ".", "comma": ",", "semi": ";", "excl": "!",
        "quest": "?", "num": "#", "equals": "=", "lpar": "(", "rpar": ")", "percnt": "%", "plus": "+",
        "tab": "\t", "newline": "\n",
    ]

    public static func decode(_ raw: ArraySlice<UInt8>) -> String {
        guard raw.contains(UInt8(ascii: "&")) else { return String(decoding: raw, as: UTF8.self) }
        var output = ""
        var index = raw.startIndex
        var runStart = index
        while index < raw.endIndex {
            guard raw[index] == UInt8(ascii: "&"), let (character, end) = reference(in: raw, at: index) else {
                index += 1
                continue
            }
            output += String(decoding: raw[runStart..<index], as: UTF8.self)
            output.unicodeScalars.append(character)
            index = end
            runStart = end
        }
        output += String(decoding: raw[runStart..<raw.endIndex], as: UTF8.self)
        return output
    }

    /// The character of the reference starting at `start` (an `&`) and where it ends.
    private static func reference(in raw: ArraySlice<UInt8>, at start: Int) -> (Unicode.Scalar, Int)? {
        var index = start + 1
        if index < raw.endIndex, raw[index] == UInt8(ascii: "#") {
            index += 1
            let hex = index < raw.endIndex && (raw[index] | 0x20) == UInt8(ascii: "x")
            if hex { index += 1 }
            let digitsStart = index
            var value: UInt32 = 0
            while index < raw.endIndex, let digit = digitValue(raw[index], hex: hex) {
                // Anything past U+10FFFF is replaced below; stop growing before it overflows.
                value = min(value * (hex ? 16 : 10) + digit, 0x110000)
                index += 1
            }
            guard index > digitsStart else { return nil }
            if index < raw.endIndex, raw[index] == UInt8(ascii: ";") { index += 1 }
            let scalar = value == 0 ? nil : Unicode.Scalar(value)
            return (scalar ?? "\u{FFFD}", index)
        }
        let nameStart = index
        while index < raw.endIndex, index - nameStart < 8, isAlphanumeric(raw[index]) { index += 1 }
        guard index < raw.endIndex, raw[index] == UInt8(ascii: ";"),
            let text = named[String(decoding: raw[nameStart..<index], as: UTF8.self)],
            let scalar = text.unicodeScalars.first
        else { return nil }
        return (scalar, index + 1)
    }

    private static func digitValue(_ byte: UInt8, hex: Bool) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f") where hex: return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F") where hex: return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }
}
