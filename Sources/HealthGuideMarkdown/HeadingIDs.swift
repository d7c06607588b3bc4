import HealthGuideBase

/// GitHub-style heading ids (`FragmentID`), with a
/// `-1`, `-2`… suffix for repeats, so links written against GitHub's preview keep working.
public struct HeadingIDs {
    private var used: [String: Int] = [:]

    public mutating func next(for text: String) -> String {
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

    /// The heading's id (see `FragmentID`); a heading with no letter or digit is `section`.
    public static func slug(_ text: String) -> String {
        let id = FragmentID.make(from: text)
        return id.isEmpty ? "section" : id
    }
}
