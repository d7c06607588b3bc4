/// Runs compiled templates against one context, appending UTF-8 bytes to a single buffer that
/// becomes the result string once at the end.
struct TemplateRenderer {
    /// Deeper nesting of partial, parent and block tags than this is taken to be a template that
    /// includes itself without end (say, a partial that always includes itself, or an override
    /// that expands its own block); the tag that would go deeper renders nothing instead of
    /// crashing the process with a stack overflow. Recursion over finite data stays far below.
    static let maximumNesting = 200

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

    init(templates: [[TemplateNode]], context: TemplateValue, expectedSize: Int) {
        self.templates = templates
        output = []
        output.reserveCapacity(expectedSize)
        stack = [context]
    }

    /// Renders template number `template` and returns the text produced, as UTF-8.
    mutating func render(template: Int) -> [UInt8] {
        render(templates[template])
        return output
    }

    private mutating func render(_ nodes: [TemplateNode]) {
        for node in nodes {
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
            case .partial(let template, let extra):
                renderNested(template: template, extraIndentation: extra ?? [])
            case .parent(let template, let extra, let overrides):
                overrideFrames.append(overrides)
                renderNested(template: template, extraIndentation: extra)
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
            for item in items {
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

    private mutating func renderNested(template: Int, extraIndentation: [UInt8]) {
        guard nesting < Self.maximumNesting else { return }
        nesting += 1
        let saved = indentation
        indentation += extraIndentation
        render(templates[template])
        indentation = saved
        nesting -= 1
    }

    private mutating func renderBlock(_ site: TemplateNode.BlockSite) {
        guard nesting < Self.maximumNesting else { return }
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
                HTML.appendEscaped(string, to: &output)
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
