import HealthGuideBase
import HealthGuideContent

/// What a link's destination says before the site is linked: its scheme, and whether the link
/// resolver may give it a new destination. The renderer needs the second to render a body
/// before the site is linked (`PrerenderedBody`); the resolver (`LinkResolver`) decides by it.
public enum LinkDestination {
    private static let droppedSchemes: Set<String> = ["javascript", "vbscript", "data", "file"]

    /// The scheme a browser would run `raw` with, when it is one that is dropped; found as a
    /// browser finds it, through tabs, line breaks and control characters (`URLScheme`).
    public static func droppedScheme(of raw: String) -> String? {
        URLScheme.of(raw).flatMap { droppedSchemes.contains($0) ? $0 : nil }
    }

    /// Whether `resolve` may give a link written as `raw` a new destination. It leaves empty
    /// links, `//host` links, `#fragment` links and links with a scheme it keeps as written,
    /// which is what lets a body be rendered before the site is linked (`PrerenderedBody`).
    public static func mayRewrite(_ raw: String) -> Bool {
        guard let first = raw.utf8.first else { return false }
        if droppedScheme(of: raw) != nil { return true }
        if scheme(of: raw) != nil { return false }
        return !raw.hasPrefix("//") && first != UInt8(ascii: "#")
    }

    /// `https:` → "https"; nil for relative references. A scheme is letters, digits, `+.-`
    /// before the first `:`, and only when no `/` comes earlier.
    public static func scheme(of destination: String) -> String? {
        let bytes = destination.utf8
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")) else { return nil }
        let candidate = bytes[..<colon]
        func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") }
        guard let first = candidate.first, isLetter(first),
            candidate.allSatisfy({ byte in
                isLetter(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "+")
                    || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
            })
        else { return nil }
        return String(destination[..<colon])
    }
}
