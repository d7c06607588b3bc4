/// A template context: plain strings, booleans, arrays and dictionaries only, so templates
/// stay logic-less and rendering never needs reflection.
typealias TemplateContext = [String: Any]

/// The data the layout needs on every page.
struct LayoutContext {
    let config: SiteConfig
    let sections: [SectionConfig]
    /// Output paths of fingerprinted assets: `site.css` → `assets/site.3f2a1c9e.css`.
    let assets: [String: String]

    /// `url` is the page's site-relative URL; `linkBase` overrides the relative prefix for
    /// pages served from any path (the 404 page), which use the site's absolute base path.
    func context(url: String, title: String, description: String, currentSection: String?,
                 breadcrumbs: [(title: String, url: String)], linkBase: String? = nil) -> TemplateContext {
        let root = linkBase ?? SitePath.relative(from: url, to: "")
        func link(_ target: String) -> String {
            linkBase.map { $0 + target } ?? SitePath.relative(from: url, to: target)
        }
        let isHome = url.isEmpty
        return [
            "site": [
                "title": config.title,
                "language": config.language,
                "disclaimer": config.disclaimer,
                "emergency_number": config.emergencyNumber,
            ] as TemplateContext,
            "page_title": isHome ? config.title : "\(title) - \(config.title)",
            "title": title,
            "description": description,
            "canonical_url": config.baseURL + url,
            "root": root,
            "stylesheet": link(assets["site.css"] ?? "assets/site.css"),
            "icon": link(assets["icon.svg"] ?? "assets/icon.svg"),
            "nav_sections": sections.map { section -> TemplateContext in
                ["title": section.title, "url": link(section.id + "/"), "current": section.id == currentSection]
            },
            "search_url": link("search/"),
            "is_search_page": url == "search/",
            "glossary_url": link("glossary/"),
            "has_breadcrumbs": !breadcrumbs.isEmpty,
            "breadcrumbs": breadcrumbs.map { crumb -> TemplateContext in ["title": crumb.title, "url": link(crumb.url)] },
        ]
    }
}

extension TemplateContext {
    /// Adds the entries of `other`, which win on conflicts.
    func merging(_ other: TemplateContext) -> TemplateContext {
        merging(other) { _, new in new }
    }
}
