import HealthGuideBase

/// Raw HTML from an article, with `allow_raw_html: true`, rewritten to hold only what
/// `RawHTMLPolicy` allows. Nothing is copied as written: each kept tag is written again from
/// its parsed name and decoded attributes (every value in double quotes, escaped), and text
/// has its `<` and `>` escaped, so what the browser parses is exactly what was checked.
/// Comments are left out without a word; every other removal is reported.
public enum RawHTMLSanitizer {
    /// Something removed, at a byte offset into the raw HTML.
    public struct Removal: Equatable {
        public var offset: Int
        public var message: String
    }

    /// The elements the raw HTML of one page has opened and not yet closed, carried from one
    /// raw HTML node to the next in document order: an end tag with no element of its name
    /// open would close the page's own markup around the article, so it is removed, and the
    /// renderer closes what is still open at the end of the body (`closingTags`).
    public struct OpenElements {
        private var names: [String] = []
        /// How many of each name are open: an end tag with none open is found without a
        /// search, and one with some open finds it by a search through only what it closes.
        private var counts: [String: Int] = [:]

        fileprivate mutating func opened(_ name: String) {
            names.append(name)
            counts[name, default: 0] += 1
        }

        /// Closes the last `name` opened and everything opened inside it; false when none is open.
        fileprivate mutating func close(_ name: String) -> Bool {
            guard counts[name, default: 0] > 0, let index = names.lastIndex(of: name) else { return false }
            for closed in names[index...] { counts[closed, default: 0] -= 1 }
            names.removeSubrange(index...)
            return true
        }

        public var closingTags: String {
            names.reversed().map { "</\($0)>" }.joined()
        }
    }

    /// One piece of raw HTML on its own, as if it were a page's only one.
    public static func sanitize(_ html: String) -> (html: String, removals: [Removal]) {
        var open = OpenElements()
        return sanitize(html, open: &open)
    }

    public static func sanitize(_ html: String, open: inout OpenElements) -> (html: String, removals: [Removal]) {
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
                    if !RawHTMLPolicy.void.contains(name) { open.opened(name) }
                } else if RawHTMLPolicy.droppedWithContent.contains(name) {
                    removals.append(Removal(offset: offset, message: "raw HTML <\(name)> removed, with its content"))
                    tokenizer.skipContent(of: name)
                } else {
                    removals.append(Removal(offset: offset, message: "raw HTML <\(name)> removed: not an allowed element"))
                }
            case .endTag(let name, let offset):
                guard RawHTMLPolicy.elements.contains(name), !RawHTMLPolicy.void.contains(name) else { break }
                // Elements opened inside it and left open end with it, as in a browser.
                guard open.close(name) else {
                    removals.append(Removal(offset: offset, message: "raw HTML </\(name)> removed: no <\(name)> is open here"))
                    break
                }
                output += "</\(name)>"
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
                removals.append(
                    Removal(
                        offset: attribute.offset,
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
