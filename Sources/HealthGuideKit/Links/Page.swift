/// A page after parsing: its source, its URL and the facts of its body.
public struct Page: Sendable {
    public var source: SourcePage
    /// Site-relative URL path: `causes/muscle-strain/`.
    public var url: String
    public var facts: PageFacts

    public var title: String { source.frontMatter.title }
    public var isArticle: Bool {
        if case .article = source.kind { return true }
        return false
    }
}
