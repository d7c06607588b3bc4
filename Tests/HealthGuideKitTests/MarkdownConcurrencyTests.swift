import Dispatch
import Testing

@testable import HealthGuideBase
@testable import HealthGuideChecks
@testable import HealthGuideContent
@testable import HealthGuideKit
@testable import HealthGuideLinks
@testable import HealthGuideMarkdown
@testable import HealthGuideOutput
@testable import HealthGuideRender
@testable import Mustache

/// cmark-gfm keeps the characters that start an extension's inlines (`:` and `w` for web
/// addresses, `~` for strikethrough) in one table for the whole process, set when a parse
/// begins and cleared when it ends. Builds parse pages on every core, so these tests parse
/// many pages at once, with and without strikethrough, and check that none loses its
/// autolinks or strikethrough.
@Suite("Markdown parsed on every core")
struct MarkdownConcurrencyTests {
    static let links = "The NHS has more at https://www.nhs.uk/conditions/back-pain/ and www.example.org today."
    static let struck = "This is ~~wrong~~ right."

    @Test("bare web addresses and strikethrough are found in every page parsed at once")
    func parallelParses() {
        let pages = 4_000
        let counts = Array(0..<pages).parallelMap { page -> (links: Int, struck: Bool) in
            let withStrikethrough = page.isMultiple(of: 2)
            let document = MarkdownDocument(markdown: withStrikethrough ? Self.links + "\n\n" + Self.struck : Self.links)
            let facts = MarkdownScanner(glossary: GlossaryMatcher(entries: []), lineOffset: 0).scan(document)
            let html = document.renderHTML(allowRawHTML: false)
            return (facts.links.count, html.contains("<del>wrong</del>") == withStrikethrough)
        }
        #expect(counts.filter { $0.links != 2 }.count == 0)
        #expect(counts.filter { !$0.struck }.count == 0)
    }
}
