/// One piece of raw HTML, with where it starts (a byte offset into the text).
public enum HTMLToken: Equatable {
    /// Text between tags, as written (entities undecoded).
    case text(String)
    case startTag(name: String, attributes: [HTMLAttribute], offset: Int)
    case endTag(name: String, offset: Int)
    /// A comment, `<!DOCTYPE…>`, `<![CDATA[…]]>` or `<?…>`: never kept, so never parsed further.
    case comment
    /// A tag the text ends inside of, which the rest of the page would continue.
    case unfinished(offset: Int)
}

public struct HTMLAttribute: Equatable {
    /// In ASCII lower case, as HTML compares names.
    public var name: String
    /// With its character references decoded: what a browser would see.
    public var value: String
    public var offset: Int
}

/// Splits raw HTML into tags and text the way the HTML standard's tokenizer does, as far as
/// the sanitizer needs: tag and attribute names end where a browser ends them (`<script/x>`
/// is a `script` tag), attribute values are decoded, a name repeated in one tag keeps its
/// first value, and the first `>` ends a comment-like token. What it gets wrong can do no
/// harm, since the sanitizer writes out only tags it built itself and text it escaped.
public struct HTMLTokenizer {
    private let bytes: [UInt8]
    private var position = 0

    public init(_ html: String) {
        bytes = Array(html.utf8)
    }

    public mutating func next() -> HTMLToken? {
        guard position < bytes.count else { return nil }
        if bytes[position] == UInt8(ascii: "<"), let kind = markupKind(at: position) {
            switch kind {
            case .startTag: return startTag()
            case .endTag: return endTag()
            case .comment: return comment()
            }
        }
        let start = position
        position += 1
        while position < bytes.count, !(bytes[position] == UInt8(ascii: "<") && markupKind(at: position) != nil) {
            position += 1
        }
        return .text(String(decoding: bytes[start..<position], as: UTF8.self))
    }

    /// Moves past the content of a `name` element and its end tag (`</script >`), or to the end
    /// of the text when it has none. Nested elements of the same name are not counted: for
    /// `script` and `style` the first end tag is the end, and for the rest it removes less
    /// than the whole element, never more.
    public mutating func skipContent(of name: String) {
        let closing = Array("</\(name)".utf8)
        while position < bytes.count {
            if bytes[position] == UInt8(ascii: "<"), position + closing.count <= bytes.count,
                zip(bytes[position..<(position + closing.count)], closing).allSatisfy({ Self.lowered($0) == $1 })
            {
                let after = position + closing.count
                if after == bytes.count || Self.isSpace(bytes[after]) || bytes[after] == UInt8(ascii: "/")
                    || bytes[after] == UInt8(ascii: ">")
                {
                    position = after
                    while position < bytes.count, bytes[position] != UInt8(ascii: ">") { position += 1 }
                    position = min(position + 1, bytes.count)
                    return
                }
            }
            position += 1
        }
    }

    private enum MarkupKind { case startTag, endTag, comment }

    /// What a `<` at `index` opens; nil when it is just a less-than sign.
    private func markupKind(at index: Int) -> MarkupKind? {
        guard index + 1 < bytes.count else { return nil }
        let next = bytes[index + 1]
        if Self.isLetter(next) { return .startTag }
        if next == UInt8(ascii: "!") || next == UInt8(ascii: "?") { return .comment }
        guard next == UInt8(ascii: "/"), index + 2 < bytes.count else { return nil }
        // `</>` is dropped by browsers and `</1…>` read as a comment: neither is text.
        return Self.isLetter(bytes[index + 2]) ? .endTag : .comment
    }

    private mutating func startTag() -> HTMLToken {
        let offset = position
        position += 1
        let name = readName()
        var attributes: [HTMLAttribute] = []
        // Hashed, so a tag with a hundred thousand attributes takes no longer than its length.
        var names = Set<String>()
        while true {
            while position < bytes.count, Self.isSpace(bytes[position]) || bytes[position] == UInt8(ascii: "/") { position += 1 }
            guard position < bytes.count else { return .unfinished(offset: offset) }
            if bytes[position] == UInt8(ascii: ">") {
                position += 1
                return .startTag(name: name, attributes: attributes, offset: offset)
            }
            guard let attribute = readAttribute() else { return .unfinished(offset: offset) }
            if names.insert(attribute.name).inserted { attributes.append(attribute) }
        }
    }

    private mutating func endTag() -> HTMLToken {
        let offset = position
        position += 2
        let name = readName()
        // Attributes on an end tag mean nothing; a browser reads past them to the `>`.
        while position < bytes.count {
            if bytes[position] == UInt8(ascii: ">") {
                position += 1
                return .endTag(name: name, offset: offset)
            }
            if bytes[position] == UInt8(ascii: "\"") || bytes[position] == UInt8(ascii: "'") {
                let quote = bytes[position]
                position += 1
                while position < bytes.count, bytes[position] != quote { position += 1 }
            }
            position += 1
        }
        return .unfinished(offset: offset)
    }

    private mutating func comment() -> HTMLToken {
        guard bytes[position...].starts(with: "<!--".utf8) else {
            // `<!DOCTYPE…>`, `<?…>`, `</1…>` and the like end at the first `>`.
            position = (bytes[position...].firstIndex(of: UInt8(ascii: ">")) ?? bytes.count - 1) + 1
            return .comment
        }
        position += 4
        // `<!-->` and `<!--->` end at once; any other at `-->` or `--!>`, or with the text.
        for ending in [">", "->"] where bytes[position...].starts(with: ending.utf8) {
            position += ending.utf8.count
            return .comment
        }
        while position < bytes.count {
            for ending in ["-->", "--!>"] where bytes[position...].starts(with: ending.utf8) {
                position += ending.utf8.count
                return .comment
            }
            position += 1
        }
        return .comment
    }

    /// A tag or attribute name, up to a space, `/`, `>` (or `=`, for attributes), lower-cased.
    private mutating func readName(stoppingAtEquals: Bool = false) -> String {
        let start = position
        while position < bytes.count {
            let byte = bytes[position]
            if Self.isSpace(byte) || byte == UInt8(ascii: "/") || byte == UInt8(ascii: ">") { break }
            if stoppingAtEquals, byte == UInt8(ascii: "="), position > start { break }
            position += 1
        }
        return String(decoding: bytes[start..<position].map(Self.lowered), as: UTF8.self)
    }

    private mutating func readAttribute() -> HTMLAttribute? {
        let offset = position
        let name = readName(stoppingAtEquals: true)
        var index = position
        while index < bytes.count, Self.isSpace(bytes[index]) { index += 1 }
        guard index < bytes.count, bytes[index] == UInt8(ascii: "=") else {
            return HTMLAttribute(name: name, value: "", offset: offset)
        }
        position = index + 1
        while position < bytes.count, Self.isSpace(bytes[position]) { position += 1 }
        guard position < bytes.count else { return nil }
        let raw: ArraySlice<UInt8>
        let quote = bytes[position]
        if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
            guard let end = bytes[(position + 1)...].firstIndex(of: quote) else { return nil }
            raw = bytes[(position + 1)..<end]
            position = end + 1
        } else {
            let start = position
            while position < bytes.count, !Self.isSpace(bytes[position]), bytes[position] != UInt8(ascii: ">") { position += 1 }
            raw = bytes[start..<position]
        }
        return HTMLAttribute(name: name, value: HTMLEntities.decode(raw), offset: offset)
    }

    public static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        lowered(byte) >= UInt8(ascii: "a") && lowered(byte) <= UInt8(ascii: "z")
    }

    private static func lowered(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
    }
}
