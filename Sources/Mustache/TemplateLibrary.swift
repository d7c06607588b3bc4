/// A set of compiled templates that can refer to each other by name, through partial tags
/// (`{{> partials/header}}`) and parent tags (`{{< layout}}`).
public struct TemplateLibrary: Sendable {
    /// Template indices, given in the order of the sorted template names.
    private let indicesByName: [String: Int]
    /// Node trees by template index.
    private let templates: [[TemplateNode]]
    /// Names and sources by template index, to locate a tag that nested without end.
    private let names: [String]
    private let sources: [String]
    private let referencesByIndex: [[String]]
    /// Bytes to reserve for the output of each template: twice its source and the sources of the
    /// templates it reaches, since pages are mostly template text plus data of similar size.
    private let expectedSizes: [Int]

    /// Compiles every template; returns all errors found (every template is checked, each error once).
    public static func compile(_ sources: [String: String]) -> Result<TemplateLibrary, TemplateErrors> {
        let sorted = sources.sorted { $0.key < $1.key }
        let names = sorted.map(\.key)
        let indicesByName = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        var compiler = TemplateCompiler(templateIndices: indicesByName)
        var templates: [[TemplateNode]] = []
        var referencesByIndex: [[String]] = []
        var unconditionalReferences: [String: [TemplateCycles.Reference]] = [:]
        var errors: [TemplateError] = []
        for (index, (name, source)) in sorted.enumerated() {
            do {
                let syntax = try TemplateParser.parse(source)
                let (nodes, problems) = compiler.compile(syntax, template: index)
                errors += problems.map { TemplateError(template: name, source: source, problem: $0) }
                templates.append(nodes)
                referencesByIndex.append(TemplateCompiler.references(in: syntax))
                unconditionalReferences[name] = TemplateCycles.unconditionalReferences(in: syntax)
            } catch {
                errors.append(TemplateError(template: name, source: source, problem: error))
            }
        }
        for (name, problem) in TemplateCycles.find(in: unconditionalReferences) {
            errors.append(TemplateError(template: name, source: sources[name] ?? "", problem: problem))
        }
        guard errors.isEmpty else { return .failure(TemplateErrors(errors: errors)) }
        let sourceSizes = sorted.map(\.value.utf8.count)
        let expectedSizes = names.indices.map { index in
            2
                * reachableTemplates(from: index, referencesByIndex: referencesByIndex, indicesByName: indicesByName)
                .reduce(0) { $0 + sourceSizes[$1] }
        }
        return .success(
            TemplateLibrary(
                indicesByName: indicesByName,
                templates: templates,
                names: names,
                sources: sorted.map(\.value),
                referencesByIndex: referencesByIndex,
                expectedSizes: expectedSizes
            ))
    }

    /// Renders the named template; nil when there is no template of that name. Throws when
    /// templates nest without end on this data (see `TemplateRenderer.maximumNesting`).
    public func render(_ name: String, _ context: TemplateValue) throws(TemplateError) -> String? {
        try renderUTF8(name, context).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Renders the named template as UTF-8, for a file: a `String` of it would check every
    /// byte only to be turned back into bytes.
    public func renderUTF8(_ name: String, _ context: TemplateValue) throws(TemplateError) -> [UInt8]? {
        guard let index = indicesByName[name] else { return nil }
        var renderer = TemplateRenderer(templates: templates, context: context, expectedSize: expectedSizes[index])
        let output = renderer.render(template: index)
        if let failure = renderer.failure {
            throw error(for: failure)
        }
        return output
    }

    /// The error for rendering that went too deep, at the tag that would have gone deeper.
    private func error(for failure: TemplateRenderer.NestingFailure) -> TemplateError {
        let chain = failure.chain.map { names[$0] }
        let message =
            "templates nested more than \(TemplateRenderer.maximumNesting) deep: "
            + "\(chain.joined(separator: " → ")) repeats on every level without end"
        return TemplateError(
            template: names[failure.tag.template], source: sources[failure.tag.template],
            problem: TemplateSyntaxError(offset: failure.tag.offset, message: message, chain: chain))
    }

    /// Names of templates `name` uses directly through partials ({{> x}}) and parents ({{< x}}),
    /// sorted; empty when there is no template of that name.
    public func references(of name: String) -> [String] {
        guard let index = indicesByName[name] else { return [] }
        return referencesByIndex[index]
    }

    /// `start` and every template it reaches through references, each once (templates may
    /// include each other in cycles).
    private static func reachableTemplates(
        from start: Int,
        referencesByIndex: [[String]],
        indicesByName: [String: Int]
    ) -> Set<Int> {
        var reached: Set<Int> = [start]
        var pending = [start]
        while let index = pending.popLast() {
            for name in referencesByIndex[index] {
                if let next = indicesByName[name], reached.insert(next).inserted {
                    pending.append(next)
                }
            }
        }
        return reached
    }
}
