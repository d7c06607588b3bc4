import HealthGuideContent

/// The keys of the site graph's lists (sections, tags, translated home pages) scoped to a
/// language, so a translated section lists its translated articles, and its articles'
/// neighbours and related pages are translations too. Keys of the default language are as
/// they were; a translation's are `es:causes`. A `:` is in no slug, so the two never meet.
public enum LanguageScope {
    public static func key(_ key: String, language: String?) -> String {
        language.map { $0 + ":" + key } ?? key
    }

    /// `es:ice` → (`es`, `ice`); `ice` → (nil, `ice`).
    public static func split(_ scoped: String) -> (language: String?, key: String) {
        guard let colon = scoped.firstIndex(of: ":") else { return (nil, scoped) }
        return (String(scoped[..<colon]), String(scoped[scoped.index(after: colon)...]))
    }
}

extension SiteGraph {
    /// The home page of `language` (nil: the default), if the content has one.
    public func homePage(language: String?) -> Int? {
        guard let language else { return homePage }
        return folderPages[LanguageScope.key("", language: language)]
    }

    /// The `_index.md` page of `folder` (a section or topic) in `language`, if the content has one.
    public func landingPage(of folder: String, language: String?) -> Int? {
        folderPages[LanguageScope.key(folder, language: language)]
    }

    /// The articles directly in `folder` in `language`, in reading order.
    public func articles(inFolder folder: String, language: String?) -> [Int] {
        articlesByFolder[LanguageScope.key(folder, language: language)] ?? []
    }

    /// The topic folders directly in `folder` in `language`, in reading order.
    public func subfolders(of folder: String, language: String?) -> [String] {
        (subfolders[LanguageScope.key(folder, language: language)] ?? []).map { LanguageScope.split($0).key }
    }

    /// Every folder holding a page of `language`, at any depth, sorted.
    public func folders(language: String?) -> [String] {
        folders.compactMap { scoped in
            let (folderLanguage, folder) = LanguageScope.split(scoped)
            return folderLanguage == language ? folder : nil
        }
    }

    /// The tags of `language`'s articles, each with its articles.
    public func tags(language: String?) -> [(tag: String, articles: [Int])] {
        tags.compactMap { entry in
            let (tagLanguage, tag) = LanguageScope.split(entry.tag)
            return tagLanguage == language ? (tag, entry.articles) : nil
        }
    }
}
