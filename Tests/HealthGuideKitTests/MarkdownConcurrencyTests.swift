import Dispatch
import Testing
@testable import HealthGuideKit

/// cmark-gfm keeps the characters that start an extension's inlines (`:` and `w` for web
/// addresses, `~` for strikethrough) in one table for the whole process, set when a parse
/// begins and cleared when it ends. Builds parse pages on every core, so these tests parse
/// many pages at once and check that none loses its autolinks or strikethrough.
@Suite("Markdown parsed on every core")
struct MarkdownConcurrencyTests {
    static let body = """
        The NHS has more at https://www.nhs.uk/conditions/back-pain/ and www.example.org today.

        This is ~~wrong~~ right.
        """

    @Test("bare web addresses and strikethrough are found in every page parsed at once")
    func parallelParses() {
        let pages = 4_000
        let counts = Array(0..<pages).parallelMap { _ -> (links: Int, struck: Bool) in
            let document = MarkdownDocument(markdown: Self.body)
            let facts = MarkdownScanner(glossary: GlossaryMatcher(entries: []), lineOffset: 0).scan(document)
            return (facts.links.count, document.renderHTML(allowRawHTML: false).contains("<del>wrong</del>"))
        }
        #expect(counts.filter { $0.links != 2 }.count == 0)
        #expect(counts.filter { !$0.struck }.count == 0)
    }
}
