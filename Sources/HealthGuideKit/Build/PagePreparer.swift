import HealthGuideBase
import HealthGuideChecks
import HealthGuideContent
import HealthGuideLinks
import HealthGuideMarkdown
import HealthGuideOutput

/// One Markdown file after every step that depends on that file alone.
public struct PreparedPage: Sendable {
    /// The page with its prose and most front-matter places dropped (only the steps here need
    /// them); nil when the file could not be read as a page.
    public var page: Page?
    /// Problems in the file, and the findings of the page rules.
    public var diagnostics: [Diagnostic]
    /// An article's entry in the search index.
    public var searchEntry: SearchEntry?
    /// An article's record for `healthguide check`; never cached.
    public var record: ArticleRecord?
}

/// Reads a Markdown file, gathers the facts of its body, runs the page rules and makes its
/// search entry. Pages are independent here, so they are prepared in parallel, and what this
/// makes of an unchanged file can be taken from the page cache instead.
public struct PagePreparer: Sendable {
    public let reader: SourceFileReader
    let bodyRendering: BodyRendering
    public let context: PageCheckContext
    public let includeDrafts: Bool
    /// Makes the article records of `healthguide check`.
    public let makesRecords: Bool
    /// Renders each page's body while its tree is at hand, for a build that writes pages.
    public let rendersBodies: Bool

    /// The preparer of every build, quick rebuilds too: `content` as loaded, with the site's
    /// media files.
    init(
        content: LoadedContent, media: MediaFiles, reader: SourceFileReader, options: BuildOptions, makesRecords: Bool,
        rendersBodies: Bool
    ) {
        self.reader = reader
        bodyRendering = BodyRendering(content: content, media: media)
        context = PageCheckContext(
            config: content.config, glossary: content.glossary, today: options.today, translatedGlossaries: content.translatedGlossaries)
        includeDrafts = options.includeDrafts
        self.makesRecords = makesRecords
        self.rendersBodies = rendersBodies
    }

    /// The prepared page, and its body rendered when asked for. The body is not part of the
    /// prepared page, which the page cache keeps: it is used once, by this build's renderer.
    public func prepare(_ file: ContentFile) -> (page: PreparedPage, body: PrerenderedBody?) {
        let (read, loadDiagnostics) = reader.read(
            path: file.path, kind: file.kind, language: file.language, maxBytes: context.config.limits.fileBytes,
            hashingBody: !context.config.languages.isEmpty)
        guard var source = read else { return (PreparedPage(page: nil, diagnostics: loadDiagnostics), nil) }
        let (document, assemblyDiagnostics) = bodyRendering.assembly(for: file.language).assemble(&source, body: source.body ?? "")
        let scanner = MarkdownScanner(glossary: bodyRendering.matcher(for: file.language), lineOffset: source.bodyLineOffset)
        var (facts, targets) = rendersBodies ? scanner.scanWithTargets(document) : (scanner.scan(document), EditTargets())
        let page = Page(source: source, url: SitePath.url(for: source.kind, language: source.language), facts: facts)
        var prepared = PreparedPage(page: nil, diagnostics: loadDiagnostics + assemblyDiagnostics)
        var body: PrerenderedBody?
        // A draft left out of the build is only a name that links may not point to.
        if !source.frontMatter.draft || includeDrafts {
            let words = ProseWords(of: facts)
            let pageContext = context.reading(page, words: words)
            // Findings in a block's lines name the block, and the page that placed it.
            prepared.diagnostics += RuleEngine.standard.run(page: page, context: pageContext).map(source.relocated)
            if page.isArticle {
                prepared.searchEntry = SearchIndex.entry(for: page, words: words)
                if makesRecords {
                    prepared.record = ArticleRecord(page: page, sentences: pageContext.sentences, config: pageContext.config)
                }
            }
            if rendersBodies { body = render(document, targets: targets, of: page) }
        }
        facts.textBlocks = []
        facts.removedHTML = []
        var kept = source
        // Of the front matter's places, later stages point only at the title and a
        // translation's source_reviewed (the site rules' findings); one small table per page instead of one per field, in memory and in the
        // page cache.
        kept.frontMatter.locations = source.frontMatter.locations.filter { ["title", "source_reviewed", "source_hash"].contains($0.key) }
        // A rendered body stands in for the Markdown; without one, the renderer parses it.
        if body != nil { kept.body = nil }
        prepared.page = Page(source: kept, url: page.url, facts: facts, cardSigns: page.cardSigns)
        return (prepared, body)
    }

    /// The body with gaps for the links the whole site decides. This changes the tree, so it
    /// comes after every step that reads it.
    private func render(_ document: MarkdownDocument, targets: EditTargets, of page: Page) -> PrerenderedBody? {
        let links = page.facts.links
        let html = bodyRendering.render(document, targets: targets, of: page, destinations: PrerenderedBody.placeholders(for: links))
        return PrerenderedBody(rendered: html, links: links)
    }
}
