import Algorithms
import HealthGuideBase
import HealthGuideContent
import HealthGuideLinks
import HealthGuideOutput

/// The content after preparing and linking: what the checks and the renderer work from.
public struct LinkedSite: Sendable {
    public let content: LoadedContent
    public private(set) var graph: SiteGraph
    /// The pages whose links were resolved for this graph (the others' came from the page
    /// cache), and whether its structure was worked out rather than taken from it.
    public let resolvedPages: [Int]
    public let structureIsNew: Bool
    /// Each article's search entry with its URL, in URL order.
    public private(set) var searchEntries: [(url: String, entry: SearchEntry)]
    /// Reads the bodies of pages restored from the page cache, when they are rendered.
    public let fileReader: SourceFileReader

    init(
        content: LoadedContent, media: MediaFiles, prepared: [PreparedPage], includeDrafts: Bool, known: KnownGraph? = nil,
        fileReader: SourceFileReader, log: DiagnosticLog
    ) {
        self.content = content
        self.fileReader = fileReader
        var pages: [Page] = []
        var searchEntries: [(url: String, entry: SearchEntry)] = []
        var draftPaths = Set<String>()
        var failedPaths = Set<String>()
        // Gathered, then logged at once: one lock, not one for each of 10,000 pages.
        log.add(contentsOf: prepared.flatMap(\.diagnostics))
        // `prepared` holds a page for each Markdown file, in order; read by index, since
        // copying each prepared page out of the array retained every field of it.
        for index in prepared.indices {
            guard let page = prepared[index].page else {
                if prepared[index].diagnostics.contains(where: { $0.severity == .error }) {
                    failedPaths.insert(content.markdownFiles[index].path)
                }
                continue
            }
            if page.source.frontMatter.draft && !includeDrafts {
                draftPaths.insert(page.source.path)
                continue
            }
            pages.append(page)
            if let entry = prepared[index].searchEntry { searchEntries.append((page.url, entry)) }
        }
        self.searchEntries = searchEntries.sorted { $0.url < $1.url }
        let linking = DiagnosticLog()
        let made = KnownGraph.graph(
            pages: pages, sections: content.config.sections, media: media, draftPaths: draftPaths,
            failedPaths: failedPaths, known: known, log: linking)
        graph = made.graph
        log.add(contentsOf: Self.relocated(linking.all, pages: pages))
        resolvedPages = made.resolvedPages
        structureIsNew = made.structureIsNew
    }

    /// `diagnostics` about the site's pages, those in a block's lines pointed at the block
    /// (see `SourcePage.relocated`).
    public func relocated(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        Self.relocated(diagnostics, pages: graph.pages)
    }

    private static func relocated(_ diagnostics: [Diagnostic], pages: [Page]) -> [Diagnostic] {
        let assembled = Dictionary(
            pages.lazy.filter { !$0.source.bodyLines.isEmpty }.map { ($0.source.displayPath, $0.source) },
            uniquingKeysWith: { first, _ in first })
        guard !assembled.isEmpty else { return diagnostics }
        return diagnostics.map { diagnostic in assembled[diagnostic.file]?.relocated(diagnostic) ?? diagnostic }
    }

    /// The site with some pages replaced by new versions of the same shape, and their search
    /// entries; returns the diagnostics of the new pages' links, and whether any search entry
    /// changed.
    public func replacing(_ replacements: [Int: PreparedPage]) -> (site: LinkedSite, diagnostics: [Diagnostic], searchChanged: Bool) {
        var site = self
        let pages = replacements.compactMapValues(\.page)
        let (graph, linkDiagnostics) = graph.replacing(pages)
        site.graph = graph
        let diagnostics = site.relocated(linkDiagnostics)
        var searchChanged = false
        for prepared in replacements.values {
            guard let page = prepared.page, let entry = prepared.searchEntry else { continue }
            // The entries are in URL order: find the page's by halving, not by walking them all.
            let position = site.searchEntryPosition(of: page.url)
            if position < site.searchEntries.count, site.searchEntries[position].url == page.url,
                site.searchEntries[position].entry != entry
            {
                site.searchEntries[position].entry = entry
                searchChanged = true
            }
        }
        return (site, diagnostics, searchChanged)
    }

    /// Where the entry for `url` is, or would go, in the URL-ordered search entries.
    private func searchEntryPosition(of url: String) -> Int {
        searchEntries.partitioningIndex { $0.url >= url }
    }
}
