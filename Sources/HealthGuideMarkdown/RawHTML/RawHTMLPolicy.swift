import HealthGuideBase
import HealthGuideContent

/// What raw HTML may keep: elements that format text and show media, attributes that describe
/// them, addresses that open a page, a mail or a call. Everything else is removed, since an
/// article is read by patients and every trick below runs script in their browser.
public enum RawHTMLPolicy {
    public static let elements: Set<String> = [
        "a", "abbr", "audio", "b", "bdi", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd",
        "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "h2", "h3", "h4", "h5", "h6", "hr",
        "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "picture", "pre", "q", "rp", "rt", "ruby", "s", "samp",
        "small", "source", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead",
        "time", "tr", "track", "u", "ul", "var", "video", "wbr",
    ]

    /// Elements whose content goes with them: script and style text, and the inside of
    /// embedded documents, which means nothing without them.
    public static let droppedWithContent: Set<String> = [
        "script", "style", "iframe", "object", "applet", "svg", "math", "template", "noscript", "noembed",
        "noframes", "xmp", "textarea", "title", "plaintext", "select",
    ]

    /// Void elements: no end tag to expect.
    public static let void: Set<String> = ["br", "col", "hr", "img", "source", "track", "wbr"]

    private static let globalAttributes: Set<String> = ["class", "dir", "id", "lang", "role", "style", "title"]

    private static let elementAttributes: [String: Set<String>] = [
        "a": ["href", "hreflang", "rel"],
        "audio": ["controls", "loop", "muted", "preload", "src"],
        "blockquote": ["cite"],
        "col": ["span"], "colgroup": ["span"],
        "del": ["cite", "datetime"], "ins": ["cite", "datetime"],
        "details": ["open"],
        "img": ["alt", "decoding", "height", "loading", "sizes", "src", "srcset", "width"],
        "li": ["value"],
        "ol": ["reversed", "start", "type"],
        "q": ["cite"],
        "source": ["media", "sizes", "src", "srcset", "type"],
        "td": ["colspan", "headers", "rowspan"], "th": ["abbr", "colspan", "headers", "rowspan", "scope"],
        "time": ["datetime"],
        "track": ["default", "kind", "label", "src", "srclang"],
        "video": ["controls", "height", "loop", "muted", "playsinline", "poster", "preload", "src", "width"],
    ]

    /// Attributes that hold an address. Only those an allowed element may keep are checked;
    /// the rest (`action`, `formaction`, `xlink:href`, `background`…) never pass the lists above.
    private static let addressAttributes: Set<String> = ["cite", "href", "poster", "src"]

    public static let allowedSchemes: Set<String> = ["http", "https", "mailto", "tel"]

    /// Nil when `attribute` may stay on `element`; otherwise why it goes.
    public static func problem(with attribute: HTMLAttribute, on element: String) -> String? {
        let name = attribute.name
        if name.hasPrefix("aria-"), name.utf8.dropFirst(5).allSatisfy(isNameByte), name.count > 5 { return nil }
        guard globalAttributes.contains(name) || elementAttributes[element]?.contains(name) == true else {
            return name.hasPrefix("on") ? "event handlers are not allowed" : "not an allowed attribute of <\(element)>"
        }
        if addressAttributes.contains(name), let scheme = disallowedScheme(attribute.value) {
            return "'\(scheme):' addresses are not allowed (only http, https, mailto, tel and relative ones)"
        }
        if name == "srcset" {
            // Candidates are `address width-or-density`, separated by commas.
            for candidate in attribute.value.split(separator: ",") {
                let address = candidate.split(whereSeparator: { $0.isWhitespace }).first.map(String.init) ?? ""
                if let scheme = disallowedScheme(address) {
                    return "'\(scheme):' addresses are not allowed (only http, https, mailto, tel and relative ones)"
                }
            }
        }
        if name == "style", let found = unsafeStyle(attribute.value) {
            return "CSS with '\(found)' is not allowed"
        }
        return nil
    }

    private static func disallowedScheme(_ address: String) -> String? {
        guard let scheme = URLScheme.of(address), !allowedSchemes.contains(scheme) else { return nil }
        return scheme
    }

    /// What in a `style` attribute could load an address or run script: `url(`, `expression`,
    /// `@import`, old browsers' `behavior` and `-moz-binding`, and the escapes and comments
    /// (`\`, `/*`) that could spell any of them in disguise.
    private static func unsafeStyle(_ css: String) -> String? {
        let lowered = css.lowercased()
        return ["\\", "/*", "url(", "image-set(", "image(", "expression", "@", "javascript:", "behavior", "-moz-binding"]
            .first { lowered.contains($0) }
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || byte == UInt8(ascii: "-")
    }
}
