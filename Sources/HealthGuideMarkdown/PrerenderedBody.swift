import Foundation

/// A page body rendered while the page is prepared, before the rest of the site is known: the
/// HTML with a gap wherever a link's destination waits for the site's links to be resolved.
/// Rendering the page then fills the gaps instead of reading and parsing the Markdown again,
/// which cost about a tenth of a full build's instructions.
///
/// A link gets a gap when `LinkResolver` may rewrite it: it has no scheme, or one the resolver
/// removes. Its node carries a token while the body is rendered, which the HTML writer leaves
/// as it is (letters, digits and hyphens), and the HTML is cut where the tokens are.
public struct PrerenderedBody: Sendable {
    /// The HTML without the tokens.
    private let html: [UInt8]
    /// Per gap, in document order: where it is in `html`, which of the page's links it holds,
    /// and that link's destination as written, for when the resolver leaves it unchanged.
    private let gaps: [Gap]
    /// How many links and images the page has.
    private let linkCount: Int

    private struct Gap: Sendable {
        var offset: Int
        var link: Int
        var written: String
    }

    private static let tokenPrefix = Array("healthguide-link-gap-".utf8)

    /// What to give the renderer as each link's destination: a token where a gap goes, nil to
    /// leave the link as written.
    public static func placeholders(for links: [LinkFact]) -> [String?] {
        links.indices.map { index in
            LinkDestination.mayRewrite(links[index].destination) ? String(decoding: tokenPrefix, as: UTF8.self) + "\(index)" : nil
        }
    }

    /// Cuts `rendered`, made with `placeholders(for: links)`, at its tokens. Nil unless each
    /// token is found exactly once, in order, inside an attribute: a page whose own text holds
    /// something like a token is rendered from its Markdown instead.
    public init?(rendered: String, links: [LinkFact]) {
        let expected = links.indices.filter { LinkDestination.mayRewrite(links[$0].destination) }
        var html: [UInt8] = []
        html.reserveCapacity(rendered.utf8.count)
        var gaps: [Gap] = []
        var rendered = rendered
        let complete = rendered.withUTF8 { bytes -> Bool in
            var position = 0
            while let token = Self.nextToken(in: bytes, from: position) {
                var end = token + Self.tokenPrefix.count
                var number = 0
                while end < bytes.count, bytes[end] >= UInt8(ascii: "0"), bytes[end] <= UInt8(ascii: "9"), number < links.count {
                    number = number * 10 + Int(bytes[end] - UInt8(ascii: "0"))
                    end += 1
                }
                guard gaps.count < expected.count, expected[gaps.count] == number,
                    end > token + Self.tokenPrefix.count, end < bytes.count, bytes[end] == UInt8(ascii: "\"")
                else { return false }
                html.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[position..<token]))
                gaps.append(Gap(offset: html.count, link: number, written: links[number].destination))
                position = end
            }
            html.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[position..<bytes.count]))
            return gaps.count == expected.count
        }
        guard complete else { return nil }
        self.html = html
        self.gaps = gaps
        linkCount = links.count
    }

    /// The body with each gap filled: the link's resolved destination, or its own when the
    /// resolver leaves it unchanged. Nil when `destinations` would change a link that has no
    /// gap, which the renderer then renders from the Markdown.
    public func filled(destinations: [String?], allowRawHTML: Bool) -> String? {
        guard destinations.count == linkCount else { return nil }
        var gapIndex = 0
        for (link, destination) in destinations.enumerated() {
            if gapIndex < gaps.count, gaps[gapIndex].link == link {
                gapIndex += 1
            } else if destination != nil {
                return nil
            }
        }
        var output: [UInt8] = []
        output.reserveCapacity(html.count + gaps.count * 64)
        var copied = 0
        for gap in gaps {
            output.append(contentsOf: html[copied..<gap.offset])
            CmarkDestination.append(destinations[gap.link] ?? gap.written, allowRawHTML: allowRawHTML, to: &output)
            copied = gap.offset
        }
        output.append(contentsOf: html[copied...])
        return String(decoding: output, as: UTF8.self)
    }

    /// Where the next token starts, found by its first byte with `memchr` and then compared.
    private static func nextToken(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        var position = start
        while bytes.count - position >= tokenPrefix.count {
            guard let found = memchr(base + position, Int32(tokenPrefix[0]), bytes.count - position) else { return nil }
            let offset = UnsafePointer(found.assumingMemoryBound(to: UInt8.self)) - base
            guard bytes.count - offset >= tokenPrefix.count else { return nil }
            if memcmp(base + offset, tokenPrefix, tokenPrefix.count) == 0 { return offset }
            position = offset + 1
        }
        return nil
    }
}

/// A link destination as cmark-gfm's HTML writer puts it in an `href` or `src` attribute, so a
/// filled gap reads exactly as if cmark-gfm had written the link itself.
public enum CmarkDestination {
    /// Appends `destination`: ASCII letters, digits and ``-_.+!*(),%#@?=;:/$~`` as they are,
    /// `&` and `'` as entities, every other byte as `%XX`. Without `allowRawHTML`, nothing for a
    /// destination cmark-gfm's safe mode drops (`javascript:`, `vbscript:`, `file:`, and `data:`
    /// except PNG, GIF, JPEG and WebP images).
    public static func append(_ destination: String, allowRawHTML: Bool, to output: inout [UInt8]) {
        if !allowRawHTML, isDropped(destination) { return }
        let hexDigits = hexDigits
        for byte in destination.utf8 {
            if byte < 0x80, isKept[Int(byte)] {
                output.append(byte)
            } else if byte == UInt8(ascii: "&") {
                output.append(contentsOf: "&amp;".utf8)
            } else if byte == UInt8(ascii: "'") {
                output.append(contentsOf: "&#x27;".utf8)
            } else {
                output.append(UInt8(ascii: "%"))
                output.append(hexDigits[Int(byte >> 4)])
                output.append(hexDigits[Int(byte & 0x0F)])
            }
        }
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    private static let isKept: [Bool] = (0..<128).map { (byte: UInt8) in
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return Array("-_.+!*(),%#@?=;:/$~".utf8).contains(byte)
        }
    }

    /// Compared in ASCII lower case only, as cmark-gfm's scanner does. Every dropped scheme
    /// ends within the first 11 bytes, so nearly every destination is let through at a glance.
    private static func isDropped(_ destination: String) -> Bool {
        guard destination.utf8.prefix(11).contains(UInt8(ascii: ":")) else { return false }
        let lowered = destination.utf8.prefix(16).map { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") ? $0 | 0x20 : $0 }
        func startsWith(_ prefix: String) -> Bool { lowered.starts(with: prefix.utf8) }
        if ["png", "gif", "jpeg", "webp"].contains(where: { startsWith("data:image/" + $0) }) { return false }
        return ["javascript:", "vbscript:", "file:", "data:"].contains(where: startsWith)
    }
}
