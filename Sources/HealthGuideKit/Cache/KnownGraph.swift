import HealthGuideBase
import HealthGuideContent
import HealthGuideLinks

/// The last build's site graph as the page cache keeps it: its shape, the structure made from
/// that shape, and each page's last version with its resolved links. A graph whose pages keep
/// that shape takes the structure and the unchanged pages' links instead of working them out.
struct KnownGraph: Sendable {
    typealias Version = (page: Page, links: LinkResolver.Result?)

    var record: GraphRecord
    /// The last build's version of each page of `record`, in its order, with its links; nil
    /// where the cache has none. Looked up once here, for both `holds` and `links`.
    let lastVersions: [Version?]

    /// `lastVersion` gives the last build's version of the page at a content path.
    init(record: GraphRecord, lastVersion: @Sendable (String) -> Version?) {
        self.record = record
        lastVersions = record.pagePaths.parallelMap(lastVersion)
    }

    /// True when `pages` have the shape this graph was made for: the same paths in the same
    /// order, the same media files and drafts, and each page the same part of the shape
    /// (`SiteShape.part`). Only the pages whose files changed are compared part by part, so
    /// after one edit this costs one comparison of paths, not a new fingerprint.
    func holds(for pages: [Page], extras: String) -> Bool {
        guard extras == record.extras, record.pagePaths.count == pages.count else { return false }
        for (index, page) in pages.enumerated() {
            guard record.pagePaths[index] == page.source.path, let last = lastVersions[index]?.page,
                last === page || SiteShape.part(of: last) == SiteShape.part(of: page)
            else { return false }
        }
        return true
    }

    /// The links of `page`, the page at `index` of a graph this one `holds` for, as the last
    /// build resolved them, if that build had this very page.
    func links(at index: Int, of page: Page) -> LinkResolver.Result? {
        guard let last = lastVersions[index], last.page === page else { return nil }
        return last.links
    }

    /// The graph of `pages`, taking from this one what still holds: while the pages keep its
    /// shape, its structure and the unchanged pages' links. Without a known graph, or with one
    /// of another shape, everything is worked out.
    static func graph(
        pages: [Page], sections: [SectionConfig], media: MediaFiles, draftPaths: Set<String>,
        failedPaths: Set<String>, known: KnownGraph?, log: DiagnosticLog
    ) -> MadeGraph {
        let extras = SiteShape.extras(media: media, draftPaths: draftPaths, failedPaths: failedPaths)
        guard let kept = known, kept.holds(for: pages, extras: extras) else {
            let graph = SiteGraph(
                pages: pages, sections: sections, media: media, draftPaths: draftPaths, failedPaths: failedPaths, log: log)
            return MadeGraph(graph: graph, resolvedPages: Array(pages.indices), structureIsNew: true)
        }
        let index = SiteGraph.Index(pages: pages, log: log)
        let resolver = LinkResolver(
            pagesByPath: index.pagesByPath, pages: pages, media: media, draftPaths: draftPaths,
            failedPaths: failedPaths)
        let resolved = Array(pages.indices).parallelMap { index -> (LinkResolver.Result, isNew: Bool) in
            if let links = kept.links(at: index, of: pages[index]) { return (links, false) }
            return (resolver.resolve(pageIndex: index), true)
        }
        // Gathered, then logged at once: one lock, not one for each of 10,000 pages.
        log.add(contentsOf: resolved.flatMap(\.0.diagnostics))
        let graph = SiteGraph(
            pages: pages, sections: sections, media: media, draftPaths: draftPaths, failedPaths: failedPaths,
            index: index, links: resolved.map(\.0), shape: kept.record.shape, extras: extras, structure: kept.record.structure)
        return MadeGraph(graph: graph, resolvedPages: resolved.indices.filter { resolved[$0].isNew }, structureIsNew: false)
    }
}

/// A site graph and what making it took: which pages' links were resolved for it (the others'
/// came from the page cache) and whether its structure was worked out or taken.
struct MadeGraph: Sendable {
    let graph: SiteGraph
    let resolvedPages: [Int]
    let structureIsNew: Bool
}
