import Foundation

/// schema.org JSON-LD for articles (`MedicalWebPage`), safe to place inside a `<script>` tag.
enum StructuredData {
    static func article(page: Page, config: SiteConfig, section: SectionConfig?) -> String {
        let matter = page.source.frontMatter
        var breadcrumb: [[String: Any]] = [["@type": "ListItem", "position": 1, "name": "Home", "item": config.baseURL]]
        if let section {
            breadcrumb.append(["@type": "ListItem", "position": 2, "name": section.title, "item": config.baseURL + section.id + "/"])
        }
        breadcrumb.append(["@type": "ListItem", "position": breadcrumb.count + 1, "name": matter.title, "item": config.baseURL + page.url])
        var object: [String: Any] = [
            "@context": "https://schema.org",
            "@type": "MedicalWebPage",
            "name": matter.title,
            "description": matter.summary,
            "url": config.baseURL + page.url,
            "inLanguage": config.language,
            "medicalAudience": ["@type": "MedicalAudience", "audienceType": "Patient"],
            "about": ["@type": "MedicalCondition", "name": config.title],
            "breadcrumb": ["@type": "BreadcrumbList", "itemListElement": breadcrumb],
            "citation": matter.sources.map { source -> [String: Any] in
                var citation: [String: Any] = ["@type": "CreativeWork", "name": source.title ?? ""]
                if let publisher = source.publisher { citation["publisher"] = ["@type": "Organization", "name": publisher] }
                if let url = source.url { citation["url"] = url }
                if let year = source.year { citation["datePublished"] = String(year) }
                return citation
            },
        ]
        if let reviewed = matter.reviewed { object["lastReviewed"] = reviewed.iso }
        if let reviewer = matter.reviewer { object["reviewedBy"] = ["@type": "Person", "name": reviewer] }
        return scriptSafeJSON(object)
    }

    /// JSON with `<`, `>` and `&` escaped, so no value can close the script element.
    static func scriptSafeJSON(_ object: Any) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]),
              let text = String(data: data, encoding: .utf8) else { return "{}" }
        return text
            .replacingOccurrences(of: "<", with: "\\u003c")
            .replacingOccurrences(of: ">", with: "\\u003e")
            .replacingOccurrences(of: "&", with: "\\u0026")
    }

    /// The path part of the base URL: `https://example.org/guide/` → `/guide/`.
    static func basePath(of baseURL: String) -> String {
        guard let schemeEnd = baseURL.range(of: "://") else { return baseURL.hasPrefix("/") ? baseURL : "/" }
        let afterHost = baseURL[schemeEnd.upperBound...]
        guard let slash = afterHost.firstIndex(of: "/") else { return "/" }
        return String(afterHost[slash...])
    }
}
