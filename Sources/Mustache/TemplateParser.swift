/// Reads one template's source into `TemplateSyntax`.
///
/// Where the Mustache spec leaves room, it follows swift-mustache 2.1.1, which this engine
/// replaces, so that existing templates keep rendering byte for byte the same; those places are
/// marked "as swift-mustache". It works on UTF-8 bytes: every byte that matters to the syntax
/// (delimiters, sigils, spaces, line ends) is ASCII, and UTF-8 never uses ASCII byte values inside
/// a multi-byte character.
public struct TemplateParser {
    private let bytes: [UInt8]
    private var position = 0
    // Delimiters may be changed by `{{=<% %>=}}` for the rest of the template, including after
    // the end of a section it appears in, as the spec says.
    private var openDelimiter: [UInt8] = Array("{{".utf8)
    private var closeDelimiter: [UInt8] = Array("}}".utf8)

    private init(source: String) {
        bytes = Array(source.utf8)
    }

    public static func parse(_ source: String) throws(TemplateSyntaxError) -> [TemplateSyntax] {
        var parser = TemplateParser(source: source)
        let whole = Scope(opening: nil, atLineStart: true, kind: .content, overrideIndentation: nil)
        return try parser.parseNodes(in: whole).nodes
    }

    /// What is being parsed: the whole template, or the inside of a tag pair.
    private struct Scope {
        enum Kind {
            /// Ordinary template content.
            case content
            /// Directly inside `{{<parent}}…{{/parent}}`: only overrides count, text is ignored.
            case parentBody
            /// Inside an override, at any depth.
            case overrideBody
        }

        /// The tag whose closing tag ends this scope; nil for the whole template.
        var opening: (name: String, offset: Int)?
        /// Whether only spaces and tabs can precede the next tag on its line, so that the tag may
        /// be standalone. As swift-mustache, after a section this is whether the section's
        /// opening tag was standalone, whatever its closing tag was.
        var atLineStart: Bool
        var kind: Kind
        /// As swift-mustache: inside an override, the width of the indentation of the first line
        /// that starts there. That line loses all of its indentation and later lines lose this
        /// many characters, so an override's own indentation does not reach the page.
        var overrideIndentation: Int?

        func nested(opening name: String, at offset: Int, atLineStart: Bool, kind: Kind) -> Scope {
            Scope(opening: (name, offset), atLineStart: atLineStart, kind: kind, overrideIndentation: overrideIndentation)
        }
    }

    private struct Parsed {
        var nodes: [TemplateSyntax] = []
        var overrides: [TemplateSyntax.Override] = []

        mutating func appendText(_ text: some Collection<UInt8>, in scope: Scope) {
            guard scope.kind != .parentBody, !text.isEmpty else { return }
            nodes.append(.text(Array(text)))
        }
    }

    private enum TextEnd {
        case lineEnd
        case tag(offset: Int)
        case templateEnd
    }

    private enum TagOutcome {
        case continues(atLineStart: Bool)
        case closesScope
    }

    private mutating func parseNodes(in scope: Scope) throws(TemplateSyntaxError) -> Parsed {
        var scope = scope
        var parsed = Parsed()
        // The spaces and tabs that start the current line, held back until it is known whether
        // the line's tag is standalone (then they vanish with the line) or not.
        var indentation: ArraySlice<UInt8> = []
        while position < bytes.count {
            if scope.atLineStart {
                let whitespace = readSpacesAndTabs()
                if scope.kind == .overrideBody {
                    if let width = scope.overrideIndentation {
                        indentation = whitespace.dropFirst(width)
                    } else {
                        scope.overrideIndentation = whitespace.count
                        indentation = []
                    }
                } else {
                    indentation = whitespace
                }
            }
            let (text, end) = scanText()
            if case .lineEnd = end {
                parsed.appendText(indentation + text, in: scope)
                scope.atLineStart = true
                continue
            }
            if !text.isEmpty {
                parsed.appendText(indentation + text, in: scope)
                indentation = []
                scope.atLineStart = false
            }
            // As swift-mustache: spaces and tabs ending the template after a line break are dropped.
            guard case .tag(let offset) = end else { break }
            switch try parseTag(at: offset, in: scope, indentation: &indentation, into: &parsed) {
            case .continues(let atLineStart):
                scope.atLineStart = atLineStart
            case .closesScope:
                return parsed
            }
        }
        if let opening = scope.opening {
            throw TemplateSyntaxError(offset: opening.offset, message: "a section is opened but never closed")
        }
        return parsed
    }

    /// Parses the tag whose opening delimiter starts at `offset`; `position` is just past it.
    private mutating func parseTag(
        at offset: Int,
        in scope: Scope,
        indentation: inout ArraySlice<UInt8>,
        into parsed: inout Parsed
    ) throws(TemplateSyntaxError) -> TagOutcome {
        guard position < bytes.count else { throw unclosed(at: offset, by: closeDelimiter) }
        let sigil = bytes[position]
        if scope.kind == .parentBody, !Self.isAllowedInParentBody(sigil) {
            throw TemplateSyntaxError(
                offset: offset, message: "only blocks ({{$name}}…{{/name}}) and comments may appear inside a parent tag")
        }
        switch sigil {
        case UInt8(ascii: "#"), UInt8(ascii: "^"):
            position += 1
            let name = try readName(closedBy: closeDelimiter, tagAt: offset)
            try Self.validate(valueName: name, at: offset)
            let standalone = takeStandaloneLineEnd(in: scope)
            if !standalone {
                Self.flush(&indentation, into: &parsed, in: scope)
            }
            let body = try parseNodes(in: scope.nested(opening: name, at: offset, atLineStart: standalone, kind: scope.kind))
            parsed.nodes.append(.section(name: name, inverted: sigil == UInt8(ascii: "^"), body: body.nodes, offset: offset))
            return .continues(atLineStart: standalone)

        case UInt8(ascii: "/"):
            position += 1
            let name = try readName(closedBy: closeDelimiter, tagAt: offset)
            guard let opening = scope.opening else {
                throw TemplateSyntaxError(offset: offset, message: "a section is closed but was never opened")
            }
            guard name == opening.name else {
                throw TemplateSyntaxError(offset: offset, message: "a section is closed with the wrong name")
            }
            if !takeStandaloneLineEnd(in: scope) {
                Self.flush(&indentation, into: &parsed, in: scope)
            }
            return .closesScope

        case UInt8(ascii: "!"):
            guard let end = find(closeDelimiter, from: position) else { throw unclosed(at: offset, by: closeDelimiter) }
            position = end + closeDelimiter.count
            return .continues(atLineStart: takeStandaloneLineEnd(in: scope))

        case UInt8(ascii: "{"), UInt8(ascii: "&"):
            Self.flush(&indentation, into: &parsed, in: scope)
            position += 1
            let closing = sigil == UInt8(ascii: "{") ? [UInt8(ascii: "}")] + closeDelimiter : closeDelimiter
            let name = try readName(closedBy: closing, tagAt: offset)
            try Self.validate(valueName: name, at: offset)
            parsed.nodes.append(.value(name: name, escaped: false, offset: offset))
            return .continues(atLineStart: false)

        case UInt8(ascii: ">"):
            position += 1
            let name = try readName(closedBy: closeDelimiter, tagAt: offset)
            try Self.validate(templateName: name, at: offset)
            // As swift-mustache: the whitespace before a standalone partial is printed once and
            // also indents each later line of the partial.
            let whitespace = indentation
            Self.flush(&indentation, into: &parsed, in: scope)
            let standalone = takeStandaloneLineEnd(in: scope)
            parsed.nodes.append(.partial(name: name, indentation: standalone ? Array(whitespace) : nil, offset: offset))
            return .continues(atLineStart: standalone)

        case UInt8(ascii: "<"):
            position += 1
            let name = try readName(closedBy: closeDelimiter, tagAt: offset)
            try Self.validate(templateName: name, at: offset)
            let whitespace = indentation
            Self.flush(&indentation, into: &parsed, in: scope)
            let standalone = takeStandaloneLineEnd(in: scope)
            // As swift-mustache: a parent tag's content always starts as if on a new line, so
            // `{{<parent}}{{$block}}` and `{{<parent}}{{/parent}}` can be standalone.
            let body = try parseNodes(in: scope.nested(opening: name, at: offset, atLineStart: true, kind: .parentBody))
            parsed.nodes.append(.parent(name: name, indentation: Array(whitespace), overrides: body.overrides, offset: offset))
            return .continues(atLineStart: standalone)

        case UInt8(ascii: "$"):
            position += 1
            let name = try readName(closedBy: closeDelimiter, tagAt: offset)
            try Self.validate(valueName: name, at: offset)
            if scope.kind == .parentBody {
                let standalone = takeStandaloneLineEnd(in: scope)
                let body = try parseNodes(in: scope.nested(opening: name, at: offset, atLineStart: standalone, kind: .overrideBody))
                parsed.overrides.append(TemplateSyntax.Override(name: name, body: body.nodes))
                return .continues(atLineStart: standalone)
            }
            let whitespace = indentation
            Self.flush(&indentation, into: &parsed, in: scope)
            let standalone = takeStandaloneLineEnd(in: scope)
            let body = try parseNodes(in: scope.nested(opening: name, at: offset, atLineStart: standalone, kind: scope.kind))
            parsed.nodes.append(
                .block(name: name, indentation: Array(whitespace), standalone: standalone, body: body.nodes, offset: offset))
            return .continues(atLineStart: standalone)

        case UInt8(ascii: "="):
            position += 1
            try parseDelimiters(tagAt: offset)
            return .continues(atLineStart: takeStandaloneLineEnd(in: scope))

        case UInt8(ascii: "%"):
            throw TemplateSyntaxError(offset: offset, message: "pragmas ({{% … }}) are not supported")

        default:
            Self.flush(&indentation, into: &parsed, in: scope)
            let name = try readName(closedBy: closeDelimiter, tagAt: offset)
            try Self.validate(valueName: name, at: offset)
            parsed.nodes.append(.value(name: name, escaped: true, offset: offset))
            return .continues(atLineStart: false)
        }
    }

    // MARK: - Pieces of tags

    /// Reads a tag's name and the `closing` bytes that end the tag; whitespace may surround the name.
    private mutating func readName(closedBy closing: [UInt8], tagAt offset: Int) throws(TemplateSyntaxError) -> String {
        skipWhitespace()
        let start = position
        // Stopping at an opening delimiter too reports `{{ {{name}}` as an unclosed tag rather
        // than as a tag named "{{name".
        while position < bytes.count, !Self.isWhitespace(bytes[position]), !matches(closing, at: position),
            !matches(openDelimiter, at: position)
        {
            position += 1
        }
        let name = String(decoding: bytes[start..<position], as: UTF8.self)
        skipWhitespace()
        guard matches(closing, at: position) else { throw unclosed(at: offset, by: closing) }
        position += closing.count
        guard !name.isEmpty else { throw TemplateSyntaxError(offset: offset, message: "a tag has no name") }
        return name
    }

    /// Reads the rest of `{{=<% %>=}}` and switches to the new delimiters.
    private mutating func parseDelimiters(tagAt offset: Int) throws(TemplateSyntaxError) {
        let malformed = TemplateSyntaxError(offset: offset, message: "a set-delimiter tag must look like {{=<% %>=}}")
        skipWhitespace()
        let newOpen = read { Self.isWhitespace($0) }
        skipWhitespace()
        let newClose = read { Self.isWhitespace($0) || $0 == UInt8(ascii: "=") }
        skipWhitespace()
        guard !newOpen.isEmpty, !newClose.isEmpty, matches([UInt8(ascii: "=")] + closeDelimiter, at: position) else {
            throw malformed
        }
        position += 1 + closeDelimiter.count
        openDelimiter = newOpen
        closeDelimiter = newClose
    }

    private static func isAllowedInParentBody(_ sigil: UInt8) -> Bool {
        switch sigil {
        case UInt8(ascii: "$"), UInt8(ascii: "/"), UInt8(ascii: "!"), UInt8(ascii: "="): true
        default: false
        }
    }

    /// Names of values, sections and blocks use the characters swift-mustache accepts, so a
    /// typo such as `{{ page title }}` or `{{{{title}}}` is an error rather than an empty string.
    /// swift-mustache's transforms (`{{index()}}`) call functions on values, which plain data
    /// cannot offer.
    private static func validate(valueName name: String, at offset: Int) throws(TemplateSyntaxError) {
        if name.utf8.contains(UInt8(ascii: "(")) {
            throw TemplateSyntaxError(offset: offset, message: "transforms such as '\(name)' are not supported")
        }
        try validateCharacters(of: name, isTemplateName: false, at: offset)
    }

    /// Template names may also contain "/" (`partials/header`). Dynamic names (`{{>*name}}`) would
    /// need a lookup at render time that compiling cannot check.
    private static func validate(templateName name: String, at offset: Int) throws(TemplateSyntaxError) {
        if name.utf8.first == UInt8(ascii: "*") {
            throw TemplateSyntaxError(offset: offset, message: "dynamic names such as '\(name)' are not supported")
        }
        try validateCharacters(of: name, isTemplateName: true, at: offset)
    }

    private static func validateCharacters(of name: String, isTemplateName: Bool, at offset: Int) throws(TemplateSyntaxError) {
        let valid = name.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "?"), UInt8(ascii: "*"):
                true
            case UInt8(ascii: "/"), UInt8(ascii: "("), UInt8(ascii: ")"):
                isTemplateName
            default:
                false
            }
        }
        guard valid else {
            let allowed = isTemplateName ? "letters, digits and . - _ ? / ( )" : "letters, digits and . - _ ?"
            throw TemplateSyntaxError(offset: offset, message: "'\(name)' is not a valid name: use only \(allowed)")
        }
    }

    private func unclosed(at offset: Int, by closing: [UInt8]) -> TemplateSyntaxError {
        TemplateSyntaxError(offset: offset, message: "a tag is not closed with '\(String(decoding: closing, as: UTF8.self))'")
    }

    // MARK: - Text and whitespace

    /// Reads text up to and including the next line end, or up to the next tag or the end.
    private mutating func scanText() -> (ArraySlice<UInt8>, TextEnd) {
        let start = position
        var index = position
        while index < bytes.count {
            if let length = lineEndLength(at: index) {
                position = index + length
                return (bytes[start..<position], .lineEnd)
            }
            if matches(openDelimiter, at: index) {
                position = index + openDelimiter.count
                return (bytes[start..<index], .tag(offset: index))
            }
            index += 1
        }
        position = index
        return (bytes[start..<index], .templateEnd)
    }

    /// If only spaces and tabs follow up to a line end, or nothing follows at all, a tag at line
    /// start is standalone: reads up to and including the line end and returns true.
    /// As swift-mustache, spaces and tabs before the end of the template do not count, and any
    /// newline character ends the line here (it asks `Character.isNewline`), not only "\n".
    private mutating func takeStandaloneLineEnd(in scope: Scope) -> Bool {
        guard scope.atLineStart else { return false }
        guard position < bytes.count else { return true }
        var index = position
        while index < bytes.count, Self.isSpaceOrTab(bytes[index]) {
            index += 1
        }
        guard let length = lineEndLength(at: index) ?? otherNewlineLength(at: index) else { return false }
        position = index + length
        return true
    }

    /// The newline characters other than "\n" and "\r\n": CR, VT, FF, NEL, LS and PS.
    private func otherNewlineLength(at index: Int) -> Int? {
        for newline in Self.otherNewlines where matches(newline, at: index) {
            return newline.count
        }
        return nil
    }

    private static let otherNewlines: [[UInt8]] = ["\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}"].map { Array($0.utf8) }

    /// "\n" and "\r\n" end lines of text, as in the spec and swift-mustache.
    private func lineEndLength(at index: Int) -> Int? {
        guard index < bytes.count else { return nil }
        if bytes[index] == UInt8(ascii: "\n") { return 1 }
        if bytes[index] == UInt8(ascii: "\r"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") { return 2 }
        return nil
    }

    private mutating func readSpacesAndTabs() -> ArraySlice<UInt8> {
        let start = position
        while position < bytes.count, Self.isSpaceOrTab(bytes[position]) {
            position += 1
        }
        return bytes[start..<position]
    }

    private mutating func skipWhitespace() {
        while position < bytes.count, Self.isWhitespace(bytes[position]) {
            position += 1
        }
    }

    private mutating func read(until isEnd: (UInt8) -> Bool) -> [UInt8] {
        let start = position
        while position < bytes.count, !isEnd(bytes[position]) {
            position += 1
        }
        return Array(bytes[start..<position])
    }

    private func matches(_ pattern: [UInt8], at index: Int) -> Bool {
        guard index + pattern.count <= bytes.count else { return false }
        return bytes[index..<index + pattern.count].elementsEqual(pattern)
    }

    private func find(_ pattern: [UInt8], from start: Int) -> Int? {
        var index = start
        while index + pattern.count <= bytes.count {
            if matches(pattern, at: index) { return index }
            index += 1
        }
        return nil
    }

    /// Moves the held-back line indentation into the output as text, once it is known that the
    /// line is not standalone.
    private static func flush(_ indentation: inout ArraySlice<UInt8>, into parsed: inout Parsed, in scope: Scope) {
        parsed.appendText(indentation, in: scope)
        indentation = []
    }

    private static func isSpaceOrTab(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"), 0x0B, 0x0C: true
        default: false
        }
    }
}
