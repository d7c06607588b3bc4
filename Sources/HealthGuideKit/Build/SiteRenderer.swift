import Foundation
import HealthGuideBase
import HealthGuideContent
import HealthGuideLinks
import HealthGuideMarkdown
import HealthGuideOutput
import HealthGuideRender

/// Renders every output file of a linked site and hands it to the writer. A page whose
/// inputs fingerprint matches the last build's is not rendered at all.
/// A class, not a struct: each page's closures capture it, and a struct was copied for every page.
public final class SiteRenderer: Sendable {
    public let site: LinkedSite
    public let templates: TemplateSet
    public let assets: AssetCatalog
    public let writer: OutputWriter
    private let builder: PageContextBuilder
    private let fingerprints: Fingerprints
    private let bodyRendering: BodyRendering
    /// By page index, the bodies rendered while the pages were prepared (see `PrerenderedBody`).
    private let bodies: [PrerenderedBody?]

    public struct Outcome: Sendable {
        public var rendered = 0
        public var searchIndexBytes = 0
    }

    private var config: SiteConfig { site.content.config }
    private var graph: SiteGraph { site.graph }

    /// `siteKey` is `SiteRenderer.siteKey(…)` of this site, templates and assets; a page
    /// without a body in `bodies` is rendered from its Markdown.
    public init(
        site: LinkedSite, templates: TemplateSet, assets: AssetCatalog, writer: OutputWriter, siteKey: String,
        bodies: [PrerenderedBody?] = []
    ) {
        self.site = site
        self.bodies = bodies
        self.templates = templates
        self.assets = assets
        self.writer = writer
        let config = site.content.config
        builder = PageContextBuilder(
            graph: site.graph, config: config, glossary: site.content.glossary,
            layout: LayoutContext(config: config, sections: config.sections, assets: assets.outputPaths))
        fingerprints = Fingerprints(shared: Self.sharedInputs(of: site), siteKey: siteKey)
        bodyRendering = BodyRendering(content: site.content, media: site.graph.media)
    }

    /// Every page depends on these; any change to them changes every fingerprint. Templates
    /// and asset names are not here: each page adds its own template's fingerprint, and the
    /// asset names it links to are in its context.
    private static func sharedInputs(of site: LinkedSite) -> [String] {
        [site.content.settingsHash, site.content.glossaryHash, site.content.config.baseURL]
    }

    /// Every input of every page but the page's own file; see `SiteShape`.
    public static func siteKey(site: LinkedSite, templates: TemplateSet, assets: AssetCatalog) -> String {
        ContentHash.of(
            parts: sharedInputs(of: site) + templates.fingerprints.sorted { $0.key < $1.key }.map { $0.key + "=" + $0.value }
                + assets.outputPaths.sorted { $0.key < $1.key }.map { $0.key + "=" + $0.value }
                + [site.graph.shape])
    }

    public func renderAll() -> Outcome {
        for asset in assets.assets {
            writer.write(asset.data, to: asset.outputPath)
        }
        // The loader has hashed every media file already; an unchanged one is not read again.
        for file in site.content.staticFiles where !writer.isCurrent(file.path, inputs: file.contentHash) {
            if let data = FileManager.default.contents(atPath: file.absolutePath) {
                writer.write(data, to: file.path, inputs: file.contentHash)
            }
        }
        // The search index is made from the prepared entries alone, beside the pages.
        let (searchIndexBytes, renderedPages) = inParallel(
            { self.writeSearchIndex() },
            {
                Array(graph.pages.indices).parallelMap(renderContentPage)
            })
        // Rendered on every core too: a tag page of a large site lists hundreds of articles.
        let renderedGenerated = generatedPages().parallelMap { page in
            self.renderGenerated(page.template, to: page.url, context: page.context)
        }
        let rendered = (renderedPages + renderedGenerated).filter { $0 }.count
        writeSitemapAndFeed()
        writer.write(SiteFiles.robots(config: config), to: "robots.txt")
        return Outcome(rendered: rendered, searchIndexBytes: searchIndexBytes)
    }

    /// A page made only from the site graph: its template, URL and context.
    private struct GeneratedPage: Sendable {
        let template: String
        let url: String
        let context: @Sendable () -> TemplateContext
    }

    /// The pages made from the graph alone. Sections and topics without an `_index.md`, and a
    /// site without `index.md`, still get their pages.
    private func generatedPages() -> [GeneratedPage] {
        let builder = builder
        var pages: [GeneratedPage] = []
        for folder in landingFolders where graph.folderPages[folder] == nil {
            pages.append(GeneratedPage(template: "section", url: folder + "/") { builder.landing(folder) })
        }
        if graph.homePage == nil {
            pages.append(GeneratedPage(template: "home", url: "") { builder.home() })
        }
        for (tag, articles) in graph.tags {
            pages.append(GeneratedPage(template: "tag", url: "tags/\(tag)/") { builder.tag(tag, articles: articles) })
        }
        if !graph.tags.isEmpty {
            pages.append(GeneratedPage(template: "tag", url: "tags/") { builder.tagIndex() })
        }
        pages.append(GeneratedPage(template: "glossary", url: "glossary/") { builder.glossaryPage() })
        pages.append(GeneratedPage(template: "search", url: "search/") { builder.search(indexURL: SearchIndex.fileName) })
        pages.append(GeneratedPage(template: "404", url: "404.html") { builder.notFound() })
        return pages
    }

    /// What a save changed besides the pages themselves.
    public struct SaveEffects {
        public var searchEntries: Bool
        public var reviewDates: Bool
    }

    /// Renders only the given content pages, and the search index, sitemap and feed when
    /// `effects` says they changed. Right when nothing else can have changed, as after a save
    /// that kept the site's shape. The new search index gets no inputs fingerprint (the next
    /// full build finds its bytes unchanged), since that would cost a pass over every page.
    public func render(pages indexes: [Int], effects: SaveEffects) -> Outcome {
        let rendered = indexes.filter(renderContentPage).count
        var searchIndexBytes = FileSystem.size(of: writer.root + "/" + SearchIndex.fileName) ?? 0
        if effects.searchEntries {
            let index = SearchIndex.build(entries: site.searchEntries, trails: folderTrails)
            writer.write(index, to: SearchIndex.fileName)
            searchIndexBytes = index.count
        }
        if effects.reviewDates { writeSitemapAndFeed() }
        return Outcome(rendered: rendered, searchIndexBytes: searchIndexBytes)
    }

    /// A page made from a Markdown file: an article, a section's `_index.md` or the home page.
    private func renderContentPage(_ index: Int) -> Bool {
        let page = graph.pages[index]
        switch page.source.kind {
        case .article:
            return renderPage(index, template: "article") { builder.article(index) }
        case let .section(folder):
            return renderPage(index, template: "section") { builder.landing(folder) }
        case .home:
            return renderPage(index, template: "home") { builder.home() }
        }
    }

    /// Every folder with a landing page: each section of `site.yml`, even an empty one, and
    /// every topic folder holding a page.
    private var landingFolders: [String] {
        config.sections.map(\.id) + graph.folders.filter { ContentFolder.depth(of: $0) > 1 }
    }

    /// The sitemap and the feed show the shape and each article's review date.
    private func writeSitemapAndFeed() {
        let inputs = ContentHash.of(parts: [fingerprints.siteKey] + graph.pages.map { $0.source.frontMatter.reviewed?.iso ?? "-" })
        if !writer.isCurrent("sitemap.xml", inputs: inputs) {
            let sitemap = SiteFiles.sitemap(graph: graph, config: config, extraURLs: [""] + landingFolders.map { $0 + "/" })
            writer.write(sitemap, to: "sitemap.xml", inputs: inputs)
        }
        if !writer.isCurrent("feed.xml", inputs: inputs) {
            writer.write(SiteFiles.feed(graph: graph, config: config, folders: builder.folders), to: "feed.xml", inputs: inputs)
        }
    }

    /// Each folder's trail of titles, for the search index.
    private var folderTrails: [(folderURL: String, trail: String)] {
        graph.folders.map { ($0 + "/", builder.folders.trail(of: $0)) }
    }

    /// Writes the search index unless no article and no folder's title changed, and returns its
    /// size. The index is made only from the articles' sources and URLs and the folders' trails,
    /// so those are its fingerprint.
    private func writeSearchIndex() -> Int {
        var fingerprint = ContentHash.Parts()
        for page in graph.pages where page.isArticle {
            fingerprint.add(page.url)
            fingerprint.add(page.source.fingerprint)
        }
        let trails = folderTrails
        for (folderURL, trail) in trails {
            fingerprint.add(folderURL)
            fingerprint.add(trail)
        }
        let inputs = fingerprint.finish()
        if writer.isCurrent(SearchIndex.fileName, inputs: inputs), let size = FileSystem.size(of: writer.root + "/" + SearchIndex.fileName)
        {
            return size
        }
        let index = SearchIndex.build(entries: site.searchEntries, trails: trails)
        writer.write(index, to: SearchIndex.fileName, inputs: inputs)
        return index.count
    }

    /// The two fingerprints of a page (see `BuildManifest.Entry`): the exact one needs the
    /// page's template context; the shape one only the page's own file.
    private struct Fingerprints {
        let shared: [String]
        let siteKey: String

        /// Not hashed again: both parts are fingerprints already, and this runs for every page.
        func shape(source: String) -> String {
            siteKey + ":" + source
        }

        /// The start of a page's exact fingerprint: the shared inputs, then `first`.
        func starting(with first: String) -> ContentHash.Parts {
            var fingerprint = ContentHash.Parts()
            for part in shared { fingerprint.add(part) }
            fingerprint.add(first)
            return fingerprint
        }
    }

    /// Renders a page with a Markdown body, unless its fingerprints show it is current.
    private func renderPage(_ index: Int, template: String, context makeContext: () -> TemplateContext) -> Bool {
        let page = graph.pages[index]
        let outputPath = SitePath.outputFile(for: page.url)
        let shapeInputs = fingerprints.shape(source: page.source.fingerprint)
        if writer.isCurrent(outputPath, shapeInputs: shapeInputs) { return false }
        let context = makeContext()
        var fingerprint = fingerprints.starting(with: templates.fingerprints[template] ?? "")
        fingerprint.add(page.source.fingerprint)
        CanonicalText.add(context, to: &fingerprint)
        for destination in graph.links[index].destinations { fingerprint.add(destination ?? "\u{0}") }
        // The images' sizes are written into the body; their files are inputs of the page.
        for size in graph.media.sizes(of: page.facts.links, fromFile: page.source.path) {
            fingerprint.add(size.map { "\($0.width)x\($0.height)" } ?? "-")
        }
        let inputs = fingerprint.finish()
        if writer.isCurrent(outputPath, inputs: inputs, shapeInputs: shapeInputs) { return false }
        let resolved = graph.links[index].destinations
        let prerendered = index < bodies.count ? bodies[index]?.filled(destinations: resolved, allowRawHTML: config.allowRawHTML) : nil
        guard let body = prerendered ?? renderBody(of: page, destinations: resolved) else {
            // The file no longer holds what the page cache described.
            writer.failInputChanged(
                Diagnostic(
                    file: page.source.displayPath, location: nil, severity: .error,
                    message: "the file changed while the site was being built; build again",
                    rule: .changedDuringBuild))
            return false
        }
        var full = context
        full["body"] = .text(body)
        return write(full, template: template, to: outputPath, inputs: inputs, shapeInputs: shapeInputs)
    }

    /// Renders a page's template and writes it; a page whose templates nest without end is
    /// not written, and the problem is the build's.
    private func write(_ context: TemplateContext, template: String, to outputPath: String, inputs: String, shapeInputs: String) -> Bool {
        do {
            writer.write(try templates.render(context, template: template), to: outputPath, inputs: inputs, shapeInputs: shapeInputs)
            return true
        } catch {
            writer.fail(error)
            return false
        }
    }

    /// Renders a body from its Markdown, read again for a page from the page cache; nil when
    /// the file no longer holds what the cache described.
    private func renderBody(of page: Page, destinations: [String?]) -> String? {
        guard let markdown = page.source.body ?? site.fileReader.body(of: page.source) else { return nil }
        let document = bodyRendering.assembly.document(for: page.source, body: markdown)
        let targets = MarkdownScanner(glossary: bodyRendering.matcher, lineOffset: page.source.bodyLineOffset).targets(in: document)
        return bodyRendering.render(document, targets: targets, of: page, destinations: destinations)
    }

    /// Renders a page made only from the site graph (tags, glossary, search, 404).
    private func renderGenerated(_ template: String, to url: String, context makeContext: () -> TemplateContext) -> Bool {
        let outputPath = SitePath.outputFile(for: url)
        let shapeInputs = fingerprints.shape(source: "")
        if writer.isCurrent(outputPath, shapeInputs: shapeInputs) { return false }
        let context = makeContext()
        var fingerprint = fingerprints.starting(with: template)
        fingerprint.add(templates.fingerprints[template] ?? "")
        CanonicalText.add(context, to: &fingerprint)
        let inputs = fingerprint.finish()
        if writer.isCurrent(outputPath, inputs: inputs, shapeInputs: shapeInputs) { return false }
        return write(context, template: template, to: outputPath, inputs: inputs, shapeInputs: shapeInputs)
    }
}
