/// Raw HTML from an article, with `allow_raw_html: true`, rewritten to hold only what
/// `RawHTMLPolicy` allows. Nothing is copied as written: each kept tag is written again from
/// its parsed name and decoded attributes (every value in double quotes, escaped), and text
/// has its `<` and `>` escaped, so what the browser parses is exactly what was checked.
/// Comments are left out without a word; every other removal is reported.
enum RawHTMLSanitizer {
    /// Something removed, at a byte offset into the raw HTML.
    struct Removal: Equatable {
        var offset: Int
        var message: String
    }

    static func sanitize(_ html: String) -> (html: String, removals: [Removal]) {
        var tokenizer = HTMLTokenizer(html)
        var output = ""
        var removals: [Removal] = []
        while let token = tokenizer.next() {
            switch token {
            case .text(let text):
                output += escapedText(text)
            case .startTag(let name, let attributes, let offset):
                if RawHTMLPolicy.elements.contains(name) {
                    output += startTag(name, attributes, offset: offset, removals: &removals)
                } else if RawHTMLPolicy.droppedWithContent.contains(name) {
                    removals.append(Removal(offset: offset, message: "raw HTML <\(name)> removed, with its content"))
                    tokenizer.skipContent(of: name)
                } else {
                    removals.append(Removal(offset: offset, message: "raw HTML <\(name)> removed: not an allowed element"))
                }
            case .endTag(let name):
                if RawHTMLPolicy.elements.contains(name), !RawHTMLPolicy.void.contains(name) { output += "</\(name)>" }
            case .comment:
                break
            case .unfinished(let offset):
                removals.append(Removal(offset: offset, message: "unfinished raw HTML tag removed"))
            }
        }
        return (output, removals)
    }

    private static func startTag(_ name: String, _ attributes: [HTMLAttribute], offset: Int, removals: inout [Removal]) -> String {
        var tag = "<" + name
        for attribute in attributes {
            if let problem = RawHTMLPolicy.problem(with: attribute, on: name) {
                removals.append(Removal(offset: attribute.offset,
                                        message: "raw HTML attribute '\(attribute.name)' removed from <\(name)>: \(problem)"))
                continue
            }
            tag += " " + attribute.name + "=\"" + HTML.escape(attribute.value) + "\""
        }
        return tag + ">"
    }

    /// Text between tags keeps its character references; only `<` and `>` are escaped, so no
    /// text the tokenizer did not read as a tag can become one.
    private static func escapedText(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") }) else { return text }
        var escaped = ""
        for character in text.unicodeScalars {
            switch character {
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            default: escaped.unicodeScalars.append(character)
            }
        }
        return escaped
    }
}
