/// Builds the template context of each kind of page from the site graph.
/// The article body is added by the caller after rendering, so a context without it can be
/// fingerprinted to decide whether the page needs rendering at all.
struct PageContextBuilder {
    let graph: SiteGraph
    let config: SiteConfig
    let glossary: [GlossaryEntry]
    let layout: LayoutContext

    func article(_ index: Int) -> TemplateContext {
        let page = graph.pages[index]
        let matter = page.source.frontMatter
        let sectionID = page.source.kind.sectionID ?? ""
        let section = config.section(id: sectionID)
        var crumbs: [(String, String)] = [("Home", "")]
        if let section { crumbs.append((section.title, section.id + "/")) }
        var context = layout.context(url: page.url, title: matter.title, description: matter.summary,
                                     currentSection: sectionID, breadcrumbs: crumbs)
        let link = { (target: Int) -> TemplateContext in pageLink(target, from: page) }
        let toc = page.facts.headings.filter { (2...4).contains($0.level) }
        let reviewed = matter.reviewed
        let nextReview = reviewed.flatMap { $0.adding(months: config.reviewIntervalMonths) }
        let medicines = page.facts.glossaryTerms.contains { glossary[$0.entryIndex].medicine }
        context = context.merging([
            "summary": matter.summary,
            "section": ["title": section?.title ?? sectionID, "url": SitePath.relative(from: page.url, to: sectionID + "/")] as TemplateContext,
            "has_toc": toc.count >= 2,
            "toc": toc.map { heading -> TemplateContext in
                ["text": heading.text, "id": heading.id, "level": heading.level, "nested": heading.level > 2]
            },
            "has_related": !graph.related[index].isEmpty,
            "related": graph.related[index].map(link),
            "has_backlinks": !graph.backlinks[index].isEmpty,
            "backlinks": graph.backlinks[index].map(link),
            "backlink_count": String(graph.backlinks[index].count),
            "has_pagination": graph.previous[index] != nil || graph.next[index] != nil,
            "sources": matter.sources.map { source -> TemplateContext in
                var entry: TemplateContext = ["title": source.title ?? "", "publisher": source.publisher ?? ""]
                if let url = source.url { entry["url"] = url }
                if let year = source.year { entry["year"] = String(year) }
                return entry
            },
            "has_sources": !matter.sources.isEmpty,
            "has_tags": !matter.tags.isEmpty,
            "tags": matter.tags.map { tag -> TemplateContext in
                ["name": tag, "label": tagLabel(tag), "url": SitePath.relative(from: page.url, to: "tags/\(tag)/")]
            },
            "json_ld": StructuredData.article(page: page, config: config, section: section),
        ])
        // Optional values are left out rather than set to nil, so templates test them with sections.
        context["previous"] = graph.previous[index].map(link)
        context["next"] = graph.next[index].map(link)
        context["reviewed"] = reviewed.map { ["long": $0.longForm, "iso": $0.iso] as TemplateContext }
        context["next_review"] = nextReview.map { ["long": $0.longForm, "iso": $0.iso] as TemplateContext }
        context["reviewer"] = matter.reviewer
        if medicines && !config.medicinesNote.isEmpty {
            context["medicines_note"] = config.medicinesNote
        }
        return context
    }

    func section(_ section: SectionConfig) -> TemplateContext {
        let id = section.id
        let url = id + "/"
        var context = layout.context(url: url, title: section.title, description: section.description,
                                     currentSection: id, breadcrumbs: [("Home", "")])
        let articles = graph.articlesBySection[id] ?? []
        context = context.merging([
            "section_description": section.description,
            "articles": articles.map { index -> TemplateContext in
                let target = graph.pages[index]
                return ["title": target.title, "summary": target.source.frontMatter.summary,
                        "url": SitePath.relative(from: url, to: target.url)]
            },
            "has_articles": !articles.isEmpty,
        ])
        return context
    }

    func home() -> TemplateContext {
        let matter = graph.homePage.map { graph.pages[$0].source.frontMatter }
        var context = layout.context(url: "", title: matter?.title ?? config.title,
                                     description: matter?.summary ?? "", currentSection: nil, breadcrumbs: [])
        context = context.merging([
            "summary": matter?.summary ?? "",
            "sections": config.sections.map { section -> TemplateContext in
                let articles = graph.articlesBySection[section.id] ?? []
                return ["title": section.title, "description": section.description, "url": section.id + "/",
                        "article_count": String(articles.count)]
            },
        ])
        return context
    }

    func tag(_ tag: String, articles: [Int]) -> TemplateContext {
        let url = "tags/\(tag)/"
        var context = layout.context(url: url, title: "Pages about \(tagLabel(tag))",
                                     description: "Articles tagged \(tag).", currentSection: nil,
                                     breadcrumbs: [("Home", ""), ("Topics", "tags/")])
        context["tag"] = tag
        context["has_articles"] = !articles.isEmpty
        context["has_tags"] = false
        context["articles"] = articles.map { index -> TemplateContext in
            let target = graph.pages[index]
            return ["title": target.title, "summary": target.source.frontMatter.summary,
                    "url": SitePath.relative(from: url, to: target.url)]
        }
        return context
    }

    func tagIndex() -> TemplateContext {
        let url = "tags/"
        var context = layout.context(url: url, title: "Topics", description: "Every topic in \(config.title).",
                                     currentSection: nil, breadcrumbs: [("Home", "")])
        context["has_articles"] = false
        context["has_tags"] = !graph.tags.isEmpty
        context["tags"] = graph.tags.map { entry -> TemplateContext in
            ["name": entry.tag, "label": tagLabel(entry.tag), "url": SitePath.relative(from: url, to: "tags/\(entry.tag)/"),
             "count": String(entry.articles.count)]
        }
        return context
    }

    func glossaryPage() -> TemplateContext {
        var context = layout.context(url: "glossary/", title: "Glossary", description: "Plain-language meanings of the medical words used in \(config.title).",
                                     currentSection: nil, breadcrumbs: [("Home", "")])
        context["entries"] = glossary.map { entry -> TemplateContext in
            ["term": entry.term, "anchor": entry.anchor, "definition": entry.definition,
             "has_aliases": !entry.aliases.isEmpty, "aliases": entry.aliases.joined(separator: ", ")]
        }
        return context
    }

    func search(indexURL: String) -> TemplateContext {
        var context = layout.context(url: "search/", title: "Search", description: "Search \(config.title).",
                                     currentSection: nil, breadcrumbs: [("Home", "")])
        context["search_index"] = SitePath.relative(from: "search/", to: indexURL)
        context["search_script"] = SitePath.relative(from: "search/", to: layout.assets["search.js"] ?? "assets/search.js")
        return context
    }

    func notFound() -> TemplateContext {
        layout.context(url: "404.html", title: "Page not found", description: "", currentSection: nil,
                       breadcrumbs: [], linkBase: StructuredData.basePath(of: config.baseURL))
    }

    /// A tag slug as words: `lower-back` → `lower back`.
    private func tagLabel(_ tag: String) -> String {
        tag.replacingOccurrences(of: "-", with: " ")
    }

    private func pageLink(_ target: Int, from page: Page) -> TemplateContext {
        let other = graph.pages[target]
        return ["title": linkTitle(other), "summary": other.source.frontMatter.summary,
                "url": SitePath.relative(from: page.url, to: other.url)]
    }

    /// A section page's `_index.md` often has no title of its own: it is named after its
    /// section in `site.yml`, as in the navigation, never after its folder.
    private func linkTitle(_ page: Page) -> String {
        if case let .section(id) = page.source.kind, page.title.isEmpty || page.title == id {
            return config.section(id: id)?.title ?? page.title
        }
        return page.title
    }
}
