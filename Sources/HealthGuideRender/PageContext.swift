import HealthGuideContent
import HealthGuideLinks
import Mustache

/// A template context: plain strings, booleans, lists and objects only, so templates stay
/// logic-less and rendering needs no reflection.
public typealias TemplateContext = TemplateObject

/// The data the layout needs on every page of one language.
public struct LayoutContext: Sendable {
    /// The settings as this language sees them (`SiteConfig.localized(for:)`).
    public let config: SiteConfig
    public let sections: [SectionConfig]
    /// Output paths of fingerprinted assets: `site.css` → `assets/site.3f2a1c9e.css`.
    public let assets: [String: String]
    /// The language of the pages (nil: the site's default) and its interface text. The text is
    /// not in the contexts this makes: it is the same on every page, the templates' fingerprint
    /// covers it, and the renderer adds it as `strings` once a page is known to need rendering.
    public let language: String?
    public let strings: TemplateValue
    /// Where each page is in the other languages, for the alternates and the language switcher.
    public let versions: LanguageVersions
    /// Each language's name in that language (`English`, `Español`), by code.
    public let languageNames: [String: String]
    /// The site-relative URL of the glossary page these pages link to.
    public let glossaryURL: String

    public init(
        config: SiteConfig, sections: [SectionConfig], assets: [String: String], language: String? = nil,
        strings: TemplateValue = .object([:]), versions: LanguageVersions? = nil, languageNames: [String: String] = [:],
        glossaryURL: String = "glossary/"
    ) {
        self.glossaryURL = glossaryURL
        self.config = config
        self.sections = sections
        self.assets = assets
        self.language = language
        self.strings = strings
        self.versions = versions ?? LanguageVersions(config: config, urls: [])
        self.languageNames = languageNames
    }

    /// A URL of the default language in this layout's language: `causes/` → `es/causes/`.
    public func url(_ path: String) -> String {
        SitePath.inLanguage(language, path)
    }

    /// `url` is the page's site-relative URL; `linkBase` overrides the relative prefix for
    /// pages served from any path (the 404 page), which use the site's absolute base path.
    public func context(
        url: String, title: String, description: String, currentSection: String?,
        breadcrumbs: [(title: String, url: String)], linkBase: String? = nil
    ) -> TemplateContext {
        func link(_ target: String) -> TemplateValue {
            .text(linkBase.map { $0 + target } ?? SitePath.relative(from: url, to: target))
        }
        let home = self.url("")
        let root = linkBase.map { $0 + home } ?? SitePath.relative(from: url, to: home)
        let isHome = url == home
        // The 404 page is served at any address: it has no versions to point to.
        let versions = linkBase == nil ? self.versions.versions(of: url) : []
        let alternates = versions.map { version in
            TemplateValue.object(["hreflang": .text(version.code), "href": .text(config.baseURL + version.url)])
        }
        let switcher = linkBase == nil && self.versions.codes.count > 1 ? self.versions.switcher(for: url) : []
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
            "has_alternates": .flag(!versions.isEmpty),
            "alternates": .list(alternates),
            "x_default": .text(versions.first.map { config.baseURL + $0.url } ?? ""),
            "has_languages": .flag(!switcher.isEmpty),
            "languages": .list(
                switcher.map { entry in
                    .object([
                        "code": .text(entry.code), "name": .text(languageNames[entry.code] ?? entry.code), "url": link(entry.url),
                        "current": .flag(entry.isCurrent), "is_translation": .flag(entry.isTranslation),
                    ])
                }),
            "stylesheet": link(assets["site.css"] ?? "assets/site.css"),
            "icon": link(assets["icon.svg"] ?? "assets/icon.svg"),
            "nav_sections": .list(
                sections.map { section in
                    .object([
                        "title": .text(section.title), "url": link(self.url(section.id + "/")),
                        "current": .flag(section.id == currentSection),
                    ])
                }),
            "search_url": link(self.url("search/")),
            "is_search_page": .flag(url == self.url("search/")),
            "glossary_url": link(glossaryURL),
            "has_breadcrumbs": .flag(!breadcrumbs.isEmpty),
            "breadcrumbs": .list(breadcrumbs.map { crumb in .object(["title": .text(crumb.title), "url": link(self.url(crumb.url))]) }),
        ]
    }
}
