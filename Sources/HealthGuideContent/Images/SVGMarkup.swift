import HealthGuideBase

/// The elements of an SVG file, read just far enough to check and measure it: each start
/// tag with its attributes and their places, and the text inside `<style>` elements.
/// Comments, processing instructions, the doctype and end tags are stepped over. Not a full
/// XML parser: it does not need to be, since it only looks for what must not be there and
/// always moves forward, so malformed markup ends the reading instead of looping.
public struct SVGMarkup {
    public struct Attribute {
        public var name: String
        public var value: String
        public var location: SourceLocation
    }

    public struct Element {
        /// The name as written, `svg:script` included.
        public var name: String
        public var attributes: [Attribute]
        public var location: SourceLocation

        /// The name without a namespace prefix, in lower case.
        public var localName: String { Self.local(name) }

        public func attribute(_ name: String) -> String? {
            attributes.first { $0.name == name }?.value
        }

        public static func local(_ name: String) -> String {
            String(name.split(separator: ":").last ?? "").lowercased()
        }
    }

    /// Text of a `<style>` element, CDATA sections included.
    public struct StyleText {
        public var text: String
        public var location: SourceLocation
    }

    public private(set) var elements: [Element] = []
    public private(set) var styles: [StyleText] = []

    private let bytes: [UInt8]
    private var offset = 0
    private var line = 1
    private var lineStart = 0

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
        read()
    }

    private var location: SourceLocation { SourceLocation(line: line, column: offset - lineStart + 1) }

    private mutating func read() {
        var inStyle = false
        while offset < bytes.count {
            if bytes[offset] != UInt8(ascii: "<") {
                let start = location
                let text = take { $0 != UInt8(ascii: "<") }
                if inStyle { styles.append(StyleText(text: text, location: start)) }
                continue
            }
            if starts(with: "<!--") {
                skip(past: "-->")
            } else if starts(with: "<![CDATA[") {
                advance(9)
                let start = location
                let text = takeUntil("]]>")
                if inStyle { styles.append(StyleText(text: text, location: start)) }
            } else if starts(with: "<?") {
                skip(past: "?>")
            } else if starts(with: "<!") {
                skip(past: ">")
            } else if starts(with: "</") {
                skip(past: ">")
                inStyle = false
            } else {
                guard let element = readStartTag() else { return }
                elements.append(element)
                inStyle = element.localName == "style"
            }
        }
    }

    /// `<name attr="value" …>` or `/>`; nil when the tag never ends.
    private mutating func readStartTag() -> Element? {
        let start = location
        advance(1)
        let name = take { !Self.isSpace($0) && $0 != UInt8(ascii: ">") && $0 != UInt8(ascii: "/") }
        var attributes: [Attribute] = []
        while offset < bytes.count {
            _ = take(while: Self.isSpace)
            guard offset < bytes.count else { return nil }
            if bytes[offset] == UInt8(ascii: ">") {
                advance(1)
                return Element(name: name, attributes: attributes, location: start)
            }
            if starts(with: "/>") {
                advance(2)
                return Element(name: name, attributes: attributes, location: start)
            }
            let attributeStart = location
            let attributeName = take { !Self.isSpace($0) && $0 != UInt8(ascii: "=") && $0 != UInt8(ascii: ">") && $0 != UInt8(ascii: "/") }
            if attributeName.isEmpty { advance(1) }
            _ = take(while: Self.isSpace)
            var value = ""
            if offset < bytes.count, bytes[offset] == UInt8(ascii: "=") {
                advance(1)
                _ = take(while: Self.isSpace)
                if offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") || bytes[offset] == UInt8(ascii: "'") {
                    let quote = bytes[offset]
                    advance(1)
                    value = take { $0 != quote }
                    advance(1)
                } else {
                    value = take { !Self.isSpace($0) && $0 != UInt8(ascii: ">") }
                }
            }
            if !attributeName.isEmpty {
                attributes.append(Attribute(name: attributeName, value: Self.decodeEntities(value), location: attributeStart))
            }
        }
        return nil
    }

    /// The character references an attribute may hide a name or address behind.
    public static func decodeEntities(_ value: String) -> String {
        guard value.contains("&") else { return value }
        var result = ""
        var rest = Substring(value)
        while let ampersand = rest.firstIndex(of: "&") {
            result += rest[..<ampersand]
            rest = rest[ampersand...]
            guard let semicolon = rest.prefix(12).firstIndex(of: ";") else {
                result += "&"
                rest = rest.dropFirst()
                continue
            }
            let entity = rest[rest.index(after: rest.startIndex)..<semicolon]
            let named = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'"]
            var decoded: String?
            if let character = named[String(entity)] {
                decoded = character
            } else if entity.hasPrefix("#x") || entity.hasPrefix("#X") {
                decoded = UInt32(entity.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
            } else if entity.hasPrefix("#") {
                decoded = UInt32(entity.dropFirst(1)).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
            }
            if let decoded {
                result += decoded
                rest = rest[rest.index(after: semicolon)...]
            } else {
                result += "&"
                rest = rest.dropFirst()
            }
        }
        return result + rest
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    private func starts(with text: StaticString) -> Bool {
        let count = text.utf8CodeUnitCount
        guard offset + count <= bytes.count else { return false }
        return text.withUTF8Buffer { bytes[offset..<offset + count].elementsEqual($0) }
    }

    private mutating func advance(_ count: Int) {
        for _ in 0..<count where offset < bytes.count {
            if bytes[offset] == 0x0A {
                line += 1
                lineStart = offset + 1
            }
            offset += 1
        }
    }

    private mutating func take(while predicate: (UInt8) -> Bool) -> String {
        let start = offset
        while offset < bytes.count, predicate(bytes[offset]) { advance(1) }
        return String(decoding: bytes[start..<offset], as: UTF8.self)
    }

    /// The text up to `end`, stepping past `end` too (or to the end of the file).
    private mutating func takeUntil(_ end: StaticString) -> String {
        let start = offset
        while offset < bytes.count, !starts(with: end) { advance(1) }
        let text = String(decoding: bytes[start..<offset], as: UTF8.self)
        advance(end.utf8CodeUnitCount)
        return text
    }

    private mutating func skip(past end: StaticString) {
        _ = takeUntil(end)
    }
}
