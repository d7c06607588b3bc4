import HealthGuideContent
import HealthGuideLinks

/// What readers of one language call each folder of the content tree, and the trail of folders
/// above a page. A section is named and described by `site.yml` (as the language sees it), as
/// in the navigation; a topic by its `_index.md` (`title`, `summary`), else after its folder's name.
public struct FolderNames: Sendable {
    private let graph: SiteGraph
    private let config: SiteConfig
    private let language: String?
    /// The first crumb's name: "Home" in the language's interface strings.
    private let homeName: String
    /// Folder → the articles in it and in every topic below it.
    private let articleCounts: [String: Int]

    /// `config` as `language` (nil: the default) sees it.
    public init(graph: SiteGraph, config: SiteConfig, language: String? = nil, homeName: String = "Home") {
        self.graph = graph
        self.config = config
        self.language = language
        self.homeName = homeName
        var counts: [String: Int] = [:]
        for folder in graph.folders(language: language) {
            let articles = graph.articles(inFolder: folder, language: language).count
            for each in ContentFolder.lineage(of: folder) { counts[each, default: 0] += articles }
        }
        articleCounts = counts
    }

    public func title(of folder: String) -> String {
        if let section = config.section(id: folder) { return section.title }
        if let landing = graph.landingPage(of: folder, language: language) {
            let title = graph.pages[landing].title.trimmingWhitespace
            if !title.isEmpty { return title }
        }
        return ContentFolder.readableName(of: folder)
    }

    public func description(of folder: String) -> String {
        if let section = config.section(id: folder) { return section.description }
        return graph.landingPage(of: folder, language: language).map { graph.pages[$0].source.frontMatter.summary } ?? ""
    }

    public func articleCount(in folder: String) -> Int {
        articleCounts[folder] ?? 0
    }

    /// Home, then every folder from the section down to `folder`, as (title, URL) pairs; the
    /// URLs are within the language (`causes/`, not `es/causes/`).
    public func breadcrumbs(to folder: String) -> [(title: String, url: String)] {
        [(homeName, "")] + ContentFolder.lineage(of: folder).map { (title(of: $0), $0 + "/") }
    }

    /// The folders from the section down to `folder`, by title: `Treatments › Medicines`.
    public func trail(of folder: String) -> String {
        ContentFolder.lineage(of: folder).map(title(of:)).joined(separator: " › ")
    }
}
