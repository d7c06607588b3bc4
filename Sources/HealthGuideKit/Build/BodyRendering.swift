import HealthGuideContent
import HealthGuideLinks
import HealthGuideMarkdown

/// Turns a page's body into HTML: the one place a body's render plan is made, both for bodies
/// rendered while their pages are prepared (with gaps where the site's links go) and for pages
/// from the page cache, rendered with their links resolved.
struct BodyRendering: Sendable {
    let content: LoadedContent
    var config: SiteConfig { content.config }
    /// The default language's glossary terms, and each other language's that has a glossary.
    private let matcher: GlossaryMatcher
    private let translatedMatchers: [String: GlossaryMatcher]
    /// The images pages may show, whose sizes go into their `<img>` tags.
    let media: MediaFiles
    /// Puts values and blocks into a page of the default language before it is parsed.
    private let assembly: PageAssembly
    private let translatedAssemblies: [String: PageAssembly]

    init(content: LoadedContent, media: MediaFiles) {
        self.content = content
        assembly = PageAssembly(content: content)
        translatedAssemblies = Dictionary(
            uniqueKeysWithValues: content.config.languages.map { language in
                let values = SiteValues(config: content.config.localized(for: language.code))
                return (language.code, PageAssembly(values: values, blocks: content.blocks.inLanguage(language.code)))
            })
        matcher = GlossaryMatcher(entries: content.glossary)
        translatedMatchers = content.translatedGlossaries.mapValues { GlossaryMatcher(entries: $0) }
        self.media = media
    }

    /// Puts values and blocks into a page of `language` before it is parsed: a translation's
    /// values are its language's (its own emergency number, its site title), and its blocks
    /// those of its language folder where there are.
    func assembly(for language: String?) -> PageAssembly {
        language.flatMap { translatedAssemblies[$0] } ?? assembly
    }

    /// The glossary terms found in `language`'s pages.
    func matcher(for language: String?) -> GlossaryMatcher {
        language.flatMap { translatedMatchers[$0] } ?? matcher
    }

    /// `destinations` gives each link of the page its new destination, in document order
    /// (nil keeps it as written).
    func render(_ document: MarkdownDocument, targets: EditTargets, of page: Page, destinations: [String?]) -> String {
        // A translation's cards name its language's emergency number, in its language.
        let settings = config.localized(for: page.source.language)
        let plan = BodyRenderPlan(
            linkDestinations: destinations, emergencyNumber: settings.emergencyNumber,
            allowRawHTML: config.allowRawHTML, glossary: matcher(for: page.source.language),
            glossaryEntries: content.glossary(for: page.source.language),
            glossaryURL: SitePath.relative(from: page.url, to: SitePath.glossary(of: page.source.language, in: content)),
            imageSizes: media.sizes(of: page.facts.links, fromFile: page.source.path), language: settings.language,
            emergencyText: settings.emergencyText)
        return MarkdownRenderer(plan: plan).render(document, targets: targets)
    }
}
