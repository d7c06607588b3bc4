import HealthGuideBase
import HealthGuideContent
import HealthGuideLinks

/// schema.org JSON-LD for articles (`MedicalWebPage`), safe to place inside a `<script>` tag.
public enum StructuredData {
    /// `config` as the page's language sees it; `homeURL` is the site-relative URL of that
    /// language's home page.
    public static func article(page: Page, config: SiteConfig, section: SectionConfig?, homeName: String, homeURL: String) -> String {
        let matter = page.source.frontMatter
        var crumbs: [(name: String, url: String)] = [(homeName, config.baseURL + homeURL)]
        if let section { crumbs.append((section.title, config.baseURL + homeURL + section.id + "/")) }
        crumbs.append((matter.title, config.baseURL + page.url))
        let breadcrumb = crumbs.enumerated().map { position, crumb in
            JSONValue.object([
                ("@type", .string("ListItem")), ("position", .int(position + 1)),
                ("name", .string(crumb.name)), ("item", .string(crumb.url)),
            ])
        }
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
            ("breadcrumb", .object([("@type", .string("BreadcrumbList")), ("itemListElement", .array(breadcrumb))])),
            ("citation", .array(citations)),
        ]
        if let reviewed = matter.reviewed { members.append(("lastReviewed", .string(reviewed.iso))) }
        if let reviewer = matter.reviewer {
            members.append(("reviewedBy", .object([("@type", .string("Person")), ("name", .string(reviewer))])))
        }
        return JSONValue.object(members).serialized(scriptSafe: true)
    }

    /// The path part of the base URL: `https://example.org/guide/` → `/guide/`.
    public static func basePath(of baseURL: String) -> String {
        guard let schemeEnd = baseURL.range(of: "://") else { return baseURL.hasPrefix("/") ? baseURL : "/" }
        let afterHost = baseURL[schemeEnd.upperBound...]
        guard let slash = afterHost.firstIndex(of: "/") else { return "/" }
        return String(afterHost[slash...])
    }
}
