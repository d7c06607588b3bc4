import Foundation
import HealthGuideTestSupport
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

/// Bodies of `Fixture.article` start on line 10 of the file; `title:` is on line 2.
@Suite("Accessibility and structure rules")
struct AccessibilityRuleTests {
    private static func site(_ path: String, body: String, title: String = "Rest") throws -> TestSite {
        let site = try TestSite(Fixture.smallSite(adding: [path: Fixture.article(title: title, body: body)]))
        try site.write("images/kneeling.png", Data([0x89, 0x50, 0x4E, 0x47]))
        return site
    }

    @Test("an image without alt text is an error")
    func missingAltText() throws {
        let site = try Self.site("causes/rest.md", body: "Kneel like this:\n\n![](../images/kneeling.png)")
        #expect(
            site.findings(.altText) == [
                "Content/causes/rest.md:12:1: error: image '../images/kneeling.png' has no alt text [alt-text]"
            ])
    }

    @Test("an image with alt text passes")
    func altTextQuiet() throws {
        let site = try Self.site("causes/rest.md", body: "![A person kneeling on all fours](../images/kneeling.png)")
        #expect(site.findings(.altText).isEmpty)
    }

    @Test("a level-1 heading in the body and a skipped level are reported")
    func headingOrder() throws {
        let site = try Self.site("causes/rest.md", body: "# Rest\n\n## How long\n\n#### For a day")
        #expect(
            site.findings(.headingOrder) == [
                "Content/causes/rest.md:10:1: warning: more than one level-1 heading: 'Rest' (the page title is already one) [heading-order]",
                "Content/causes/rest.md:14:1: warning: heading 'For a day' skips from level 2 to level 4 [heading-order]",
            ])
    }

    @Test("headings that go down one level at a time pass")
    func headingOrderQuiet() throws {
        let site = try Self.site("causes/rest.md", body: "## How long\n\n### For a day\n\n## Then what")
        #expect(site.findings(.headingOrder).isEmpty)
    }

    @Test("vague link text and bare web addresses are reported at the link")
    func linkText() throws {
        let body =
            "For stretches, [click here](../stretches/cat-cow.md).\nThe NHS has more at https://www.nhs.uk/conditions/back-pain/ today."
        let site = try Self.site("causes/rest.md", body: body)
        #expect(
            site.findings(.linkText) == [
                "Content/causes/rest.md:10:16: warning: link text 'click here' does not say where the link goes [link-text]",
                "Content/causes/rest.md:11:21: warning: link text is a bare web address 'https://www.nhs.uk/conditions/back-pain/' [link-text]",
            ])
    }

    @Test("the longest vague text is still vague in capitals and among punctuation")
    func linkTextLongestVague() throws {
        let body = "For stretches, see [\u{201C}More Information!\u{201D}](../stretches/cat-cow.md)."
        let site = try Self.site("causes/rest.md", body: body)
        #expect(
            site.findings(.linkText) == [
                "Content/causes/rest.md:10:20: warning: link text '\u{201C}More Information!\u{201D}' does not say where the link goes [link-text]"
            ])
    }

    @Test("brackets and inverted marks around vague text are trimmed, and punctuation inside is kept")
    func linkTextBrackets() throws {
        let body =
            "See [(here)](../stretches/cat-cow.md), [\u{00BF}more?](../stretches/cat-cow.md) and [here-ish](../stretches/cat-cow.md)."
        let site = try Self.site("causes/rest.md", body: body)
        #expect(
            site.findings(.linkText) == [
                "Content/causes/rest.md:10:5: warning: link text '(here)' does not say where the link goes [link-text]",
                "Content/causes/rest.md:10:40: warning: link text '\u{00BF}more?' does not say where the link goes [link-text]",
            ])
    }

    @Test("link text that names the page passes")
    func linkTextQuiet() throws {
        let site = try Self.site(
            "causes/rest.md",
            body:
                "Try the [cat-cow stretch](../stretches/cat-cow.md) or read the [NHS back pain page](https://www.nhs.uk/conditions/back-pain/)."
        )
        #expect(site.findings(.linkText).isEmpty)
    }

    @Test("a table with an empty header row is an error")
    func tableHeader() throws {
        let site = try Self.site("causes/rest.md", body: "Times:\n\n|  |  |\n|--|--|\n| Ice | 20 minutes |")
        #expect(
            site.findings(.tableHeader) == [
                "Content/causes/rest.md:12:1: error: table has no header text [table-header]"
            ])
    }

    @Test("a table with header text passes")
    func tableHeaderQuiet() throws {
        let site = try Self.site("causes/rest.md", body: "| What | How long |\n|--|--|\n| Ice | 20 minutes |")
        #expect(site.findings(.tableHeader).isEmpty)
    }

    @Test("a page with another page's title is reported, naming the first")
    func duplicateTitle() throws {
        let site = try Self.site("stretches/strain.md", body: "Stretch gently.", title: "Muscle Strain")
        #expect(
            site.findings(.duplicateTitle) == [
                "Content/stretches/strain.md:2:1: warning: title 'Muscle Strain' is also the title of Content/causes/muscle-strain.md [duplicate-title]"
            ])
    }

    @Test("distinct titles pass")
    func duplicateTitleQuiet() throws {
        let site = try TestSite(Fixture.smallSite())
        #expect(site.findings(.duplicateTitle).isEmpty)
    }

    @Test("an article no other page links to is an orphan, even if it links to itself")
    func orphan() throws {
        let site = try Self.site("causes/rest.md", body: "## Why\n\nSee [why](#why) and [muscle strain](muscle-strain.md).")
        #expect(
            site.findings(.orphan) == [
                "Content/causes/rest.md:2:1: warning: no other page links to this article [orphan]"
            ])
    }

    @Test("articles other pages link to are not orphans")
    func orphanQuiet() throws {
        let site = try TestSite(Fixture.smallSite())
        #expect(site.findings(.orphan).isEmpty)
    }
}
