/// A page after parsing: its source, its URL and the facts of its body.
///
/// A class, since the whole-site stages pass pages around by the thousand: copying a struct of
/// this size retains each of its strings and arrays, and on two cores those reference counts
/// became a fifth of an incremental build.
public final class Page: Sendable {
    public let source: SourcePage
    /// Site-relative URL path: `causes/muscle-strain/`.
    public let url: String
    public let facts: PageFacts
    /// The title as pages are sorted and compared by: trimmed and in lower case. Kept, since
    /// every build sorts and compares all titles.
    let titleKey: String

    init(source: SourcePage, url: String, facts: PageFacts) {
        self.source = source
        self.url = url
        self.facts = facts
        titleKey = source.frontMatter.title.trimmingWhitespace.lowercased()
    }

    public var title: String { source.frontMatter.title }
    public var isArticle: Bool {
        if case .article = source.kind { return true }
        return false
    }
}
