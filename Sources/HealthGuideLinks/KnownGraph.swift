import HealthGuideBase
import HealthGuideContent

/// The last build's site graph as the page cache keeps it: its shape, the structure made from
/// that shape, and each page's last version with its resolved links. A graph whose pages keep
/// that shape takes the structure and the unchanged pages' links instead of working them out.
public struct KnownGraph: Sendable {
    public typealias Version = (page: Page, links: LinkResolver.Result?)

    public var record: SiteGraph.Record
    /// The last build's version of each page of `record`, in its order, with its links; nil
    /// where the cache has none. Looked up once here, for both `holds` and `links`.
    public let lastVersions: [Version?]

    /// `lastVersion` gives the last build's version of the page at a content path.
    public init(record: SiteGraph.Record, lastVersion: @Sendable (String) -> Version?) {
        self.record = record
        lastVersions = record.pagePaths.parallelMap(lastVersion)
    }

    /// True when `pages` have the shape this graph was made for: the same paths in the same
    /// order, the same media files and drafts, and each page the same part of the shape
    /// (`SiteShape.part`). Only the pages whose files changed are compared part by part, so
    /// after one edit this costs one comparison of paths, not a new fingerprint.
    public func holds(for pages: [Page], extras: String) -> Bool {
        guard extras == record.extras, record.pagePaths.count == pages.count else { return false }
        for (index, page) in pages.enumerated() {
            guard record.pagePaths[index] == page.source.path, let last = lastVersions[index]?.page,
                  last === page || SiteShape.part(of: last) == SiteShape.part(of: page) else { return false }
        }
        return true
    }

    /// The links of `page`, the page at `index` of a graph this one `holds` for, as the last
    /// build resolved them, if that build had this very page.
    public func links(at index: Int, of page: Page) -> LinkResolver.Result? {
        guard let last = lastVersions[index], last.page === page else { return nil }
        return last.links
    }
}
