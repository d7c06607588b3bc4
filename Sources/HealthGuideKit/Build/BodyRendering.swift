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
    /// Puts values and blocks into a page before it is parsed.
    let assembly: PageAssembly

    init(content: LoadedContent, media: MediaFiles) {
        assembly = PageAssembly(content: content)
        config = content.config
        glossary = content.glossary
        matcher = GlossaryMatcher(entries: content.glossary)
        self.media = media
    }

    /// `destinations` gives each link of the page its new destination, in document order
    /// (nil keeps it as written).
    func render(_ document: MarkdownDocument, targets: EditTargets, of page: Page, destinations: [String?]) -> String {
        let plan = BodyRenderPlan(
            linkDestinations: destinations, emergencyNumber: config.emergencyNumber,
            allowRawHTML: config.allowRawHTML, glossary: matcher, glossaryEntries: glossary,
            glossaryURL: SitePath.relative(from: page.url, to: "glossary/"),
            imageSizes: media.sizes(of: page.facts.links, fromFile: page.source.path))
        return MarkdownRenderer(plan: plan).render(document, targets: targets)
    }
}
