/// The scheme of a link's destination as a browser would find it, for the checks that drop
/// `javascript:` and the like: Markdown links (`LinkResolver`) and raw HTML attributes
/// (`RawHTMLPolicy`).
public enum URLScheme {
    /// The scheme of `destination` in lower case (`https`, `javascript`), or nil for a relative
    /// reference. Browsers ignore tabs and line breaks anywhere in an address and spaces and
    /// control characters around it, so `java\tscript:` is `javascript:`; every such character
    /// is left out here wherever it is, which can only find a scheme where a browser finds
    /// none, never miss one. A scheme is an ASCII letter, then letters, digits, `+`, `-` and
    /// `.`, before the first `:`.
    public static func of(_ destination: String) -> String? {
        var scheme: [UInt8] = []
        for byte in destination.utf8 {
            if byte <= 0x20 || byte == 0x7F { continue }
            if byte == UInt8(ascii: ":") { break }
            let lowered = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
            let isLetter = lowered >= UInt8(ascii: "a") && lowered <= UInt8(ascii: "z")
            let isOther =
                (lowered >= UInt8(ascii: "0") && lowered <= UInt8(ascii: "9")) || lowered == UInt8(ascii: "+")
                || lowered == UInt8(ascii: "-") || lowered == UInt8(ascii: ".")
            guard isLetter || (!scheme.isEmpty && isOther) else { return nil }
            scheme.append(lowered)
        }
        guard !scheme.isEmpty, destination.utf8.contains(UInt8(ascii: ":")) else { return nil }
        return String(decoding: scheme, as: UTF8.self)
    }
}
