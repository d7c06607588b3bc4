/// Splits a Markdown file into its YAML front matter and its body.
///
/// Front matter is the block between a first line `---` and the next line that is `---`
/// (or `...`). Line numbers are kept, so positions in either part map back to the file.
struct FrontMatterSplitter {
    struct Parts: Equatable {
        /// The YAML text, or nil when the file has no front matter.
        var yaml: String?
        var body: String
        /// How many file lines come before the YAML text (1 when there is front matter).
        var yamlLineOffset: Int
        /// How many file lines come before the body.
        var bodyLineOffset: Int
    }

    enum Failure: Error, Equatable {
        /// `---` opens the front matter but nothing closes it.
        case unterminated
    }

    /// `text` must already have `\n` line endings.
    static func split(_ text: String) -> Result<Parts, Failure> {
        guard text.hasPrefix("---\n") || text == "---" else {
            return .success(Parts(yaml: nil, body: text, yamlLineOffset: 0, bodyLineOffset: 0))
        }
        var lineNumber = 1
        var index = text.index(text.startIndex, offsetBy: 4, limitedBy: text.endIndex) ?? text.endIndex
        let yamlStart = index
        while index < text.endIndex {
            let lineEnd = text[index...].firstIndex(of: "\n") ?? text.endIndex
            lineNumber += 1
            let line = text[index..<lineEnd]
            if line == "---" || line == "..." {
                let yaml = String(text[yamlStart..<index])
                // A closing line that ends the file has no newline after it: the empty body
                // then starts on that line, not on one after the end of the file.
                let endsFile = lineEnd == text.endIndex
                let bodyStart = endsFile ? lineEnd : text.index(after: lineEnd)
                return .success(Parts(
                    yaml: yaml, body: String(text[bodyStart...]),
                    yamlLineOffset: 1, bodyLineOffset: endsFile ? lineNumber - 1 : lineNumber))
            }
            index = lineEnd < text.endIndex ? text.index(after: lineEnd) : lineEnd
        }
        return .failure(.unterminated)
    }
}
