import HealthGuideContent
import HealthGuideLinks
import Mustache

/// A template context: plain strings, booleans, lists and objects only, so templates stay
/// logic-less and rendering needs no reflection.
public typealias TemplateContext = TemplateObject

/// The data the layout needs on every page.
public struct LayoutContext: Sendable {
    public let config: SiteConfig
    public let sections: [SectionConfig]
    /// Output paths of fingerprinted assets: `site.css` → `assets/site.3f2a1c9e.css`.
    public let assets: [String: String]

    public init(config: SiteConfig, sections: [SectionConfig], assets: [String: String]) {
        self.config = config
        self.sections = sections
        self.assets = assets
    }

    /// `url` is the page's site-relative URL; `linkBase` overrides the relative prefix for
    /// pages served from any path (the 404 page), which use the site's absolute base path.
    public func context(
        url: String, title: String, description: String, currentSection: String?,
        breadcrumbs: [(title: String, url: String)], linkBase: String? = nil
    ) -> TemplateContext {
        let root = linkBase ?? SitePath.relative(from: url, to: "")
        func link(_ target: String) -> TemplateValue {
            .text(linkBase.map { $0 + target } ?? SitePath.relative(from: url, to: target))
        }
        let isHome = url.isEmpty
        return [
            "site": .object([
                "title": .text(config.title),
                "language": .text(config.language),
                "disclaimer": .text(config.disclaimer),
                "emergency_number": .text(config.emergencyNumber),
            ]),
            "page_title": .text(isHome ? config.title : "\(title) - \(config.title)"),
            "title": .text(title),
            "description": .text(description),
            "canonical_url": .text(config.baseURL + url),
            "root": .text(root),
            "stylesheet": link(assets["site.css"] ?? "assets/site.css"),
            "icon": link(assets["icon.svg"] ?? "assets/icon.svg"),
            "nav_sections": .list(
                sections.map { section in
                    .object(["title": .text(section.title), "url": link(section.id + "/"), "current": .flag(section.id == currentSection)])
                }),
            "search_url": link("search/"),
            "is_search_page": .flag(url == "search/"),
            "glossary_url": link("glossary/"),
            "has_breadcrumbs": .flag(!breadcrumbs.isEmpty),
            "breadcrumbs": .list(breadcrumbs.map { crumb in .object(["title": .text(crumb.title), "url": link(crumb.url)]) }),
        ]
    }
}
