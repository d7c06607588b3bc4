/// Runs compiled templates against one context, appending UTF-8 bytes to a single buffer that
/// becomes the result string once at the end.
public struct TemplateRenderer {
    /// Deeper nesting of partial, parent and block tags than this is taken to be a template that
    /// includes itself without end (a partial inside a section whose name every level finds
    /// again, or an override that expands its own block): rendering stops at the tag that would
    /// go deeper and `failure` says where, instead of the stack overflowing, or a section of a
    /// list repeating the recursion beyond any time. Recursion over real data stays far below.
    /// (A cycle outside sections is found before any rendering: `TemplateCycles`.)
    public static let maximumNesting = 200

    /// Where rendering stopped: the tag that would have nested too deep, and the templates it
    /// went round, by number, from the first of them to that one again.
    public struct NestingFailure {
        public var tag: TemplateNode.Tag
        public var chain: [Int]
    }

    /// Set when rendering stopped; the output is then incomplete and must not be used.
    public private(set) var failure: NestingFailure?

    /// Node trees of the library's templates, by template index.
    private let templates: [[TemplateNode]]
    private var output: [UInt8]
    /// The context stack; the last element is the top.
    private var stack: [TemplateValue]
    /// Printed before the first byte of every output line that starts while it is not empty; set
    /// by standalone partials and by block and parent tags that follow whitespace.
    private var indentation: [UInt8] = []
    /// The overrides of the parent tags being rendered, outermost first: the outermost override of
    /// a block wins, so a page overrides its layout even through layouts of layouts.
    private var overrideFrames: [[TemplateNode.BlockOverride]] = []
    private var nesting = 0
    /// The templates being rendered, outermost first.
    private var frames: [Int] = []

    public init(templates: [[TemplateNode]], context: TemplateValue, expectedSize: Int) {
        self.templates = templates
        output = []
        output.reserveCapacity(expectedSize)
        stack = [context]
    }

    /// Renders template number `template` and returns the text produced, as UTF-8.
    public mutating func render(template: Int) -> [UInt8] {
        frames.append(template)
        render(templates[template])
        return output
    }

    private mutating func render(_ nodes: [TemplateNode]) {
        for node in nodes where failure == nil {
            switch node {
            case .text(let bytes):
                appendText(bytes)
            case .value(let path, let escaped):
                if let value = resolve(path) {
                    appendValue(value, escaped: escaped)
                }
            case .section(let path, let body):
                renderSection(resolve(path), body: body)
            case .invertedSection(let path, let body):
                renderInvertedSection(resolve(path), body: body)
            case .partial(let template, let extra, let tag):
                renderNested(template: template, extraIndentation: extra ?? [], tag: tag)
            case .parent(let template, let extra, let overrides, let tag):
                overrideFrames.append(overrides)
                renderNested(template: template, extraIndentation: extra, tag: tag)
                overrideFrames.removeLast()
            case .block(let site):
                renderBlock(site)
            }
        }
    }

    private mutating func renderSection(_ value: TemplateValue?, body: [TemplateNode]) {
        switch value {
        case nil, .flag(false)?:
            break
        case .flag(true)?:
            render(body)
        case .list(let items)?:
            for item in items where failure == nil {
                stack.append(item)
                render(body)
                stack.removeLast()
            }
        case let value?:
            stack.append(value)
            render(body)
            stack.removeLast()
        }
    }

    private mutating func renderInvertedSection(_ value: TemplateValue?, body: [TemplateNode]) {
        switch value {
        case nil, .flag(false)?:
            render(body)
        case .list(let items)? where items.isEmpty:
            // swift-mustache puts the empty list on the stack; `{{.}}` then prints nothing.
            stack.append(.list(items))
            render(body)
            stack.removeLast()
        default:
            break
        }
    }

    private mutating func renderNested(template: Int, extraIndentation: [UInt8], tag: TemplateNode.Tag) {
        guard nesting < Self.maximumNesting else {
            stop(at: tag, entering: template)
            return
        }
        nesting += 1
        frames.append(template)
        let saved = indentation
        indentation += extraIndentation
        render(templates[template])
        indentation = saved
        frames.removeLast()
        nesting -= 1
    }

    /// Records where rendering went too deep; every loop then ends without rendering more.
    private mutating func stop(at tag: TemplateNode.Tag, entering template: Int) {
        let start = frames.lastIndex(of: template) ?? frames.count
        failure = NestingFailure(tag: tag, chain: Array(frames[start...]) + [template])
    }

    private mutating func renderBlock(_ site: TemplateNode.BlockSite) {
        guard nesting < Self.maximumNesting else {
            stop(at: site.tag, entering: site.tag.template)
            return
        }
        nesting += 1
        let saved = indentation
        indentation += site.indentation
        if let override = override(of: site.block) {
            appendText(site.intrinsicIndentation)
            indentation += site.intrinsicIndentation
            render(override)
        } else {
            render(site.defaultBody)
        }
        indentation = saved
        nesting -= 1
    }

    private func override(of block: Int) -> [TemplateNode]? {
        for frame in overrideFrames {
            if let override = frame.first(where: { $0.block == block }) {
                return override.body
            }
        }
        return nil
    }

    // MARK: - Values

    private func resolve(_ path: TemplateNode.Path) -> TemplateValue? {
        var components = path.components[...]
        var value: TemplateValue
        if path.searchesStack, let first = components.popFirst() {
            guard let found = lookUp(first) else { return nil }
            value = found
        } else {
            guard let top = stack.last else { return nil }
            value = top
        }
        for name in components {
            guard case .object(let fields) = value, let child = fields[name] else { return nil }
            value = child
        }
        return value
    }

    /// The value of `name` in the topmost object of the stack that has it.
    private func lookUp(_ name: String) -> TemplateValue? {
        for value in stack.reversed() {
            if case .object(let fields) = value, let child = fields[name] {
                return child
            }
        }
        return nil
    }

    // MARK: - Output

    private mutating func appendValue(_ value: TemplateValue, escaped: Bool) {
        switch value {
        case .text(let string):
            guard !string.isEmpty else { return }
            indentIfAtLineStart()
            if escaped {
                Escaping.append(string, to: &output)
            } else {
                output.append(contentsOf: string.utf8)
            }
        case .flag(let flag):
            indentIfAtLineStart()
            output.append(contentsOf: (flag ? "true" : "false").utf8)
        case .list, .object:
            break
        }
    }

    private mutating func appendText(_ bytes: [UInt8]) {
        guard !indentation.isEmpty else {
            output.append(contentsOf: bytes)
            return
        }
        // Each line of the text may need the indentation in front of it.
        var lineStart = 0
        while lineStart < bytes.count {
            let lineEnd = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? bytes.count
            indentIfAtLineStart()
            output.append(contentsOf: bytes[lineStart..<lineEnd])
            lineStart = lineEnd
        }
    }

    /// Called before appending something that is not empty, as swift-mustache indents a line
    /// only once something is printed on it.
    ///
    /// Unlike swift-mustache, every line is indented, as the spec says. swift-mustache looks only
    /// at the text of the template piece being rendered, so it skips the first line of the second
    /// and later iterations of a section, and lines after "\r\n" (one Character, not "\n").
    /// Both differences need an indented standalone partial or an indented block to show.
    private mutating func indentIfAtLineStart() {
        if !indentation.isEmpty, output.last == UInt8(ascii: "\n") {
            output.append(contentsOf: indentation)
        }
    }
}
