/// Appends interpolated text to the output, HTML-escaped or not.
///
/// Escaping works on UTF-8 bytes: the five characters it replaces are ASCII, and UTF-8 never uses
/// ASCII byte values inside a multi-byte character, so runs between them are copied in bulk.
enum TemplateHTMLEscaping {
    /// Appends `text`, replacing `&`, `<`, `>`, `"` and `'` with entities when `escaped` is true
    /// (the same five characters, and the same entities, as swift-mustache).
    static func append(_ text: String, escaped: Bool, to output: inout [UInt8]) {
        guard escaped else {
            output.append(contentsOf: text.utf8)
            return
        }
        var text = text
        text.withUTF8 { appendEscaped($0, to: &output) }
    }

    private static func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        var runStart = 0
        for index in 0..<bytes.count {
            let entity: StaticString
            switch bytes[index] {
            case UInt8(ascii: "&"): entity = "&amp;"
            case UInt8(ascii: "<"): entity = "&lt;"
            case UInt8(ascii: ">"): entity = "&gt;"
            case UInt8(ascii: "\""): entity = "&quot;"
            case UInt8(ascii: "'"): entity = "&#39;"
            default: continue
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            entity.withUTF8Buffer { output.append(contentsOf: $0) }
            runStart = index + 1
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
    }
}
