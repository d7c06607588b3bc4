/// The last build's site graph as the page cache keeps it: its shape, the structure made from
/// that shape, and each page's last version with its resolved links. A graph whose pages keep
/// that shape takes the structure and the unchanged pages' links instead of working them out.
struct KnownGraph: Sendable {
    var record: SiteGraph.Record
    /// The last build's version of the page at a content path, with its links; nil for a path
    /// that was not a page.
    var lastVersion: @Sendable (String) -> (page: Page, links: LinkResolver.Result?)?

    /// True when `pages` have the shape this graph was made for: the same paths in the same
    /// order, the same media files and drafts, and each page the same part of the shape
    /// (`SiteShape.part`). Only the pages whose files changed are compared part by part, so
    /// after one edit this costs one comparison of paths, not a new fingerprint.
    func holds(for pages: [Page], extras: String) -> Bool {
        guard extras == record.extras, record.pagePaths.count == pages.count else { return false }
        for (path, page) in zip(record.pagePaths, pages) {
            guard path == page.source.path, let last = lastVersion(path)?.page,
                  last === page || SiteShape.part(of: last) == SiteShape.part(of: page) else { return false }
        }
        return true
    }

    /// The links of `page` as the last build resolved them, if that build had this very page.
    func links(of page: Page) -> LinkResolver.Result? {
        guard let last = lastVersion(page.source.path), last.page === page else { return nil }
        return last.links
    }
}
