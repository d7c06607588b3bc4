import HealthGuideContent

/// The site's pages in each of its languages, found by URL: a translation's URL is its
/// source's under the language's folder (`causes/` and `es/causes/`), so any page, written from
/// Markdown or generated, has its versions where those URLs are published.
public struct LanguageVersions: Sendable {
    /// The default language's code, then the others'.
    public let codes: [String]
    /// The other languages' codes: the folders their pages live in.
    public let translated: Set<String>
    /// Every page URL the site publishes, in every language.
    public let urls: Set<String>

    public init(config: SiteConfig, urls: Set<String>) {
        codes = config.languageCodes
        translated = Set(config.languages.map(\.code))
        self.urls = urls
    }

    /// The language of a URL (nil: the default) and its URL in the default language.
    public func split(_ url: String) -> (language: String?, base: String) {
        // Asked of every page's URL: a site in one language answers at once.
        guard !translated.isEmpty, let slash = url.utf8.firstIndex(of: UInt8(ascii: "/")) else { return (nil, url) }
        let folder = String(url[..<slash])
        guard translated.contains(folder) else { return (nil, url) }
        return (folder, String(url[url.index(after: slash)...]))
    }

    /// The language code of `language` (nil: the default).
    public func code(of language: String?) -> String {
        language ?? codes[0]
    }

    /// The published versions of the page at `url`, the default language first; empty when
    /// the page is in one language only.
    public func versions(of url: String) -> [(code: String, url: String)] {
        let base = split(url).base
        let found = codes.enumerated().compactMap { position, code -> (code: String, url: String)? in
            let candidate = SitePath.inLanguage(position == 0 ? nil : code, base)
            return urls.contains(candidate) ? (code, candidate) : nil
        }
        return found.count > 1 ? found : []
    }

    /// For each language, where the page at `url` is in it: its own version, or else that
    /// language's home page.
    public func switcher(for url: String) -> [(code: String, url: String, isCurrent: Bool, isTranslation: Bool)] {
        let (own, base) = split(url)
        return codes.enumerated().map { position, code in
            let language = position == 0 ? nil : code
            let candidate = SitePath.inLanguage(language, base)
            let exists = urls.contains(candidate)
            return (code, exists ? candidate : SitePath.inLanguage(language, ""), language == own, exists)
        }
    }
}
