import CCmarkGFM
import HealthGuideBase
import HealthGuideContent

/// Places shared blocks into a body: a line `<!-- block: emergency-signs -->` of its own, at the
/// top level of the Markdown (not in a list, a quote or code), becomes the Markdown of
/// `_blocks/emergency-signs.md`, which may place blocks in turn. An HTML comment, because
/// GitHub and editors show nothing for it, and cmark-gfm finds it as a block of its own, so a
/// line quoted in a code block or a list is never taken for one.
///
/// The lines of the result remember their file, so findings in a block point into the block.
struct BlockExpansion {
    let library: BlockLibrary

    /// One line of the assembled body and where it was written.
    struct Line {
        var text: Substring
        var file: String
        /// Path inside the content folder, which relative links start from.
        var path: String
        var fileLine: Int
        var usedBy: [String]
    }

    struct Result {
        var lines: [Line] = []
        var used: [Block] = []
        /// Unknown blocks and blocks that place themselves, at the line that names them.
        var diagnostics: [Diagnostic] = []

        var text: String { lines.map(\.text).joined(separator: "\n") }
    }

    /// The body with its blocks in place; nil when it places none.
    func expand(body: String, lineOffset: Int, page: SourcePage) -> Result? {
        guard PageAssembly.holds("<!--", in: body) else { return nil }
        var result = Result()
        place(body, file: page.displayPath, path: page.path, lineOffset: lineOffset, usedBy: [], chain: [], into: &result)
        return result.used.isEmpty && result.diagnostics.isEmpty ? nil : result
    }

    private func place(
        _ text: String, file: String, path: String, lineOffset: Int, usedBy: [String], chain: [String], into result: inout Result
    ) {
        let placements = Self.placements(in: text)
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let fileLine = lineOffset + index + 1
            let own = Line(text: line, file: file, path: path, fileLine: fileLine, usedBy: usedBy)
            guard let name = placements[index + 1] else {
                result.lines.append(own)
                continue
            }
            var blank = own
            blank.text = ""
            let at = SourceLocation(line: fileLine, column: 1)
            let note = BodyLines.note(usedBy: usedBy)
            if chain.contains(name) {
                result.diagnostics.append(
                    Diagnostic(
                        file: file, location: at, severity: .error,
                        message: "block '\(name)' places itself: " + (chain + [name]).joined(separator: " → ") + note, rule: .blockCycle))
                result.lines.append(blank)
            } else if let block = library.block(named: name) {
                // Blank lines around the block keep it apart from the paragraphs next to it.
                result.lines.append(blank)
                if !result.used.contains(block) { result.used.append(block) }
                place(
                    block.text, file: block.displayPath, path: block.path, lineOffset: 0, usedBy: ["\(file):\(fileLine):1"] + usedBy,
                    chain: chain + [name], into: &result)
                result.lines.append(blank)
            } else {
                let suggestion = library.suggestion(for: name).map { " (did you mean '\($0)'?)" } ?? ""
                result.diagnostics.append(
                    Diagnostic(
                        file: file, location: at, severity: .error, message: "unknown block '\(name)'\(suggestion)\(note)",
                        rule: .unknownBlock, hint: "a block is a Markdown file in the content folder's \(BlockLibrary.folder)/ folder"))
                result.lines.append(blank)
            }
        }
    }

    /// The block named on each line (1-based) that places one.
    static func placements(in text: String) -> [Int: String] {
        guard PageAssembly.holds("<!--", in: text) else { return [:] }
        let document = MarkdownDocument(markdown: text)
        var found: [Int: String] = [:]
        withExtendedLifetime(document) {
            var child = MarkdownNode(pointer: document.root).firstChild
            while let node = child {
                if node.type == CMARK_NODE_HTML_BLOCK, let name = blockName(in: node.literal) { found[node.line] = name }
                child = node.next
            }
        }
        return found
    }

    /// `name` of `<!-- block: name -->` alone on a line; spaces inside are free.
    static func blockName(in html: String) -> String? {
        var text = html.trimmingWhitespace[...]
        guard !text.contains("\n"), text.hasPrefix("<!--"), text.hasSuffix("-->") else { return nil }
        text = text.dropFirst(4).dropLast(3)
        let inside = String(text).trimmingWhitespace
        guard inside.hasPrefix("block:") else { return nil }
        let name = String(inside.dropFirst(6)).trimmingWhitespace
        return name.isEmpty ? nil : name
    }

    /// A link written in a block, made to start from the content folder (`/…`), so it leads
    /// to the same file from every page that places the block. Addresses with a scheme, `#…`
    /// and `/…` are left alone, and so is one that climbs out of the content folder.
    static func rebased(_ destination: String, from path: String) -> String {
        guard !destination.isEmpty, !destination.hasPrefix("#"), !destination.hasPrefix("/"), !hasScheme(destination) else {
            return destination
        }
        let end = destination.firstIndex { $0 == "#" || $0 == "?" } ?? destination.endIndex
        var parts = path.split(separator: "/").dropLast().map(String.init)
        for part in destination[..<end].split(separator: "/", omittingEmptySubsequences: false) {
            switch part {
            case "..":
                guard !parts.isEmpty else { return destination }
                parts.removeLast()
            case ".", "": continue
            default: parts.append(String(part))
            }
        }
        return "/" + parts.joined(separator: "/") + destination[end...]
    }

    private static func hasScheme(_ destination: String) -> Bool {
        guard let colon = destination.firstIndex(of: ":") else { return false }
        return !destination[..<colon].contains { $0 == "/" || $0 == "?" || $0 == "#" }
    }
}
