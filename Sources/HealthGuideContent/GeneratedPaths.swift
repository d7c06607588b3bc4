/// The names at the top of the output folder that the build fills itself, each with what
/// fills it. A section's pages live in a folder named after its id, so a section whose id is
/// one of these would write its pages over the build's own (or theirs over its).
public enum GeneratedPaths {
    /// The search index, at the top of the output folder.
    public static let searchIndex = "search-index.json"
    /// The build's own state (manifest, page cache, lock), at the top of the output folder.
    public static let stateFolder = ".healthguide"

    public static let owners: [String: String] = [
        "index.html": "the home page",
        "tags": "the topic pages",
        "glossary": "the glossary page",
        "search": "the search page",
        searchIndex: "the search index",
        "assets": "the files of Templates/assets/",
        ContentWalker.mediaFolder: "the media files of Content/\(ContentWalker.mediaFolder)/",
        "404.html": "the 'page not found' page",
        "sitemap.xml": "the sitemap",
        "feed.xml": "the feed",
        "robots.txt": "robots.txt",
        stateFolder: "the build's own state",
    ]

    /// What the build writes at the top-level name `name`, or nil when the name is free.
    public static func owner(of name: String) -> String? {
        owners[name]
    }
}
