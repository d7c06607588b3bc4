import CCmarkGFM
import HealthGuideBase
import HealthGuideContent

/// Puts site values into a parsed body's text: only text nodes are read, so a `[[name]]` in a
/// code span, a code block or raw HTML stays as written, and the value is escaped for HTML
/// as all text is when the body is rendered.
///
/// cmark-gfm parts text at every character that might start markup (`[`, `_`…), so one
/// `[[emergency_number]]` is several neighbouring text nodes; a run of them is read as one
/// text and, when it holds a value, made one node again.
struct ValueSubstitution {
    let values: SiteValues

    /// A `[[name]]` that is not a value, at its place in the body's own lines.
    struct Unknown {
        var name: String
        var line: Int
        var column: Int
    }

    /// Changes `document`; returns the unknown names and the names used.
    func apply(to document: MarkdownDocument) -> (unknown: [Unknown], used: [String]) {
        // The first node of each run of text nodes, found before the tree changes.
        let runStarts = document.nodes().compactMap { pointer, entering -> OpaquePointer? in
            guard entering, cmark_node_get_type(pointer) == CMARK_NODE_TEXT else { return nil }
            let previous = cmark_node_previous(pointer)
            return previous.map { cmark_node_get_type($0) == CMARK_NODE_TEXT } == true ? nil : pointer
        }
        var unknown: [Unknown] = []
        var used: [String] = []
        for start in runStarts {
            var run = [start]
            while let next = cmark_node_next(run[run.count - 1]), cmark_node_get_type(next) == CMARK_NODE_TEXT { run.append(next) }
            let text = run.map { MarkdownNode(pointer: $0).literal }.joined()
            guard text.contains("[[") else { continue }
            let substituted = values.substitute(in: text)
            let first = MarkdownNode(pointer: start)
            for name in substituted.unknown {
                unknown.append(Unknown(name: name.name, line: first.line, column: max(1, first.column) + name.offset))
            }
            for name in substituted.used where !used.contains(name) { used.append(name) }
            guard !substituted.used.isEmpty else { continue }
            cmark_node_set_literal(start, substituted.text)
            for node in run.dropFirst() {
                cmark_node_unlink(node)
                cmark_node_free(node)
            }
        }
        return (unknown, used)
    }
}
