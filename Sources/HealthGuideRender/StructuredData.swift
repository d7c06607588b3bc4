import HealthGuideBase
import HealthGuideContent
import HealthGuideLinks

/// schema.org JSON-LD for articles (`MedicalWebPage`) and landing pages (`CollectionPage`),
/// safe to place inside a `<script>` tag.
public enum StructuredData {
    /// `breadcrumbs` are the folders above the page, from Home, with site-relative URLs.
    public static func article(page: Page, config: SiteConfig, breadcrumbs: [(title: String, url: String)]) -> String {
        let matter = page.source.frontMatter
        let citations = matter.sources.map { source -> JSONValue in
            var citation: [(String, JSONValue)] = [("@type", .string("CreativeWork")), ("name", .string(source.title ?? ""))]
            if let publisher = source.publisher {
                citation.append(("publisher", .object([("@type", .string("Organization")), ("name", .string(publisher))])))
            }
            if let url = source.url, WebAddress.isValid(url) { citation.append(("url", .string(url))) }
            if let year = source.year { citation.append(("datePublished", .string(String(year)))) }
            return .object(citation)
        }
        var members: [(String, JSONValue)] = [
            ("@context", .string("https://schema.org")),
            ("@type", .string("MedicalWebPage")),
            ("name", .string(matter.title)),
            ("description", .string(matter.summary)),
            ("url", .string(config.baseURL + page.url)),
            ("inLanguage", .string(config.language)),
            ("medicalAudience", .object([("@type", .string("MedicalAudience")), ("audienceType", .string("Patient"))])),
            (
                "about",
                .object([
                    ("@type", .string("MedicalCondition")),
                    ("name", .string(config.condition.isEmpty ? config.title : config.condition)),
                ])
            ),
            ("isPartOf", partOf(breadcrumbs.last, config: config)),
            ("breadcrumb", breadcrumbList(breadcrumbs + [(matter.title, page.url)], config: config)),
            ("citation", .array(citations)),
        ]
        if let reviewed = matter.reviewed { members.append(("lastReviewed", .string(reviewed.iso))) }
        if let reviewer = matter.reviewer {
            members.append(("reviewedBy", .object([("@type", .string("Person")), ("name", .string(reviewer))])))
        }
        return JSONValue.object(members).serialized(scriptSafe: true)
    }

    /// A section's or topic's landing page: the collection of the pages below it.
    public static func landing(
        url: String, title: String, description: String, config: SiteConfig, breadcrumbs: [(title: String, url: String)]
    ) -> String {
        JSONValue.object([
            ("@context", .string("https://schema.org")),
            ("@type", .string("CollectionPage")),
            ("name", .string(title)),
            ("description", .string(description)),
            ("url", .string(config.baseURL + url)),
            ("inLanguage", .string(config.language)),
            ("isPartOf", partOf(breadcrumbs.last, config: config)),
            ("breadcrumb", breadcrumbList(breadcrumbs + [(title, url)], config: config)),
        ]).serialized(scriptSafe: true)
    }

    /// The landing page a page belongs to: its folder's, or the site for a section.
    private static func partOf(_ parent: (title: String, url: String)?, config: SiteConfig) -> JSONValue {
        guard let parent, !parent.url.isEmpty else {
            return .object([("@type", .string("WebSite")), ("name", .string(config.title)), ("url", .string(config.baseURL))])
        }
        return .object([
            ("@type", .string("CollectionPage")), ("name", .string(parent.title)), ("url", .string(config.baseURL + parent.url)),
        ])
    }

    private static func breadcrumbList(_ crumbs: [(title: String, url: String)], config: SiteConfig) -> JSONValue {
        let items = crumbs.enumerated().map { position, crumb in
            JSONValue.object([
                ("@type", .string("ListItem")), ("position", .int(position + 1)),
                ("name", .string(crumb.title)), ("item", .string(config.baseURL + crumb.url)),
            ])
        }
        return .object([("@type", .string("BreadcrumbList")), ("itemListElement", .array(items))])
    }

    /// The path part of the base URL: `https://example.org/guide/` → `/guide/`.
    public static func basePath(of baseURL: String) -> String {
        guard let schemeEnd = baseURL.range(of: "://") else { return baseURL.hasPrefix("/") ? baseURL : "/" }
        let afterHost = baseURL[schemeEnd.upperBound...]
        guard let slash = afterHost.firstIndex(of: "/") else { return "/" }
        return String(afterHost[slash...])
    }
}
