import Foundation

/// What a source's `url` must be: an address a reader can open. The sources rule reports any
/// other, and pages link only to such addresses.
public enum WebAddress {
    /// An absolute http(s) address with a dotted host and no spaces. A plain address, as
    /// nearly all are, is read byte by byte (`plainHost(of:)`); any other is parsed by
    /// `URLComponents`, which took 10 µs an address (through ICU, for international names):
    /// more than every other page rule together.
    public static func isValid(_ text: String) -> Bool {
        if let host = plainHost(of: text) { return isDotted(host) }
        return isParsedWebAddress(text)
    }

    /// What `URLComponents` says of any address: the rule's definition.
    public static func isParsedWebAddress(_ text: String) -> Bool {
        guard !text.contains(where: \.isWhitespace), let components = URLComponents(string: text),
            let scheme = components.scheme?.lowercased(), scheme == "https" || scheme == "http",
            let host = components.host
        else { return false }
        return isDotted(host[...])
    }

    /// Read as bytes: `contains` on a string is Foundation's search, which took more time than
    /// the rest of this check for each source of each page rendered.
    private static func isDotted(_ host: Substring) -> Bool {
        let dot = UInt8(ascii: ".")
        return host.utf8.contains(dot) && host.utf8.first != dot && host.utf8.last != dot
    }

    /// The host of an http or https address whose host is ASCII letters, digits, dots and
    /// hyphens (no user, port or punycode label) and whose path, query and fragment use only
    /// characters RFC 3986 allows unescaped there; nil for any other text. For such an address
    /// `URLComponents` finds the same host.
    public static func plainHost(of text: String) -> Substring? {
        let utf8 = text.utf8
        guard let colon = utf8.firstIndex(of: UInt8(ascii: ":")) else { return nil }
        let scheme = utf8[..<colon]
        guard
            scheme.elementsEqual("http".utf8, by: equalIgnoringCase)
                || scheme.elementsEqual("https".utf8, by: equalIgnoringCase),
            utf8[colon...].starts(with: "://".utf8)
        else { return nil }
        let hostStart = utf8.index(colon, offsetBy: 3)
        let hostEnd =
            utf8[hostStart...].firstIndex { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }
            ?? utf8.endIndex
        let host = text[hostStart..<hostEnd]
        guard host.utf8.allSatisfy(isHostByte), !hasPunycode(host.utf8) else { return nil }
        var fragments = 0
        for byte in utf8[hostEnd...] {
            if byte == UInt8(ascii: "#") {
                fragments += 1
                guard fragments == 1 else { return nil }
            } else if !isPathByte(byte) {
                return nil
            }
        }
        return host
    }

    /// True when `host` holds "xn--" in any case: a label of an international name.
    private static func hasPunycode(_ host: Substring.UTF8View) -> Bool {
        var rest = host[...]
        while let start = rest.firstIndex(where: { equalIgnoringCase($0, UInt8(ascii: "x")) }) {
            if rest[start...].prefix(4).elementsEqual("xn--".utf8, by: equalIgnoringCase) { return true }
            rest = rest[rest.index(after: start)...]
        }
        return false
    }

    private static func equalIgnoringCase(_ byte: UInt8, _ lowercase: UInt8) -> Bool {
        byte | 0x20 == lowercase
    }

    private static func isHostByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "."), UInt8(ascii: "-"):
            return true
        default: return false
        }
    }

    /// RFC 3986's unreserved characters, sub-delimiters, ":", "@", "/" and "?": what a path,
    /// query or fragment may hold unescaped. A "%" escape is left to `URLComponents`.
    private static func isPathByte(_ byte: UInt8) -> Bool {
        if isHostByte(byte) { return true }
        switch byte {
        case UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "!"), UInt8(ascii: "$"), UInt8(ascii: "&"), UInt8(ascii: "'"),
            UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: ","), UInt8(ascii: ";"),
            UInt8(ascii: "="), UInt8(ascii: ":"), UInt8(ascii: "@"), UInt8(ascii: "/"), UInt8(ascii: "?"):
            return true
        default: return false
        }
    }
}
