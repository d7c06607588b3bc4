/// Escaping for text placed in HTML or XML by code (headings, sitemap, feed). The five
/// characters it replaces, and their entities, are those the template engine uses for
/// `{{name}}`, as Mustache implementations do, so text reads the same whichever wrote it.
public enum HTML {
    public static func escape(_ text: String) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count + 16)
        appendEscaped(text, to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// Appends `text` escaped. Works on UTF-8 bytes: the five characters are ASCII, and UTF-8
    /// never uses ASCII byte values inside a multi-byte character, so the runs between them are
    /// copied whole.
    public static func appendEscaped(_ text: String, to output: inout [UInt8]) {
        var text = text
        text.withUTF8 { appendEscaped($0, to: &output, apostrophe: true) }
    }

    /// Appends Markdown text escaped as cmark-gfm escapes a text node (`&`, `<`, `>`, `"`;
    /// not `'`), so text rendered here reads byte for byte as the text nodes around it.
    public static func appendEscapedText(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        appendEscaped(bytes, to: &output, apostrophe: false)
    }

    private static func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8], apostrophe: Bool) {
        var runStart = 0
        for index in 0..<bytes.count {
            let entity: StaticString
            switch bytes[index] {
            case UInt8(ascii: "&"): entity = "&amp;"
            case UInt8(ascii: "<"): entity = "&lt;"
            case UInt8(ascii: ">"): entity = "&gt;"
            case UInt8(ascii: "\""): entity = "&quot;"
            case UInt8(ascii: "'") where apostrophe: entity = "&#39;"
            default: continue
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            entity.withUTF8Buffer { output.append(contentsOf: $0) }
            runStart = index + 1
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
    }
}
