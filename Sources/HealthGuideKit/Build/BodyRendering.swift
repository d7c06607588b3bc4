import HealthGuideContent
import HealthGuideLinks
import HealthGuideMarkdown

/// Turns a page's body into HTML: the one place a body's render plan is made, both for bodies
/// rendered while their pages are prepared (with gaps where the site's links go) and for pages
/// from the page cache, rendered with their links resolved.
struct BodyRendering: Sendable {
    let config: SiteConfig
    let glossary: [GlossaryEntry]
    let matcher: GlossaryMatcher
    /// The images pages may show, whose sizes go into their `<img>` tags.
    let media: MediaFiles

    init(content: LoadedContent, media: MediaFiles) {
        config = content.config
        glossary = content.glossary
        matcher = GlossaryMatcher(entries: content.glossary)
        self.media = media
    }

    /// `destinations` gives each link of the page its new destination, in document order
    /// (nil keeps it as written).
    func render(_ document: MarkdownDocument, targets: EditTargets, of page: Page, destinations: [String?]) -> String {
        // A translation's cards name its language's emergency number, in its language.
        let settings = config.localized(for: page.source.language)
        let plan = BodyRenderPlan(
            linkDestinations: destinations, emergencyNumber: settings.emergencyNumber,
            allowRawHTML: config.allowRawHTML, glossary: matcher, glossaryEntries: glossary,
            glossaryURL: SitePath.relative(from: page.url, to: "glossary/"),
            imageSizes: media.sizes(of: page.facts.links, fromFile: page.source.path), language: settings.language)
        return MarkdownRenderer(plan: plan).render(document, targets: targets)
    }
}
