import HealthGuideBase

/// An article that no other page's text links to is found only through menus and search.
/// Links from the generated section lists and "Related" boxes do not count: the rule asks
/// whether the writing itself leads readers there.
public struct OrphanRule: SiteRule {
    public let id = RuleID.orphan

    public func check(_ context: CheckContext) -> [Finding] {
        let graph = context.graph
        return graph.pages.indices.compactMap { index in
            let page = graph.pages[index]
            guard page.isArticle, graph.backlinks[index].allSatisfy({ $0 == index }) else { return nil }
            return Finding(
                page: page, location: page.source.frontMatter.locations["title"] ?? .start,
                message: "no other page links to this article",
                hint: "link to it from the text of a related article or of the home page")
        }
    }
}
