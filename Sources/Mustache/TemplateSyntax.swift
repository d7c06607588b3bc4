/// One piece of a parsed template, before any name is resolved. Offsets are UTF-8 byte offsets of
/// the tag's first delimiter character in the template's source, kept for error messages.
public enum TemplateSyntax {
    /// Literal bytes, copied to the output unchanged.
    case text([UInt8])
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{& name}}` (not escaped).
    case value(name: String, escaped: Bool, offset: Int)
    /// `{{#name}}…{{/name}}`, or `{{^name}}…{{/name}}` when inverted.
    case section(name: String, inverted: Bool, body: [TemplateSyntax], offset: Int)
    /// `{{> name}}`. A standalone partial carries the whitespace before it, which indents the
    /// partial's later lines; an inline one carries nil.
    case partial(name: String, indentation: [UInt8]?, offset: Int)
    /// `{{< name}}…{{/name}}`: renders `name` with the blocks defined inside the tag replaced.
    case parent(name: String, indentation: [UInt8], overrides: [Override], offset: Int)
    /// `{{$name}}…{{/name}}` outside a parent tag: a place another template may fill, with
    /// `body` as its default.
    case block(name: String, indentation: [UInt8], standalone: Bool, body: [TemplateSyntax], offset: Int)

    /// `{{$name}}…{{/name}}` directly inside a parent tag: the content that fills block `name`.
    public struct Override {
        public var name: String
        public var body: [TemplateSyntax]
    }
}
