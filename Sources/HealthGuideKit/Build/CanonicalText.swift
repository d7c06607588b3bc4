/// A stable text form of a template context (keys sorted), fingerprinted to tell whether a
/// page would render differently from last time without rendering it.
enum CanonicalText {
    static func of(_ context: TemplateContext) -> String {
        var output = ""
        append(.object(context), to: &output)
        return output
    }

    private static func append(_ value: TemplateValue, to output: inout String) {
        switch value {
        case let .text(text):
            output += "\"" + text + "\"\u{1}"
        case let .flag(flag):
            output += flag ? "T" : "F"
        case let .list(elements):
            output += "["
            for element in elements { append(element, to: &output) }
            output += "]"
        case let .object(members):
            output += "{"
            for (key, member) in members.sorted(by: { $0.key < $1.key }) {
                output += key + "="
                append(member, to: &output)
            }
            output += "}"
        }
    }
}
