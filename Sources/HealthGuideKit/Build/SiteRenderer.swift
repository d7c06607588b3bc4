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
        let matcher = GlossaryMatcher(entries: site.content.glossary)

        let renderedPages = Array(graph.pages.indices).parallelMap { index -> Bool in
            let page = graph.pages[index]
            let context: TemplateContext
            let template: String
            switch page.source.kind {
            case .article:
                context = builder.article(index)
                template = "article"
            case let .section(id):
                // The loader only accepts section folders listed in site.yml.
                context = builder.section(config.section(id: id) ?? SectionConfig(id: id, title: page.title, order: 0, description: ""))
                template = "section"
            case .home:
                context = builder.home()
                template = "home"
            }
            return renderPage(index, context: context, template: template, shared: shared, matcher: matcher)
        }
        var rendered = renderedPages.filter { $0 }.count
        // Sections without an `_index.md` and a site without `index.md` still get their pages.
        for section in config.sections where graph.sectionPages[section.id] == nil {
            rendered += renderGenerated(builder.section(section), template: "section", to: section.id + "/", shared: shared) ? 1 : 0
        }
        if graph.homePage == nil {
            rendered += renderGenerated(builder.home(), template: "home", to: "", shared: shared) ? 1 : 0
        }
        for (tag, articles) in graph.tags {
            rendered += renderGenerated(builder.tag(tag, articles: articles), template: "tag", to: "tags/\(tag)/", shared: shared) ? 1 : 0
        }
        if !graph.tags.isEmpty {
            rendered += renderGenerated(builder.tagIndex(), template: "tag", to: "tags/", shared: shared) ? 1 : 0
        }
        rendered += renderGenerated(builder.glossaryPage(), template: "glossary", to: "glossary/", shared: shared) ? 1 : 0
        let searchIndexBytes = writeSearchIndex()
        rendered += renderGenerated(builder.search(indexURL: SearchIndex.fileName), template: "search", to: "search/", shared: shared) ? 1 : 0
        rendered += renderGenerated(builder.notFound(), template: "404", to: "404.html", shared: shared) ? 1 : 0
        writer.write(SiteFiles.sitemap(graph: graph, config: config, extraURLs: [""] + config.sections.map { $0.id + "/" }), to: "sitemap.xml")
        writer.write(SiteFiles.feed(graph: graph, config: config), to: "feed.xml")
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
        let index = SearchIndex.build(graph: graph)
        writer.write(index, to: SearchIndex.fileName, inputs: inputs)
        return index.count
    }

    /// Renders a page with a Markdown body, unless its fingerprint shows it is current.
    private func renderPage(_ index: Int, context: TemplateContext, template: String, shared: [String], matcher: GlossaryMatcher) -> Bool {
        let page = graph.pages[index]
        let outputPath = SitePath.outputFile(for: page.url)
        let destinations = graph.linkDestinations[index].map { $0 ?? "\u{0}" }
        let inputs = ContentHash.of(parts: shared + [templates.fingerprints[template] ?? "", page.source.contentHash,
                                                     CanonicalText.of(context)] + destinations)
        if writer.isCurrent(outputPath, inputs: inputs) { return false }
        let document = MarkdownDocument(markdown: page.source.body)
        let targets = MarkdownScanner(glossary: matcher, lineOffset: page.source.bodyLineOffset).scanWithTargets(document).targets
        let plan = BodyRenderPlan(
            linkDestinations: graph.linkDestinations[index], emergencyNumber: config.emergencyNumber,
            allowRawHTML: config.allowRawHTML, glossary: matcher, glossaryEntries: site.content.glossary,
            glossaryURL: SitePath.relative(from: page.url, to: "glossary/"))
        var full = context
        full["body"] = MarkdownRenderer(plan: plan).render(document, targets: targets)
        writer.write(templates.render(full, template: template), to: outputPath, inputs: inputs)
        return true
    }

    /// Renders a page made only from the site graph (tags, glossary, search, 404).
    private func renderGenerated(_ context: TemplateContext, template: String, to url: String, shared: [String]) -> Bool {
        let outputPath = SitePath.outputFile(for: url)
        let inputs = ContentHash.of(parts: shared + [template, templates.fingerprints[template] ?? "", CanonicalText.of(context)])
        if writer.isCurrent(outputPath, inputs: inputs) { return false }
        writer.write(templates.render(context, template: template), to: outputPath, inputs: inputs)
        return true
    }
}
