/// The names at the top of the output folder that the build fills itself, each with what
/// fills it. A section's pages live in a folder named after its id, so a section whose id is
/// one of these would write its pages over the build's own (or theirs over its).
enum GeneratedPaths {
    static let owners: [String: String] = [
        "index.html": "the home page",
        "tags": "the topic pages",
        "glossary": "the glossary page",
        "search": "the search page",
        SearchIndex.fileName: "the search index",
        "assets": "the files of Templates/assets/",
        ContentWalker.mediaFolder: "the media files of Content/\(ContentWalker.mediaFolder)/",
        "404.html": "the 'page not found' page",
        "sitemap.xml": "the sitemap",
        "feed.xml": "the feed",
        "robots.txt": "robots.txt",
        BuildManifest.folder: "the build's own state",
    ]

    /// What the build writes at the top-level name `name`, or nil when the name is free.
    static func owner(of name: String) -> String? {
        owners[name]
    }
}
