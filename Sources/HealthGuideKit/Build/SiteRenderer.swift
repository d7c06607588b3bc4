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
    /// The default language's context builder, and each other language's by code.
    private let builder: PageContextBuilder
    private let translationBuilders: [String: PageContextBuilder]
    /// Where each page is in every language.
    private let versions: LanguageVersions
    /// The pages made from the graph alone, in every language.
    private let generated: [GeneratedPage]
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
        let generated = Self.generatedPages(graph: site.graph, content: site.content)
        self.generated = generated
        // A site in one language has no versions to find: its pages' URLs are not gathered.
        let urls = config.languages.isEmpty ? [] : Set(site.graph.pages.map(\.url) + generated.map(\.url))
        let versions = LanguageVersions(config: config, urls: urls)
        self.versions = versions
        let names = Dictionary(
            uniqueKeysWithValues: config.languageCodes.map { ($0, templates.strings.text("language_name", language: $0)) })
        func makeBuilder(for language: String?) -> PageContextBuilder {
            let localized = config.localized(for: language)
            let layout = LayoutContext(
                config: localized, sections: localized.sections, assets: assets.outputPaths, language: language,
                strings: templates.strings.value(for: localized.language), versions: versions, languageNames: names,
                glossaryURL: SitePath.glossary(of: language, in: site.content))
            return PageContextBuilder(
                graph: site.graph, config: localized, glossary: site.content.glossary(for: language), layout: layout,
                strings: templates.strings)
        }
        builder = makeBuilder(for: nil)
        translationBuilders = Dictionary(uniqueKeysWithValues: config.languages.map { ($0.code, makeBuilder(for: $0.code)) })
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
        let renderedGenerated = generated.parallelMap { page in
            let builder = self.builder(for: page.language)
            return self.renderGenerated(page.template, language: page.language, to: page.url) { page.context(builder) }
        }
        let rendered = (renderedPages + renderedGenerated).filter { $0 }.count
        writeSitemapAndFeed()
        writer.write(SiteFiles.robots(config: config), to: "robots.txt")
        return Outcome(rendered: rendered, searchIndexBytes: searchIndexBytes)
    }

    /// A page made only from the site graph: its template, URL, language and context.
    private struct GeneratedPage: Sendable {
        let template: String
        let url: String
        let language: String?
        let context: @Sendable (PageContextBuilder) -> TemplateContext
    }

    /// The pages made from the graph alone, in each language. Sections and topics without an
    /// `_index.md` and a site without `index.md` still get their pages; a language without a
    /// glossary of its own links to the default language's, and the 404 page is the default's.
    private static func generatedPages(graph: SiteGraph, content: LoadedContent) -> [GeneratedPage] {
        let config = content.config
        var pages: [GeneratedPage] = []
        for language in [nil] + config.languages.map(\.code) {
            func add(_ template: String, _ url: String, _ context: @escaping @Sendable (PageContextBuilder) -> TemplateContext) {
                pages.append(
                    GeneratedPage(template: template, url: SitePath.inLanguage(language, url), language: language, context: context))
            }
            for folder in landingFolders(graph: graph, config: config, language: language)
            where graph.landingPage(of: folder, language: language) == nil {
                add("section", folder + "/") { $0.landing(folder) }
            }
            if graph.homePage(language: language) == nil {
                add("home", "") { $0.home() }
            }
            let tags = graph.tags(language: language)
            for (tag, articles) in tags {
                add("tag", "tags/\(tag)/") { $0.tag(tag, articles: articles) }
            }
            if !tags.isEmpty {
                add("tag", "tags/") { $0.tagIndex() }
            }
            add("search", "search/") { $0.search(indexURL: SearchIndex.fileName(for: language)) }
            if content.hasOwnGlossary(language) {
                add("glossary", "glossary/") { $0.glossaryPage() }
            }
        }
        pages.append(GeneratedPage(template: "404", url: "404.html", language: nil) { $0.notFound() })
        return pages
    }

    /// Every folder of `language` with a landing page: each section of `site.yml`, even an
    /// empty one, and every topic folder holding a page.
    private static func landingFolders(graph: SiteGraph, config: SiteConfig, language: String?) -> [String] {
        config.sections.map(\.id) + graph.folders(language: language).filter { ContentFolder.depth(of: $0) > 1 }
    }

    /// The context builder of `language` (nil: the default).
    private func builder(for language: String?) -> PageContextBuilder {
        language.flatMap { translationBuilders[$0] } ?? builder
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
            for language in [nil] + config.languages.map(\.code) {
                let index = SearchIndex.build(entries: searchEntries(language), trails: folderTrails(language))
                writer.write(index, to: SearchIndex.fileName(for: language))
                if language == nil { searchIndexBytes = index.count }
            }
        }
        if effects.reviewDates { writeSitemapAndFeed() }
        return Outcome(rendered: rendered, searchIndexBytes: searchIndexBytes)
    }

    /// A page made from a Markdown file: an article, a section's `_index.md` or the home page.
    private func renderContentPage(_ index: Int) -> Bool {
        let page = graph.pages[index]
        let builder = builder(for: page.source.language)
        switch page.source.kind {
        case .article:
            return renderPage(index, template: "article", extras: { builder.articleExtras(index) }) { builder.article(index) }
        case let .section(folder):
            return renderPage(index, template: "section") { builder.landing(folder) }
        case .home:
            return renderPage(index, template: "home") { builder.home() }
        }
    }

    /// The sitemap and the feeds show the shape and each article's review date. The sitemap
    /// lists every language's pages with their alternates; each language has a feed.
    private func writeSitemapAndFeed() {
        let inputs = ContentHash.of(parts: [fingerprints.siteKey] + graph.pages.map { $0.source.frontMatter.reviewed?.iso ?? "-" })
        if !writer.isCurrent("sitemap.xml", inputs: inputs) {
            let homes = ([nil] + config.languages.map(\.code)).flatMap { language in
                ([""] + Self.landingFolders(graph: graph, config: config, language: language).map { $0 + "/" })
                    .map { SitePath.inLanguage(language, $0) }
            }
            let sitemap = SiteFiles.sitemap(graph: graph, config: config, extraURLs: homes, versions: versions)
            writer.write(sitemap, to: "sitemap.xml", inputs: inputs)
        }
        for language in [nil] + config.languages.map(\.code) {
            let feed = SitePath.inLanguage(language, "feed.xml")
            if !writer.isCurrent(feed, inputs: inputs) {
                writer.write(
                    SiteFiles.feed(
                        graph: graph, config: config.localized(for: language), language: language, folders: builder(for: language).folders),
                    to: feed, inputs: inputs)
            }
        }
    }

    /// The search entries of `language`'s articles, in URL order.
    private func searchEntries(_ language: String?) -> [(url: String, entry: SearchEntry)] {
        // A site in one language has every entry in its one index, unfiltered.
        guard !config.languages.isEmpty else { return site.searchEntries }
        return site.searchEntries.filter { versions.split($0.url).language == language }
    }

    /// Each folder of `language` by its URL in the site, with its trail of titles, for the search index.
    private func folderTrails(_ language: String?) -> [(folderURL: String, trail: String)] {
        let names = builder(for: language).folders
        return graph.folders(language: language).map { (SitePath.inLanguage(language, $0 + "/"), names.trail(of: $0)) }
    }

    /// Writes the search indexes unless no article and no folder's title changed, and returns
    /// the default language's size. An index is made only from the articles' sources and URLs
    /// and the folders' trails, so those are its fingerprint.
    private func writeSearchIndex() -> Int {
        var fingerprint = ContentHash.Parts()
        for page in graph.pages where page.isArticle {
            fingerprint.add(page.url)
            fingerprint.add(page.source.fingerprint)
        }
        let languages = [nil] + config.languages.map(\.code)
        let trails = languages.map(folderTrails)
        for (folderURL, trail) in trails.joined() {
            fingerprint.add(folderURL)
            fingerprint.add(trail)
        }
        let inputs = fingerprint.finish()
        var size = 0
        for (language, trails) in zip(languages, trails) {
            let file = SearchIndex.fileName(for: language)
            if writer.isCurrent(file, inputs: inputs), let current = FileSystem.size(of: writer.root + "/" + file) {
                if language == nil { size = current }
                continue
            }
            let index = SearchIndex.build(entries: searchEntries(language), trails: trails)
            writer.write(index, to: file, inputs: inputs)
            if language == nil { size = index.count }
        }
        return size
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
    /// `extras` are values made from inputs the fingerprint covers already, added to the
    /// context only when the page is rendered (see `PageContextBuilder.articleExtras`).
    private func renderPage(
        _ index: Int, template: String, extras: () -> TemplateContext = { [:] }, context makeContext: () -> TemplateContext
    ) -> Bool {
        let page = graph.pages[index]
        let outputPath = SitePath.outputFile(for: page.url)
        let shapeInputs = fingerprints.shape(source: page.source.fingerprint + translationStamp(index))
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
        full.add(extras())
        full["body"] = .text(body)
        return write(full, template: template, language: page.source.language, to: outputPath, inputs: inputs, shapeInputs: shapeInputs)
    }

    /// What a translation shows of its source besides the shape: whether it is outdated. Empty
    /// for a page that translates nothing.
    private func translationStamp(_ index: Int) -> String {
        guard let source = graph.translationSource(of: index).map({ graph.pages[$0] }) else { return "" }
        return ":" + (source.source.frontMatter.reviewed?.iso ?? "-") + ":" + source.source.bodyHash
    }

    /// Renders a page's template with its language's interface text and writes it; a page
    /// whose templates nest without end is not written, and the problem is the build's.
    private func write(
        _ context: TemplateContext, template: String, language: String?, to outputPath: String, inputs: String, shapeInputs: String
    ) -> Bool {
        var full = context
        full["strings"] = builder(for: language).layout.strings
        do {
            writer.write(try templates.render(full, template: template), to: outputPath, inputs: inputs, shapeInputs: shapeInputs)
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
        let document = bodyRendering.assembly(for: page.source.language).document(for: page.source, body: markdown)
        let targets = MarkdownScanner(glossary: bodyRendering.matcher(for: page.source.language), lineOffset: page.source.bodyLineOffset)
            .targets(in: document)
        return bodyRendering.render(document, targets: targets, of: page, destinations: destinations)
    }

    /// Renders a page made only from the site graph (tags, glossary, search, 404).
    private func renderGenerated(
        _ template: String, language: String?, to url: String, context makeContext: () -> TemplateContext
    ) -> Bool {
        let outputPath = SitePath.outputFile(for: url)
        let shapeInputs = fingerprints.shape(source: "")
        if writer.isCurrent(outputPath, shapeInputs: shapeInputs) { return false }
        let context = makeContext()
        var fingerprint = fingerprints.starting(with: template)
        fingerprint.add(templates.fingerprints[template] ?? "")
        CanonicalText.add(context, to: &fingerprint)
        let inputs = fingerprint.finish()
        if writer.isCurrent(outputPath, inputs: inputs, shapeInputs: shapeInputs) { return false }
        return write(context, template: template, language: language, to: outputPath, inputs: inputs, shapeInputs: shapeInputs)
    }
}
