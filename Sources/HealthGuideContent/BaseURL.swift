/// The site's public address, from `site.yml`'s `base_url` or `build --base-url`, checked by
/// one set of rules for both: it is written into every canonical link, the sitemap, the feed
/// and `robots.txt`, where only an absolute web address makes sense and where a query, a
/// fragment or a password would be pasted into every URL.
///
/// Valid: `http://` or `https://` (any case), a host, an optional port and path; no user name
/// or password, query or fragment; only characters a URL may hold unescaped. The text is kept
/// with its scheme and host in lower case and a `/` at the end.
public struct BaseURL: Sendable, Hashable, CustomStringConvertible {
    public let text: String

    public var description: String { text }

    /// Why a text is not a base URL, said so as to follow the name of the field or option.
    public struct Problem: Error, Sendable, Equatable {
        public let reason: String
    }

    public init(validating raw: String) throws(Problem) {
        let bytes = Array(raw.utf8)
        if let bad = bytes.first(where: { $0 <= 0x20 || $0 >= 0x7F }) {
            throw Problem(
                reason: bad >= 0x80
                    ? "must be written in ASCII (percent-encode the path; write an international host name in its xn-- form)"
                    : "must not hold spaces or control characters")
        }
        let lowered = raw.lowercased()
        let schemeLength: Int
        if lowered.hasPrefix("https://") {
            schemeLength = 8
        } else if lowered.hasPrefix("http://") {
            schemeLength = 7
        } else {
            throw Problem(reason: "must be an absolute address starting with https:// or http://, such as https://example.org/")
        }
        let rest = bytes[schemeLength...]
        if rest.contains(UInt8(ascii: "?")) { throw Problem(reason: "must not have a query ('?…')") }
        if rest.contains(UInt8(ascii: "#")) { throw Problem(reason: "must not have a fragment ('#…')") }
        let authorityEnd = rest.firstIndex(of: UInt8(ascii: "/")) ?? rest.endIndex
        let authority = rest[..<authorityEnd]
        if authority.contains(UInt8(ascii: "@")) { throw Problem(reason: "must not hold a user name or password") }
        let host = try Self.host(of: authority)
        let path = rest[authorityEnd...]
        if let bad = Self.firstInvalidPathByte(path) {
            throw Problem(reason: "must not hold '\(Character(Unicode.Scalar(bad)))' (percent-encode it)")
        }
        let port = authority[(authority.startIndex + host.count)...]
        var text =
            String(lowered.prefix(schemeLength)) + String(decoding: host, as: UTF8.self).lowercased()
            + String(decoding: port, as: UTF8.self) + String(decoding: path, as: UTF8.self)
        if !text.hasSuffix("/") { text += "/" }
        self.text = text
    }

    /// The host part of `authority` (`example.org`, `[::1]`), checked, and the port after it.
    private static func host(of authority: ArraySlice<UInt8>) throws(Problem) -> ArraySlice<UInt8> {
        let host: ArraySlice<UInt8>
        if authority.first == UInt8(ascii: "[") {
            guard let close = authority.firstIndex(of: UInt8(ascii: "]")),
                authority[(authority.startIndex + 1)..<close].allSatisfy({
                    isHexDigit($0) || $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: ".")
                }),
                close > authority.startIndex + 1
            else { throw Problem(reason: "has a malformed IPv6 host") }
            host = authority[...close]
        } else {
            host = authority[..<(authority.firstIndex(of: UInt8(ascii: ":")) ?? authority.endIndex)]
            guard !host.isEmpty else { throw Problem(reason: "must name a host, such as https://example.org/") }
            guard host.allSatisfy(isHostByte), host.first != UInt8(ascii: "."), host.first != UInt8(ascii: "-") else {
                throw Problem(reason: "has a malformed host '\(String(decoding: host, as: UTF8.self))'")
            }
        }
        let port = authority[host.endIndex...]
        if !port.isEmpty {
            let digits = port.dropFirst()
            guard port.first == UInt8(ascii: ":"), !digits.isEmpty, digits.count <= 5, digits.allSatisfy(isDigit),
                let number = Int(String(decoding: digits, as: UTF8.self)), (1...65535).contains(number)
            else { throw Problem(reason: "has a malformed port") }
        }
        return host
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "f"))
    }

    private static func isHostByte(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z"))
            || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
    }

    /// The first byte RFC 3986 does not allow unescaped in a path (unreserved characters,
    /// sub-delimiters, `:`, `@`, `/`, and `%` before two hex digits).
    private static func firstInvalidPathByte(_ path: ArraySlice<UInt8>) -> UInt8? {
        var index = path.startIndex
        while index < path.endIndex {
            let byte = path[index]
            if byte == UInt8(ascii: "%") {
                guard index + 2 < path.endIndex, isHexDigit(path[index + 1]), isHexDigit(path[index + 2]) else { return byte }
                index += 3
                continue
            }
            let allowed = isHostByte(byte) || "_~!$&'()*+,;=:@/".utf8.contains(byte)
            if !allowed { return byte }
            index += 1
        }
        return nil
    }
}
