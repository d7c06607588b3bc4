/// Splits a Markdown file into its YAML front matter and its body.
///
/// Front matter is the block between a first line `---` and the next line that is `---`
/// (or `...`). Line numbers are kept, so positions in either part map back to the file.
public struct FrontMatterSplitter {
    public struct Parts: Equatable {
        /// The YAML text, or nil when the file has no front matter.
        public var yaml: String?
        public var body: String
        /// How many file lines come before the YAML text (1 when there is front matter).
        public var yamlLineOffset: Int
        /// How many file lines come before the body.
        public var bodyLineOffset: Int
    }

    public enum Failure: Error, Equatable {
        /// `---` opens the front matter but nothing closes it.
        case unterminated
    }

    /// `text` must already have `\n` line endings. The lines are found on the UTF-8 bytes:
    /// every file of every build comes through here, and walking its front matter by
    /// `Character` took about 160,000 instructions a file.
    public static func split(_ text: String) -> Result<Parts, Failure> {
        let utf8 = text.utf8
        guard utf8.starts(with: "---\n".utf8) || utf8.elementsEqual("---".utf8) else {
            return .success(Parts(yaml: nil, body: text, yamlLineOffset: 0, bodyLineOffset: 0))
        }
        var lineNumber = 1
        let yamlStart = utf8.index(utf8.startIndex, offsetBy: 4, limitedBy: utf8.endIndex) ?? utf8.endIndex
        var index = yamlStart
        while index < utf8.endIndex {
            let lineEnd = utf8[index...].firstIndex(of: UInt8(ascii: "\n")) ?? utf8.endIndex
            lineNumber += 1
            let line = utf8[index..<lineEnd]
            if line.elementsEqual("---".utf8) || line.elementsEqual("...".utf8) {
                let yaml = String(text[yamlStart..<index])
                // A closing line that ends the file has no newline after it: the empty body
                // then starts on that line, not on one after the end of the file.
                let endsFile = lineEnd == utf8.endIndex
                let bodyStart = endsFile ? lineEnd : utf8.index(after: lineEnd)
                return .success(
                    Parts(
                        yaml: yaml, body: String(text[bodyStart...]),
                        yamlLineOffset: 1, bodyLineOffset: endsFile ? lineNumber - 1 : lineNumber))
            }
            index = lineEnd < utf8.endIndex ? utf8.index(after: lineEnd) : lineEnd
        }
        return .failure(.unterminated)
    }
}
