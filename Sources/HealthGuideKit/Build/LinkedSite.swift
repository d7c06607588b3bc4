/// The content after parsing and linking: what the checks and the renderer work from.
public struct LinkedSite: Sendable {
    public let content: LoadedContent
    public let graph: SiteGraph

    init(content: LoadedContent, log: DiagnosticLog) {
        self.content = content
        let matcher = GlossaryMatcher(entries: content.glossary)
        let pages = content.pages.parallelMap { source -> Page in
            let document = MarkdownDocument(markdown: source.body)
            let facts = MarkdownScanner(glossary: matcher, lineOffset: source.bodyLineOffset).scan(document)
            return Page(source: source, url: SitePath.url(for: source.kind), facts: facts)
        }
        let media = Set(content.staticFiles.map(\.path))
        graph = SiteGraph(pages: pages, sections: content.config.sections, mediaFiles: media, draftPaths: content.draftPaths, log: log)
    }
}
