/// GitHub-style heading ids: lower-case, punctuation dropped, spaces to hyphens, and a
/// `-1`, `-2`… suffix for repeats, so links written against GitHub's preview keep working.
struct HeadingIDs {
    private var used: [String: Int] = [:]

    mutating func next(for text: String) -> String {
        let base = Self.slug(text)
        if let count = used[base] {
            var candidate = "\(base)-\(count)"
            var suffix = count
            while used[candidate] != nil {
                suffix += 1
                candidate = "\(base)-\(suffix)"
            }
            used[base] = suffix + 1
            used[candidate] = 1
            return candidate
        }
        used[base] = 1
        return base
    }

    static func slug(_ text: String) -> String {
        if let ascii = asciiSlug(text) { return ascii }
        var result = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber || character == "-" || character == "_" {
                result.append(character)
            } else if character == " " {
                result.append("-")
            }
        }
        return result.isEmpty ? "section" : result
    }

    /// The slug of an ASCII heading, nearly every one, made byte by byte with the same rules:
    /// lower-casing and asking each `Character` what it is cost more than the rest of scanning
    /// the heading. Nil when the text is not all ASCII.
    private static func asciiSlug(_ text: String) -> String? {
        let bytes = text.utf8
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): result.append(byte | 0x20)
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "_"): result.append(byte)
            case UInt8(ascii: " "): result.append(UInt8(ascii: "-"))
            default: break
            }
        }
        return result.isEmpty ? "section" : String(decoding: result, as: UTF8.self)
    }
}
