/// A stable text form of a template context (keys sorted), fingerprinted to tell whether a
/// page would render differently from last time without rendering it.
enum CanonicalText {
    static func of(_ context: TemplateContext) -> String {
        var output = ""
        // About the size of an article's context, so the text is not copied as it grows.
        output.reserveCapacity(8192)
        append(.object(context), to: &output)
        return output
    }

    private static func append(_ value: TemplateValue, to output: inout String) {
        switch value {
        case let .text(text):
            // Appended piece by piece: `"\"" + text + …` made a new string for every value.
            output.append("\"")
            output.append(text)
            output.append("\"\u{1}")
        case let .flag(flag):
            output += flag ? "T" : "F"
        case let .list(elements):
            output += "["
            for element in elements { append(element, to: &output) }
            output += "]"
        case let .object(members):
            output += "{"
            for (key, member) in members.sorted(by: { $0.key < $1.key }) {
                output.append(key)
                output.append("=")
                append(member, to: &output)
            }
            output += "}"
        }
    }
}
