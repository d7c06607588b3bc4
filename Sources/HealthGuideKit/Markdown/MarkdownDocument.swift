import CCmarkGFM
import Foundation

/// A parsed Markdown document: the only owner of a cmark-gfm node tree, which it frees.
///
/// Not thread-safe: each document belongs to the one task that parses it.
final class MarkdownDocument {
    let root: OpaquePointer
    private let extensions: UnsafeMutablePointer<cmark_llist>?

    /// GFM extensions HealthGuide enables. `tagfilter` is not needed: raw HTML is dropped
    /// entirely unless the site allows it.
    private static let extensionNames = ["table", "autolink", "strikethrough", "tasklist"]

    /// Held while a parser finishes, which is when it parses inlines. cmark-gfm keeps the
    /// characters that start an extension's inlines (`:` and `w` for bare web addresses, `~`
    /// for strikethrough) in one table for the whole process: each parser adds them as it
    /// starts on inlines and removes them when done, so a parser finishing on another core
    /// took them away from one still parsing, which then missed its links (github/cmark-gfm
    /// pull request 176). Block parsing, the renderer and everything else still run on every
    /// core.
    private static let inlineParsing = NSLock()

    private static let registerExtensions: Void = {
        cmark_gfm_core_extensions_ensure_registered()
    }()

    init(markdown: String) {
        _ = Self.registerExtensions
        let parser = cmark_parser_new(Self.parseOptions)!
        defer { cmark_parser_free(parser) }
        for name in Self.extensionNames {
            if let syntaxExtension = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, syntaxExtension)
            }
        }
        markdown.utf8CString.withUnsafeBufferPointer { buffer in
            cmark_parser_feed(parser, buffer.baseAddress, buffer.count - 1)
        }
        root = Self.inlineParsing.withLock { cmark_parser_finish(parser) }
        // The renderer needs the list of extensions again; copy it before the parser is freed.
        extensions = Self.copyList(cmark_parser_get_syntax_extensions(parser))
    }

    deinit {
        if let extensions {
            cmark_llist_free(cmark_get_default_mem_allocator(), extensions)
        }
        cmark_node_free(root)
    }

    static var parseOptions: Int32 { CMARK_OPT_FOOTNOTES | CMARK_OPT_VALIDATE_UTF8 }

    /// Renders the (possibly rewritten) tree. Without `allowRawHTML`, cmark drops raw HTML and
    /// `javascript:`-style link targets; nodes HealthGuide inserts itself are always kept.
    func renderHTML(allowRawHTML: Bool) -> String {
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
    func nodes() -> [(node: OpaquePointer, entering: Bool)] {
        var result: [(OpaquePointer, Bool)] = []
        let iterator = cmark_iter_new(root)
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            if let node = cmark_iter_get_node(iterator) {
                result.append((node, event == CMARK_EVENT_ENTER))
            }
        }
        return result
    }
}

/// Read access to one node, named the way the rest of the code thinks about Markdown.
struct MarkdownNode {
    let pointer: OpaquePointer

    var type: cmark_node_type { cmark_node_get_type(pointer) }
    /// `table`, `table_row`, `table_cell`, `strikethrough`… for extension nodes.
    var typeName: String { String(cString: cmark_node_get_type_string(pointer)) }
    var literal: String { cmark_node_get_literal(pointer).map { String(cString: $0) } ?? "" }
    var url: String { cmark_node_get_url(pointer).map { String(cString: $0) } ?? "" }
    var headingLevel: Int { Int(cmark_node_get_heading_level(pointer)) }
    var line: Int { Int(cmark_node_get_start_line(pointer)) }
    var column: Int { Int(cmark_node_get_start_column(pointer)) }
    var parent: MarkdownNode? { cmark_node_parent(pointer).map(MarkdownNode.init) }
    var firstChild: MarkdownNode? { cmark_node_first_child(pointer).map(MarkdownNode.init) }
    var next: MarkdownNode? { cmark_node_next(pointer).map(MarkdownNode.init) }

    var children: [MarkdownNode] {
        var result: [MarkdownNode] = []
        var child = firstChild
        while let current = child {
            result.append(current)
            child = current.next
        }
        return result
    }
}
