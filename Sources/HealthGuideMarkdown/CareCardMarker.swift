import CCmarkGFM
import HealthGuideContent

/// Recognises `> [!KIND]` block quotes. cmark-gfm parses the marker as ordinary text, split
/// over several text nodes (`[`, `!EMERGENCY`, `]`), so the first line is put back together.
public struct CareCardMarker {
    /// nil for a marker that names no known kind (`[!CAUTION]`).
    public var kind: CareCardKind?
    public var name: String
    /// The paragraph holding the marker line.
    public var paragraph: MarkdownNode
    /// The inline nodes that make up the marker line, including the line break after it.
    public var markerNodes: [MarkdownNode]
    /// Text after the marker on the same line, kept as content.
    public var rest: String

    public static func find(in blockQuote: MarkdownNode) -> CareCardMarker? {
        guard let paragraph = blockQuote.firstChild, paragraph.type == CMARK_NODE_PARAGRAPH else { return nil }
        var line = ""
        var nodes: [MarkdownNode] = []
        var child = paragraph.firstChild
        while let current = child {
            if current.type == CMARK_NODE_TEXT {
                line += current.literal
                nodes.append(current)
            } else if current.type == CMARK_NODE_SOFTBREAK || current.type == CMARK_NODE_LINEBREAK {
                nodes.append(current)
                break
            } else {
                break
            }
            child = current.next
        }
        guard let parsed = CareCardKind.parseMarker(line.trimmingWhitespace) else { return nil }
        return CareCardMarker(kind: parsed.kind, name: parsed.name, paragraph: paragraph, markerNodes: nodes, rest: parsed.rest)
    }

    /// The list items of the lists directly inside the card.
    public static func listItems(in blockQuote: MarkdownNode) -> [MarkdownNode] {
        blockQuote.children
            .filter { $0.type == CMARK_NODE_LIST }
            .flatMap(\.children)
    }
}

public extension MarkdownNode {
    /// The text of a subtree, with line breaks as spaces.
    var plainText: String {
        var text = ""
        let iterator = cmark_iter_new(pointer)
        defer { cmark_iter_free(iterator) }
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            guard let current = cmark_iter_get_node(iterator) else { continue }
            let node = MarkdownNode(pointer: current)
            switch node.type {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                if cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER { text += node.literal }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                text += " "
            default:
                break
            }
        }
        return text
    }
}
