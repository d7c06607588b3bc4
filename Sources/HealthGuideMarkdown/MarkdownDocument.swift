import CCmarkGFM
import Foundation

/// A parsed Markdown document: the only owner of a cmark-gfm node tree, which it frees.
///
/// Not thread-safe: each document belongs to the one task that parses it.
public final class MarkdownDocument {
    public let root: OpaquePointer
    private let extensions: UnsafeMutablePointer<cmark_llist>?

    /// GFM extensions HealthGuide enables. `tagfilter` is not needed: raw HTML is dropped
    /// entirely unless the site allows it.
    private static let syntaxExtensions = SyntaxExtensions()

    /// Held while a parser with strikethrough finishes, which is when it parses inlines.
    /// cmark-gfm keeps the characters that start an extension's inlines in one table for the
    /// whole process: each parser adds its extensions' characters as it starts on inlines and
    /// removes them when done, so a parser finishing on one core took them away from one still
    /// parsing on another, which then missed its links or strikethrough (github/cmark-gfm pull
    /// request 176). `SyntaxExtensions` takes the characters of bare web addresses out of that
    /// game, and strikethrough is attached only to pages with a `~`, whose parsers take turns
    /// here; every other page parses on every core at once.
    private static let strikethroughParsing = NSLock()

    public init(markdown: String) {
        let parser = cmark_parser_new(Self.parseOptions)!
        defer { cmark_parser_free(parser) }
        var strikethrough = false
        // Fed from the string's own bytes: cmark-gfm takes a length, so no terminated copy is needed.
        var markdown = markdown
        markdown.withUTF8 { bytes in
            // `memchr` reads many bytes at a time; a loop over the bytes cost about what leaving
            // out the UTF-8 check saves.
            strikethrough = bytes.baseAddress.map { memchr($0, Int32(UInt8(ascii: "~")), bytes.count) != nil } ?? false
            for syntaxExtension in Self.syntaxExtensions.attached(strikethrough: strikethrough) {
                cmark_parser_attach_syntax_extension(parser, syntaxExtension)
            }
            bytes.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
        }
        root =
            strikethrough
            ? Self.strikethroughParsing.withLock { cmark_parser_finish(parser) }
            : cmark_parser_finish(parser)
        // The renderer needs the list of extensions again; copy it before the parser is freed.
        extensions = Self.copyList(cmark_parser_get_syntax_extensions(parser))
    }

    deinit {
        if let extensions {
            cmark_llist_free(cmark_get_default_mem_allocator(), extensions)
        }
        cmark_node_free(root)
    }

    /// Without `CMARK_OPT_VALIDATE_UTF8`: a Swift string is valid UTF-8 already, and cmark-gfm
    /// replaces a NUL character while it reads lines, validating or not; the check copied
    /// every line of every page once more.
    public static var parseOptions: Int32 { CMARK_OPT_FOOTNOTES }

    /// Renders the (possibly rewritten) tree. Without `allowRawHTML`, cmark drops raw HTML and
    /// `javascript:`-style link targets; nodes HealthGuide inserts itself are always kept.
    public func renderHTML(allowRawHTML: Bool) -> String {
        var options = CMARK_OPT_FOOTNOTES
        if allowRawHTML { options |= CMARK_OPT_UNSAFE }
        guard let html = cmark_render_html(root, options, extensions) else { return "" }
        defer { cmark_get_default_mem_allocator().pointee.free(html) }
        return String(cString: html)
    }

    private static func copyList(_ list: UnsafeMutablePointer<cmark_llist>?) -> UnsafeMutablePointer<cmark_llist>? {
        var copy: UnsafeMutablePointer<cmark_llist>?
        var node = list
        let allocator = cmark_get_default_mem_allocator()
        while let current = node {
            copy = cmark_llist_append(allocator, copy, current.pointee.data)
            node = current.pointee.next
        }
        return copy
    }

    /// Every node in document order, collected first so callers may change the tree while
    /// they go through it. cmark's iterator is not recursive, so deep nesting cannot overflow
    /// the stack.
    public func nodes() -> [(node: OpaquePointer, entering: Bool)] {
        // Built with the labels it is returned with: an array of unlabelled tuples is converted
        // element by element through the runtime's dynamic cast.
        var result: [(node: OpaquePointer, entering: Bool)] = []
        let iterator = cmark_iter_new(root)
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            if let node = cmark_iter_get_node(iterator) {
                result.append((node: node, entering: event == CMARK_EVENT_ENTER))
            }
        }
        return result
    }
}

/// Read access to one node, named the way the rest of the code thinks about Markdown.
public struct MarkdownNode {
    public let pointer: OpaquePointer

    public var type: cmark_node_type { cmark_node_get_type(pointer) }
    /// Whether this is a GFM table, or a cell of one.
    public var isTable: Bool { type == TableNodeTypes.found.table }
    public var isTableCell: Bool { type == TableNodeTypes.found.cell }
    public var literal: String { cmark_node_get_literal(pointer).map { String(cString: $0) } ?? "" }
    public var url: String { cmark_node_get_url(pointer).map { String(cString: $0) } ?? "" }
    public var headingLevel: Int { Int(cmark_node_get_heading_level(pointer)) }
    public var line: Int { Int(cmark_node_get_start_line(pointer)) }
    public var column: Int { Int(cmark_node_get_start_column(pointer)) }
    public var parent: MarkdownNode? { cmark_node_parent(pointer).map(MarkdownNode.init) }
    public var firstChild: MarkdownNode? { cmark_node_first_child(pointer).map(MarkdownNode.init) }
    public var next: MarkdownNode? { cmark_node_next(pointer).map(MarkdownNode.init) }

    public var children: [MarkdownNode] {
        var result: [MarkdownNode] = []
        var child = firstChild
        while let current = child {
            result.append(current)
            child = current.next
        }
        return result
    }
}

/// The node types of GFM tables, which the table extension registers as it loads: cmark-gfm's
/// public headers give them no constant, so they are read once from a parsed table. Nodes are
/// then told apart by number, where asking each node for its type's name made a string of it.
private struct TableNodeTypes: Sendable {
    static let found = TableNodeTypes()
    let table: cmark_node_type
    let cell: cmark_node_type

    private init() {
        var table = CMARK_NODE_NONE, cell = CMARK_NODE_NONE
        let document = MarkdownDocument(markdown: "| a |\n| - |\n")
        // The nodes belong to the document, which must outlive the loop.
        withExtendedLifetime(document) {
            for (node, entering) in document.nodes() where entering {
                switch String(cString: cmark_node_get_type_string(node)) {
                case "table": table = cmark_node_get_type(node)
                case "table_cell": cell = cmark_node_get_type(node)
                default: break
                }
            }
        }
        self.table = table
        self.cell = cell
    }
}

/// The cmark-gfm extensions HealthGuide attaches, found once.
private struct SyntaxExtensions: @unchecked Sendable {
    /// Tables, bare web addresses and task lists: attached to every parser.
    let always: [OpaquePointer]
    let strikethrough: OpaquePointer?

    /// Registers the extensions and makes the characters that start a bare web address (`:`
    /// and `w`) special for the whole process, then tells the autolink extension it has none:
    /// no parser adds or removes them again (see `MarkdownDocument.strikethroughParsing`).
    /// Autolink reads its characters nowhere else. Strikethrough keeps its `~`: cmark-gfm
    /// looks up the extension by that character to close a `~~` pair. (Autolink's own list
    /// stays allocated: a few bytes, once.)
    init() {
        cmark_gfm_core_extensions_ensure_registered()
        let names: [String] = ["table", "autolink", "tasklist"]
        always = names.compactMap { name in cmark_find_syntax_extension(name) }
        strikethrough = cmark_find_syntax_extension("strikethrough")
        guard let autolink = cmark_find_syntax_extension("autolink") else { return }
        let parser = cmark_parser_new(CMARK_OPT_DEFAULT)!
        defer { cmark_parser_free(parser) }
        cmark_parser_attach_syntax_extension(parser, autolink)
        cmark_manage_extensions_special_characters(parser, 1)
        cmark_syntax_extension_set_special_inline_chars(autolink, nil)
    }

    /// What a parser attaches; strikethrough only when the text has a `~` it could mark.
    func attached(strikethrough withStrikethrough: Bool) -> [OpaquePointer] {
        guard withStrikethrough, let strikethrough else { return always }
        return always + [strikethrough]
    }
}
