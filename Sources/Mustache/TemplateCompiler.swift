/// Turns parsed templates into `TemplateNode` trees. Template names become indices into the
/// library (resolved here, so a missing template is an error before anything renders) and block
/// names become numbers shared by all templates of the library.
public struct TemplateCompiler {
    private let templateIndices: [String: Int]
    private var blockNumbers: [String: Int] = [:]
    /// The number of the template being compiled, which its tags record.
    private var current = 0

    public init(templateIndices: [String: Int]) {
        self.templateIndices = templateIndices
    }

    /// Compiles template number `template`; `problems` lists every reference to a template that
    /// does not exist.
    public mutating func compile(_ syntax: [TemplateSyntax], template: Int) -> (nodes: [TemplateNode], problems: [TemplateSyntaxError]) {
        current = template
        var problems: [TemplateSyntaxError] = []
        let nodes = compile(syntax, problems: &problems)
        return (nodes, problems)
    }

    /// The names of the templates that `syntax` uses through partial and parent tags, sorted.
    public static func references(in syntax: [TemplateSyntax]) -> [String] {
        var names: Set<String> = []
        collectReferences(in: syntax, into: &names)
        return names.sorted()
    }

    private mutating func compile(_ syntax: [TemplateSyntax], problems: inout [TemplateSyntaxError]) -> [TemplateNode] {
        var nodes: [TemplateNode] = []
        // Adjacent text (split by the parser at line ends and tags) becomes one copy at render time.
        var text: [UInt8] = []
        for item in syntax {
            let node: TemplateNode?
            switch item {
            case .text(let bytes):
                text += bytes
                continue
            case .value(let name, let escaped, _):
                node = .value(TemplateNode.Path(name), escaped: escaped)
            case .section(let name, let inverted, let body, _):
                let body = compile(body, problems: &problems)
                let path = TemplateNode.Path(name)
                node = inverted ? .invertedSection(path, body: body) : .section(path, body: body)
            case .partial(let name, let indentation, let offset):
                node = index(of: name, at: offset, problems: &problems).map {
                    .partial(template: $0, indentation: indentation, tag: tag(at: offset))
                }
            case .parent(let name, let indentation, let overrides, let offset):
                let template = index(of: name, at: offset, problems: &problems)
                let overrides = compile(overrides, problems: &problems)
                node = template.map { .parent(template: $0, indentation: indentation, overrides: overrides, tag: tag(at: offset)) }
            case .block(let name, let indentation, let standalone, let body, let offset):
                let intrinsic = standalone ? Self.intrinsicIndentation(of: body, beyond: indentation) : []
                node = .block(
                    TemplateNode.BlockSite(
                        block: blockNumber(for: name),
                        indentation: indentation,
                        intrinsicIndentation: intrinsic,
                        defaultBody: compile(body, problems: &problems),
                        tag: tag(at: offset)
                    ))
            }
            if !text.isEmpty {
                nodes.append(.text(text))
                text = []
            }
            if let node {
                nodes.append(node)
            }
        }
        if !text.isEmpty {
            nodes.append(.text(text))
        }
        return nodes
    }

    private mutating func compile(
        _ overrides: [TemplateSyntax.Override],
        problems: inout [TemplateSyntaxError]
    ) -> [TemplateNode.BlockOverride] {
        var compiled: [TemplateNode.BlockOverride] = []
        for override in overrides {
            let number = blockNumber(for: override.name)
            let body = compile(override.body, problems: &problems)
            // When one parent tag fills a block twice, the last one wins, as in swift-mustache.
            compiled.removeAll { $0.block == number }
            compiled.append(TemplateNode.BlockOverride(block: number, body: body))
        }
        return compiled
    }

    private func index(of template: String, at offset: Int, problems: inout [TemplateSyntaxError]) -> Int? {
        guard let index = templateIndices[template] else {
            problems.append(TemplateSyntaxError(offset: offset, message: "template '\(template)' not found", missingTemplate: template))
            return nil
        }
        return index
    }

    private func tag(at offset: Int) -> TemplateNode.Tag {
        TemplateNode.Tag(template: current, offset: offset)
    }

    private mutating func blockNumber(for name: String) -> Int {
        if let number = blockNumbers[name] {
            return number
        }
        let number = blockNumbers.count
        blockNumbers[name] = number
        return number
    }

    /// The leading spaces and tabs of a standalone block's default content, beyond the whitespace
    /// before the block tag itself; an override of the block is indented to match its default.
    private static func intrinsicIndentation(of body: [TemplateSyntax], beyond site: [UInt8]) -> [UInt8] {
        guard case .text(let bytes)? = body.first else { return [] }
        let leading = bytes.prefix { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
        guard leading.starts(with: site) else { return [] }
        return Array(leading.dropFirst(site.count))
    }

    private static func collectReferences(in syntax: [TemplateSyntax], into names: inout Set<String>) {
        for item in syntax {
            switch item {
            case .text, .value:
                break
            case .section(_, _, let body, _), .block(_, _, _, let body, _):
                collectReferences(in: body, into: &names)
            case .partial(let name, _, _):
                names.insert(name)
            case .parent(let name, _, let overrides, _):
                names.insert(name)
                for override in overrides {
                    collectReferences(in: override.body, into: &names)
                }
            }
        }
    }
}
