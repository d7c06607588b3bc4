/// The one id scheme of the site's fragments, GitHub's: heading ids (`## What to do` →
/// `what-to-do`) and glossary entries (`β-blocker` → `term-β-blocker`). Letters and digits of
/// every script are kept, lower-cased; spaces become hyphens; `-` and `_` stay; everything
/// else is dropped. Empty when nothing is left.
public enum FragmentID {
    public static func make(from text: String) -> String {
        if let ascii = asciiID(text) { return ascii }
        var result = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber || character == "-" || character == "_" {
                result.append(character)
            } else if character == " " {
                result.append("-")
            }
        }
        return result
    }

    /// The id of ASCII text, nearly every heading, made byte by byte with the same rules:
    /// lower-casing and asking each `Character` what it is cost more than the rest of scanning
    /// the heading. Nil when the text is not all ASCII.
    private static func asciiID(_ text: String) -> String? {
        let bytes = text.utf8
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): result.append(byte | 0x20)
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "_"):
                result.append(byte)
            case UInt8(ascii: " "): result.append(UInt8(ascii: "-"))
            default: break
            }
        }
        return String(decoding: result, as: UTF8.self)
    }
}
