import HealthGuideContent
import HealthGuideLinks

/// What readers call each folder of the content tree, and the trail of folders above a page.
/// A section is named and described by `site.yml`, as in the navigation; a topic by its
/// `_index.md` (`title`, `summary`), else after its folder's name.
public struct FolderNames: Sendable {
    private let graph: SiteGraph
    private let config: SiteConfig
    /// Folder → the articles in it and in every topic below it.
    private let articleCounts: [String: Int]

    public init(graph: SiteGraph, config: SiteConfig) {
        self.graph = graph
        self.config = config
        var counts: [String: Int] = [:]
        for (folder, articles) in graph.articlesByFolder {
            for each in ContentFolder.lineage(of: folder) { counts[each, default: 0] += articles.count }
        }
        articleCounts = counts
    }

    public func title(of folder: String) -> String {
        if let section = config.section(id: folder) { return section.title }
        if let landing = graph.folderPages[folder] {
            let title = graph.pages[landing].title.trimmingWhitespace
            if !title.isEmpty { return title }
        }
        return ContentFolder.readableName(of: folder)
    }

    public func description(of folder: String) -> String {
        if let section = config.section(id: folder) { return section.description }
        return graph.folderPages[folder].map { graph.pages[$0].source.frontMatter.summary } ?? ""
    }

    public func articleCount(in folder: String) -> Int {
        articleCounts[folder] ?? 0
    }

    /// Home, then every folder from the section down to `folder`, as (title, URL) pairs.
    public func breadcrumbs(to folder: String) -> [(title: String, url: String)] {
        [("Home", "")] + ContentFolder.lineage(of: folder).map { (title(of: $0), $0 + "/") }
    }

    /// The folders from the section down to `folder`, by title: `Treatments › Medicines`.
    public func trail(of folder: String) -> String {
        ContentFolder.lineage(of: folder).map(title(of:)).joined(separator: " › ")
    }
}
