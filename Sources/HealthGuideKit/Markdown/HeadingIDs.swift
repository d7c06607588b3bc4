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
}
