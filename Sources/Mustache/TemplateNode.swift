/// One step of a compiled template. Everything that can be decided before rendering has been:
/// text is UTF-8 bytes, names are split into path components, templates and blocks are numbers,
/// and standalone lines and indentation are already resolved into text and `indentation` fields.
public enum TemplateNode: Sendable {
    case text([UInt8])
    case value(Path, escaped: Bool)
    case section(Path, body: [TemplateNode])
    case invertedSection(Path, body: [TemplateNode])
    /// Renders template number `template` with the current context. `indentation`, when present,
    /// is added in front of each of its later lines (the first follows the text before the tag).
    case partial(template: Int, indentation: [UInt8]?, tag: Tag)
    /// Renders template number `template` with its blocks replaced by `overrides`.
    case parent(template: Int, indentation: [UInt8], overrides: [BlockOverride], tag: Tag)
    case block(BlockSite)

    /// Where a tag that renders other template text is, for the error when rendering nests
    /// without end: the number of the template holding it and the tag's UTF-8 offset there.
    public struct Tag: Sendable {
        public var template: Int
        public var offset: Int
    }

    /// A name such as `a.b.c`, resolved against the context stack.
    public struct Path: Sendable {
        /// The name split at dots; empty for `.`, the top of the stack.
        public var components: [String]
        /// True when the first component is looked up from the top of the stack down; false when
        /// the name starts with a dot and is looked up in the top of the stack only.
        public var searchesStack: Bool

        public init(_ name: String) {
            components = name.split(separator: ".").map(String.init)
            searchesStack = name.utf8.first != UInt8(ascii: ".")
        }
    }

    /// The content a parent tag puts in place of block number `block`.
    public struct BlockOverride: Sendable {
        public var block: Int
        public var body: [TemplateNode]
    }

    /// A `{{$name}}…{{/name}}` outside parent tags: where block number `block` is rendered.
    public struct BlockSite: Sendable {
        public var block: Int
        /// The whitespace before the tag; it indents the block's later lines.
        public var indentation: [UInt8]
        /// When the opening tag is standalone, the indentation of the default content beyond
        /// `indentation`: an override is indented by it too (spec "Intrinsic indentation").
        public var intrinsicIndentation: [UInt8]
        public var defaultBody: [TemplateNode]
        public var tag: Tag
    }
}
