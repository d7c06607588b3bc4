import HealthGuideBase

/// A fingerprint of everything one page's output can take from *other* pages: for every page
/// its file, URL, title, summary, order, tags, `related:` entries, heading ids and link
/// destinations, and the media files (with each image's size), drafts and failed files links may
/// name. The site graph (backlinks, related pages, neighbours, tag and section lists, resolved
/// links) is made from these alone.
///
/// So while the shape and the shared inputs stay the same, a page whose own file is unchanged
/// has the same resolved links (kept in the page cache) and renders exactly as before, and the
/// renderer need not build its template context to know that: after a body edit, one page's
/// links are resolved and one page's context is built instead of 10,000.
public enum SiteShape {
    public static func fingerprint(pages: [Page], extras: String) -> String {
        ContentHash.of(parts: pages.parallelMap(part) + [extras])
    }

    /// The part of the shape that is not pages: the media files, drafts and failed files links
    /// may name. An image's size is part of it, so a page showing an image that changed size is
    /// rendered again, and a link to an image that became unreadable is checked again.
    public static func extras(media: MediaFiles, draftPaths: Set<String>, failedPaths: Set<String>) -> String {
        ContentHash.of(parts: ["media"] + media.shapeParts + ["drafts"] + draftPaths.sorted() + ["failed"] + failedPaths.sorted())
    }

    /// One page's part of the shape.
    public static func part(of page: Page) -> String {
        let matter = page.source.frontMatter
        var parts = [page.source.path, page.url, matter.title, matter.summary, matter.order.map(String.init) ?? "-"]
        parts.append(matter.tags.joined(separator: "\u{2}"))
        parts.append(matter.related.map(\.path).joined(separator: "\u{2}"))
        parts.append(page.facts.headings.map(\.id).joined(separator: "\u{2}"))
        parts.append(page.facts.links.map { ($0.isImage ? "!" : "") + $0.destination }.joined(separator: "\u{2}"))
        return parts.joined(separator: "\u{1}")
    }
}
