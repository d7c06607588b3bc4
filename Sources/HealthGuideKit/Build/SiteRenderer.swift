import Foundation

/// Renders every output file of a linked site and hands it to the writer. A page whose
/// inputs fingerprint matches the last build's is not rendered at all.
struct SiteRenderer {
    let site: LinkedSite
    let templates: TemplateSet
    let assets: AssetCatalog
    let writer: OutputWriter

    struct Outcome {
        var rendered = 0
        var searchIndexBytes = 0
    }

    private var config: SiteConfig { site.content.config }
    private var graph: SiteGraph { site.graph }

    func renderAll() -> Outcome {
        for asset in assets.assets {
            writer.write(asset.data, to: asset.outputPath)
        }
        // The loader has hashed every media file already; an unchanged one is not read again.
        for file in site.content.staticFiles where !writer.isCurrent(file.path, inputs: file.contentHash) {
            if let data = FileManager.default.contents(atPath: file.absolutePath) {
                writer.write(data, to: file.path, inputs: file.contentHash)
            }
        }
        let builder = PageContextBuilder(graph: graph, config: config, glossary: site.content.glossary,
                                         layout: LayoutContext(config: config, sections: config.sections, assets: assets.outputPaths))
        /// Every page depends on these; any change to them changes every fingerprint. Templates
        /// and asset names are not here: each page adds its own template's fingerprint, and the
        /// asset names it links to are in its context.
        let shared = [site.content.configHash, site.content.glossaryHash, config.baseURL]
        /// Every input of every page but the page's own file; see `SiteShape`.
        let siteKey = ContentHash.of(parts: shared + templates.fingerprints.sorted { $0.key < $1.key }.map { $0.key + "=" + $0.value }
            + assets.outputPaths.sorted { $0.key < $1.key }.map { $0.key + "=" + $0.value }
            + [SiteShape.fingerprint(of: graph, mediaFiles: site.content.staticFiles.map(\.path), draftPaths: site.draftPaths)])
        let fingerprints = Fingerprints(shared: shared, siteKey: siteKey)
        let matcher = GlossaryMatcher(entries: site.content.glossary)

        let renderedPages = Array(graph.pages.indices).parallelMap { index -> Bool in
            let page = graph.pages[index]
            switch page.source.kind {
            case .article:
                return renderPage(index, template: "article", fingerprints: fingerprints, matcher: matcher) { builder.article(index) }
            case let .section(id):
                // The loader only accepts section folders listed in site.yml.
                let section = config.section(id: id) ?? SectionConfig(id: id, title: page.title, order: 0, description: "")
                return renderPage(index, template: "section", fingerprints: fingerprints, matcher: matcher) { builder.section(section) }
            case .home:
                return renderPage(index, template: "home", fingerprints: fingerprints, matcher: matcher) { builder.home() }
            }
        }
        var rendered = renderedPages.filter { $0 }.count
        // Sections without an `_index.md` and a site without `index.md` still get their pages.
        for section in config.sections where graph.sectionPages[section.id] == nil {
            rendered += renderGenerated("section", to: section.id + "/", fingerprints: fingerprints) { builder.section(section) } ? 1 : 0
        }
        if graph.homePage == nil {
            rendered += renderGenerated("home", to: "", fingerprints: fingerprints) { builder.home() } ? 1 : 0
        }
        for (tag, articles) in graph.tags {
            rendered += renderGenerated("tag", to: "tags/\(tag)/", fingerprints: fingerprints) { builder.tag(tag, articles: articles) } ? 1 : 0
        }
        if !graph.tags.isEmpty {
            rendered += renderGenerated("tag", to: "tags/", fingerprints: fingerprints) { builder.tagIndex() } ? 1 : 0
        }
        rendered += renderGenerated("glossary", to: "glossary/", fingerprints: fingerprints) { builder.glossaryPage() } ? 1 : 0
        let searchIndexBytes = writeSearchIndex()
        rendered += renderGenerated("search", to: "search/", fingerprints: fingerprints) { builder.search(indexURL: SearchIndex.fileName) } ? 1 : 0
        rendered += renderGenerated("404", to: "404.html", fingerprints: fingerprints) { builder.notFound() } ? 1 : 0
        // The sitemap and the feed are made from the shape and the pages' own front matter.
        let everyFile = ContentHash.of(parts: [siteKey] + graph.pages.map(\.source.contentHash))
        if !writer.isCurrent("sitemap.xml", inputs: everyFile) {
            let sitemap = SiteFiles.sitemap(graph: graph, config: config, extraURLs: [""] + config.sections.map { $0.id + "/" })
            writer.write(sitemap, to: "sitemap.xml", inputs: everyFile)
        }
        if !writer.isCurrent("feed.xml", inputs: everyFile) {
            writer.write(SiteFiles.feed(graph: graph, config: config), to: "feed.xml", inputs: everyFile)
        }
        writer.write(SiteFiles.robots(config: config), to: "robots.txt")
        return Outcome(rendered: rendered, searchIndexBytes: searchIndexBytes)
    }

    /// Writes the search index unless no article changed, and returns its size. The index is
    /// made only from the articles' sources and URLs, so those are its fingerprint.
    private func writeSearchIndex() -> Int {
        let inputs = ContentHash.of(parts: graph.pages.filter(\.isArticle).map { $0.url + " " + $0.source.contentHash })
        if writer.isCurrent(SearchIndex.fileName, inputs: inputs),
           let size = try? FileManager.default.attributesOfItem(atPath: writer.root + "/" + SearchIndex.fileName)[.size] as? Int {
            return size
        }
        let index = SearchIndex.build(entries: site.searchEntries)
        writer.write(index, to: SearchIndex.fileName, inputs: inputs)
        return index.count
    }

    /// The two fingerprints of a page (see `BuildManifest.Entry`): the exact one needs the
    /// page's template context; the shape one only the page's own file.
    private struct Fingerprints {
        let shared: [String]
        let siteKey: String

        func shape(of outputPath: String, source: String) -> String {
            ContentHash.of(parts: [siteKey, outputPath, source])
        }
    }

    /// Renders a page with a Markdown body, unless its fingerprints show it is current.
    private func renderPage(_ index: Int, template: String, fingerprints: Fingerprints, matcher: GlossaryMatcher,
                            context makeContext: () -> TemplateContext) -> Bool {
        let page = graph.pages[index]
        let outputPath = SitePath.outputFile(for: page.url)
        let shapeInputs = fingerprints.shape(of: outputPath, source: page.source.contentHash)
        if writer.isCurrent(outputPath, shapeInputs: shapeInputs) { return false }
        let context = makeContext()
        let destinations = graph.linkDestinations[index].map { $0 ?? "\u{0}" }
        let inputs = ContentHash.of(parts: fingerprints.shared + [templates.fingerprints[template] ?? "", page.source.contentHash,
                                                                  CanonicalText.of(context)] + destinations)
        if writer.isCurrent(outputPath, inputs: inputs, shapeInputs: shapeInputs) { return false }
        guard let body = page.source.body ?? site.fileReader.body(of: page.source) else {
            writer.fail(Diagnostic(file: page.source.displayPath, location: nil, severity: .error,
                                   message: "the file changed while the site was being built; build again", rule: "changed-during-build"))
            return false
        }
        let document = MarkdownDocument(markdown: body)
        let targets = MarkdownScanner(glossary: matcher, lineOffset: page.source.bodyLineOffset).scanWithTargets(document).targets
        let plan = BodyRenderPlan(
            linkDestinations: graph.linkDestinations[index], emergencyNumber: config.emergencyNumber,
            allowRawHTML: config.allowRawHTML, glossary: matcher, glossaryEntries: site.content.glossary,
            glossaryURL: SitePath.relative(from: page.url, to: "glossary/"))
        var full = context
        full["body"] = MarkdownRenderer(plan: plan).render(document, targets: targets)
        writer.write(templates.render(full, template: template), to: outputPath, inputs: inputs, shapeInputs: shapeInputs)
        return true
    }

    /// Renders a page made only from the site graph (tags, glossary, search, 404).
    private func renderGenerated(_ template: String, to url: String, fingerprints: Fingerprints,
                                 context makeContext: () -> TemplateContext) -> Bool {
        let outputPath = SitePath.outputFile(for: url)
        let shapeInputs = fingerprints.shape(of: outputPath, source: "")
        if writer.isCurrent(outputPath, shapeInputs: shapeInputs) { return false }
        let context = makeContext()
        let inputs = ContentHash.of(parts: fingerprints.shared + [template, templates.fingerprints[template] ?? "", CanonicalText.of(context)])
        if writer.isCurrent(outputPath, inputs: inputs, shapeInputs: shapeInputs) { return false }
        writer.write(templates.render(context, template: template), to: outputPath, inputs: inputs, shapeInputs: shapeInputs)
        return true
    }
}
