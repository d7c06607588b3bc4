import HealthGuideContent
import HealthGuideLinks
import Mustache

/// Builds the template context of each kind of page of one language from the site graph.
/// The article body is added by the caller after rendering, so a context without it can be
/// fingerprinted to decide whether the page needs rendering at all.
/// A class, not a struct: the renderer picks a page's builder for each of 10,000 pages, and
/// copying this struct retained each of its many fields (a sixth of a build after one edit).
public final class PageContextBuilder: Sendable {
    public let graph: SiteGraph
    /// The settings as the layout's language sees them.
    public let config: SiteConfig
    public let glossary: [GlossaryEntry]
    public let layout: LayoutContext
    public let strings: InterfaceStrings
    /// The names of this language's sections and topics.
    public let folders: FolderNames

    public init(
        graph: SiteGraph, config: SiteConfig, glossary: [GlossaryEntry], layout: LayoutContext,
        strings: InterfaceStrings
    ) {
        self.graph = graph
        self.config = config
        self.glossary = glossary
        self.layout = layout
        self.strings = strings
        folders = FolderNames(
            graph: graph, config: config, language: layout.language, homeName: strings.text("home", language: config.language))
    }

    private var language: String? { layout.language }

    /// An interface string of this language, with its `{name}` placeholders filled.
    private func text(_ key: String, _ values: [String: String] = [:]) -> String {
        strings.text(key, language: config.language, values)
    }

    public func article(_ index: Int) -> TemplateContext {
        let page = graph.pages[index]
        let matter = page.source.frontMatter
        let folder = page.source.kind.folder ?? ""
        let sectionID = page.source.kind.sectionID ?? ""
        let crumbs = folders.breadcrumbs(to: folder)
        var context = layout.context(
            url: page.url, title: matter.title, description: matter.summary,
            currentSection: sectionID, breadcrumbs: crumbs)
        let link = { (target: Int) -> TemplateValue in self.pageLink(target, from: page) }
        let toc = page.facts.headings.filter { (2...4).contains($0.level) }
        let reviewed = matter.reviewed
        let nextReview = reviewed.flatMap { $0.adding(months: config.reviewIntervalMonths) }
        let medicines = page.facts.glossaryTerms.contains { glossary[$0.entryIndex].medicine }
        context.add([
            "summary": .text(matter.summary),
            "section": .object([
                "title": .text(folders.title(of: sectionID)),
                "url": .text(SitePath.relative(from: page.url, to: layout.url(sectionID + "/"))),
            ]),
            "folder": .object([
                "title": .text(folders.title(of: folder)),
                "url": .text(SitePath.relative(from: page.url, to: layout.url(folder + "/"))),
            ]),
            "has_toc": .flag(toc.count >= 2),
            "toc": .list(
                toc.map { heading in
                    .object([
                        "text": .text(heading.text), "id": .text(heading.id), "level": .text(String(heading.level)),
                        "nested": .flag(heading.level > 2),
                    ])
                }),
            "has_related": .flag(!graph.related[index].isEmpty),
            "related": .list(graph.related[index].map(link)),
            "has_backlinks": .flag(!graph.backlinks[index].isEmpty),
            "backlinks": .list(graph.backlinks[index].map(link)),
            "backlink_count": .text(String(graph.backlinks[index].count)),
            "has_pagination": .flag(graph.previous[index] != nil || graph.next[index] != nil),
            "sources": .list(
                matter.sources.map { source in
                    var entry: TemplateContext = ["title": .text(source.title ?? ""), "publisher": .text(source.publisher ?? "")]
                    // Only a web address becomes a link, even with the sources rule turned off: a
                    // `javascript:` one would run on a click.
                    if let url = source.url, WebAddress.isValid(url) { entry["url"] = .text(url) }
                    if let year = source.year { entry["year"] = .text(String(year)) }
                    return .object(entry)
                }),
            "has_sources": .flag(!matter.sources.isEmpty),
            "has_tags": .flag(!matter.tags.isEmpty),
            "tags": .list(
                matter.tags.map { tag in
                    .object([
                        "name": .text(tag), "label": .text(tagLabel(tag)),
                        "url": .text(SitePath.relative(from: page.url, to: layout.url("tags/\(tag)/"))),
                    ])
                }),
        ])
        context["translation_notice"] = translationNotice(index)
        // Optional values are left out rather than set to nil, so templates test them with sections.
        context["previous"] = graph.previous[index].map(link)
        context["next"] = graph.next[index].map(link)
        context["reviewed"] = reviewed.map(Self.date)
        context["next_review"] = nextReview.map(Self.date)
        context["reviewer"] = matter.reviewer.map(TemplateValue.text)
        if medicines && !config.medicinesNote.isEmpty {
            context["medicines_note"] = .text(config.medicinesNote)
        }
        return context
    }

    /// What an article shows that its context's fingerprint covers already: the schema.org
    /// data is made from the page's own file, the settings and the breadcrumbs, all in the
    /// fingerprint, so it is made only for a page that is rendered (after a title edit, every
    /// page's context is made to be fingerprinted, and this was a quarter of the time).
    public func articleExtras(_ index: Int) -> TemplateContext {
        let page = graph.pages[index]
        let crumbs = folders.breadcrumbs(to: page.source.kind.folder ?? "")
        return ["json_ld": .text(StructuredData.article(page: page, config: config, breadcrumbs: siteCrumbs(crumbs)))]
    }

    /// The landing page of a section or topic folder: its topics, then its articles.
    public func landing(_ folder: String) -> TemplateContext {
        let url = layout.url(folder + "/")
        let title = folders.title(of: folder)
        let description = folders.description(of: folder)
        let crumbs = ContentFolder.parent(of: folder).map(folders.breadcrumbs(to:)) ?? [(text("home"), "")]
        var context = layout.context(
            url: url, title: title, description: description,
            currentSection: ContentFolder.section(of: folder), breadcrumbs: crumbs)
        let articles = graph.articles(inFolder: folder, language: language)
        let topics = graph.subfolders(of: folder, language: language)
        // Left out when empty, so templates test for them with sections.
        context["section_description"] = description.isEmpty ? nil : .text(description)
        context.add([
            "articles": articleList(articles, from: url),
            "has_articles": .flag(!articles.isEmpty),
            "topics": .list(
                topics.map { topic in
                    var entry: TemplateContext = [
                        "title": .text(folders.title(of: topic)),
                        "url": .text(SitePath.relative(from: url, to: layout.url(topic + "/"))),
                        "article_count": .text(String(folders.articleCount(in: topic))),
                    ]
                    let summary = folders.description(of: topic)
                    entry["summary"] = summary.isEmpty ? nil : .text(summary)
                    return .object(entry)
                }),
            "has_topics": .flag(!topics.isEmpty),
            "json_ld": .text(
                StructuredData.landing(
                    url: url, title: title, description: description, config: config, breadcrumbs: siteCrumbs(crumbs))),
        ])
        return context
    }

    /// Breadcrumbs with their URLs in the site, for structured data: `causes/` → `es/causes/`.
    private func siteCrumbs(_ crumbs: [(title: String, url: String)]) -> [(title: String, url: String)] {
        crumbs.map { ($0.title, layout.url($0.url)) }
    }

    public func home() -> TemplateContext {
        let matter = graph.homePage(language: language).map { graph.pages[$0].source.frontMatter }
        var context = layout.context(
            url: layout.url(""), title: matter?.title ?? config.title,
            description: matter?.summary ?? config.description, currentSection: nil, breadcrumbs: [])
        context.add([
            "summary": .text(matter?.summary ?? ""),
            "sections": .list(
                config.sections.map { section in
                    .object([
                        "title": .text(section.title), "description": .text(section.description), "url": .text(section.id + "/"),
                        "article_count": .text(String(folders.articleCount(in: section.id))),
                    ])
                }),
        ])
        return context
    }

    public func tag(_ tag: String, articles: [Int]) -> TemplateContext {
        let url = layout.url("tags/\(tag)/")
        var context = layout.context(
            url: url, title: text("topic_title", ["tag": tagLabel(tag)]),
            description: text("topic_description", ["tag": tag]), currentSection: nil,
            breadcrumbs: [(text("home"), ""), (text("topics"), "tags/")])
        context["tag"] = .text(tag)
        context["has_articles"] = .flag(!articles.isEmpty)
        context["has_tags"] = .flag(false)
        context["articles"] = articleList(articles, from: url)
        return context
    }

    public func tagIndex() -> TemplateContext {
        let url = layout.url("tags/")
        var context = layout.context(
            url: url, title: text("topics"), description: text("topics_description", ["title": config.title]),
            currentSection: nil, breadcrumbs: [(text("home"), "")])
        let tags = graph.tags(language: language)
        context["has_articles"] = .flag(false)
        context["has_tags"] = .flag(!tags.isEmpty)
        context["tags"] = .list(
            tags.map { entry in
                .object([
                    "name": .text(entry.tag), "label": .text(tagLabel(entry.tag)),
                    "url": .text(SitePath.relative(from: url, to: layout.url("tags/\(entry.tag)/"))),
                    "count": .text(String(entry.articles.count)),
                ])
            })
        return context
    }

    public func glossaryPage() -> TemplateContext {
        var context = layout.context(
            url: layout.glossaryURL, title: text("glossary"), description: text("glossary_description", ["title": config.title]),
            currentSection: nil, breadcrumbs: [(text("home"), "")])
        context["entries"] = .list(
            glossary.map { entry in
                .object([
                    "term": .text(entry.term), "anchor": .text(entry.anchor), "definition": .text(entry.definition),
                    "has_aliases": .flag(!entry.aliases.isEmpty), "aliases": .text(entry.aliases.joined(separator: ", ")),
                ])
            })
        return context
    }

    public func search(indexURL: String) -> TemplateContext {
        let url = layout.url("search/")
        var context = layout.context(
            url: url, title: text("search"), description: text("search_description", ["title": config.title]),
            currentSection: nil, breadcrumbs: [(text("home"), "")])
        context["search_index"] = .text(SitePath.relative(from: url, to: indexURL))
        context["search_script"] = .text(SitePath.relative(from: url, to: layout.assets["search.js"] ?? "assets/search.js"))
        return context
    }

    public func notFound() -> TemplateContext {
        layout.context(
            url: "404.html", title: text("not_found"), description: "", currentSection: nil,
            breadcrumbs: [], linkBase: StructuredData.basePath(of: config.baseURL))
    }

    /// On a translation made from an older review or text of its source: the source page, in
    /// its language, and the day it was reviewed again (when it was).
    private func translationNotice(_ index: Int) -> TemplateValue? {
        guard let sourceIndex = graph.translationSource(of: index) else { return nil }
        let page = graph.pages[index], source = graph.pages[sourceIndex]
        var reviewed: CalendarDate?
        switch TranslationCurrency.of(page, source: source) {
        case let .outdated(sourceReviewed, _, _)?: reviewed = sourceReviewed
        case .textChanged?: reviewed = nil
        default: return nil
        }
        let sourceLanguage = layout.versions.code(of: source.source.language)
        var notice: TemplateContext = [
            "url": .text(SitePath.relative(from: page.url, to: source.url)), "language": .text(sourceLanguage),
            "language_name": .text(layout.languageNames[sourceLanguage] ?? sourceLanguage),
        ]
        notice["source_reviewed"] = reviewed.map(Self.date)
        return .object(notice)
    }

    /// A tag as people read it: `muscle-strain` → `muscle strain`. Tags are slugs, so their
    /// hyphens are bytes of their own.
    private func tagLabel(_ tag: String) -> String {
        String(decoding: tag.utf8.map { $0 == UInt8(ascii: "-") ? UInt8(ascii: " ") : $0 }, as: UTF8.self)
    }

    private func pageLink(_ target: Int, from page: Page) -> TemplateValue {
        let other = graph.pages[target]
        return .object([
            "title": .text(linkTitle(other)), "summary": .text(other.source.frontMatter.summary),
            "url": .text(SitePath.relative(from: page.url, to: other.url)),
        ])
    }

    /// Articles as listed on section and topic pages.
    private func articleList(_ articles: [Int], from url: String) -> TemplateValue {
        .list(
            articles.map { index in
                let target = graph.pages[index]
                return .object([
                    "title": .text(target.title), "summary": .text(target.source.frontMatter.summary),
                    "url": .text(SitePath.relative(from: url, to: target.url)),
                ])
            })
    }

    private static func date(_ date: CalendarDate) -> TemplateValue {
        .object(["long": .text(date.longForm), "iso": .text(date.iso)])
    }

    /// A landing page is named as its folder is everywhere: a section after `site.yml`, as in
    /// the navigation, a topic after its `_index.md`.
    private func linkTitle(_ page: Page) -> String {
        if case let .section(folder) = page.source.kind { return folders.title(of: folder) }
        return page.title
    }
}
