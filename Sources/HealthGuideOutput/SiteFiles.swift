import Foundation
import HealthGuideBase
import HealthGuideContent
import HealthGuideLinks
import HealthGuideRender

/// The machine-readable files of a site: `sitemap.xml`, `feed.xml`, `robots.txt`.
public enum SiteFiles {
    /// Every page's URL; on a site of several languages, each with its versions as
    /// `xhtml:link` alternates (and the default language's as `x-default`).
    public static func sitemap(graph: SiteGraph, config: SiteConfig, extraURLs: [String], versions: LanguageVersions? = nil) -> String {
        let multilingual = !config.languages.isEmpty
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\""
        xml += multilingual ? " xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n" : ">\n"
        func alternates(_ url: String) -> String {
            guard let versions else { return "" }
            let found = versions.versions(of: url)
            guard let first = found.first else { return "" }
            return (found + [(code: "x-default", url: first.url)]).map { version in
                "<xhtml:link rel=\"alternate\" hreflang=\"\(version.code)\" href=\"\(HTML.escape(config.baseURL + version.url))\"/>"
            }.joined()
        }
        for url in extraURLs {
            xml += "  <url><loc>\(HTML.escape(config.baseURL + url))</loc>\(alternates(url))</url>\n"
        }
        for page in graph.pages.sorted(by: { $0.url < $1.url }) where page.isArticle {
            xml += "  <url><loc>\(HTML.escape(config.baseURL + page.url))</loc>"
            if let reviewed = page.source.frontMatter.reviewed { xml += "<lastmod>\(reviewed.iso)</lastmod>" }
            xml += alternates(page.url) + "</url>\n"
        }
        return xml + "</urlset>\n"
    }

    /// An Atom feed of the most recently reviewed articles. Its `updated` is the newest review
    /// date, never the build time, so the same input gives the same bytes.
    /// `config` as `language` sees it (nil: the default language); the feed lists that language's
    /// articles, each with the folder it is in as its category, labelled with the trail of titles to it.
    public static func feed(graph: SiteGraph, config: SiteConfig, language: String? = nil, folders: FolderNames, limit: Int = 20) -> String
    {
        let articles = graph.pages.filter { $0.isArticle && $0.source.language == language }.sorted { lhs, rhs in
            let left = lhs.source.frontMatter.reviewed, right = rhs.source.frontMatter.reviewed
            if left != right { return (left.map { r in right.map { r > $0 } ?? true }) ?? false }
            return lhs.url < rhs.url
        }.prefix(limit)
        let updated = articles.first?.source.frontMatter.reviewed?.iso ?? "1970-01-01"
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom">
              <title>\(HTML.escape(config.title))</title>
              <link href="\(HTML.escape(config.baseURL + SitePath.inLanguage(language, "")))"/>
              <link rel="self" href="\(HTML.escape(config.baseURL + SitePath.inLanguage(language, "feed.xml")))"/>
              <id>\(HTML.escape(config.baseURL + SitePath.inLanguage(language, "")))</id>
              <updated>\(updated)T00:00:00Z</updated>

            """
        for page in articles {
            let matter = page.source.frontMatter
            let url = HTML.escape(config.baseURL + page.url)
            let folder = page.source.kind.folder ?? ""
            xml += """
                  <entry>
                    <title>\(HTML.escape(matter.title))</title>
                    <link href="\(url)"/>
                    <id>\(url)</id>
                    <updated>\(matter.reviewed?.iso ?? updated)T00:00:00Z</updated>
                    <summary>\(HTML.escape(matter.summary))</summary>
                    <category term="\(HTML.escape(folder))" label="\(HTML.escape(folders.trail(of: folder)))"/>
                    <author><name>\(HTML.escape(config.title))</name></author>
                  </entry>

                """
        }
        return xml + "</feed>\n"
    }

    public static func robots(config: SiteConfig) -> String {
        "User-agent: *\nAllow: /\n\nSitemap: \(config.baseURL)sitemap.xml\n"
    }
}
