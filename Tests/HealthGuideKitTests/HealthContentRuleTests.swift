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

/// Bodies of `Fixture.article` start on line 10 of the file; `reviewed:` is on line 4.
@Suite("Health-content rules: review dates, sources, care cards, medicines")
struct HealthContentRuleTests {
    // MARK: review-date

    @Test("a review date in the future is an error")
    func reviewedInFuture() throws {
        let site = try TestSite(
            Fixture.smallSite(adding: [
                "causes/rest.md": Fixture.article(title: "Rest", body: "Rest a little.", reviewed: "2026-12-01")
            ]))
        #expect(
            site.findings(.reviewDate) == [
                "Content/causes/rest.md:4:1: error: reviewed date 2026-12-01 is in the future (today is 2026-11-21) [review-date]"
            ])
    }

    @Test("a review date whose next review would fall after 9999 is reported, not a crash")
    func reviewedAtTheEndOfTime() throws {
        let site = try TestSite(
            Fixture.smallSite(adding: [
                "causes/rest.md": Fixture.article(title: "Rest", body: "Rest a little.", reviewed: "9999-12-01")
            ]))
        #expect(
            site.findings(.reviewDate) == [
                "Content/causes/rest.md:4:1: error: reviewed date 9999-12-01 is in the future (today is 2026-11-21) [review-date]"
            ])
        #expect(site.findings(.reviewDate, today: "9999-12-31").filter { $0.hasPrefix("Content/causes/rest.md") }.isEmpty)
        let record = try #require(site.check().articles.first { $0.title == "Rest" })
        #expect(record.reviewed == "9999-12-01")
        #expect(record.nextReview == nil)
    }

    @Test("a passed next-review date is a warning; --today decides what has passed")
    func reviewOverdue() throws {
        let site = try TestSite(
            Fixture.smallSite(adding: [
                "causes/rest.md": Fixture.article(title: "Rest", body: "Rest a little.", reviewed: "2025-11-20")
            ]))
        #expect(
            site.findings(.reviewDate, today: "2026-11-21") == [
                "Content/causes/rest.md:4:1: warning: next review was due on 2026-11-20 (12 months after 2025-11-20) [review-date]"
            ])
        #expect(site.findings(.reviewDate, today: "2026-11-20").isEmpty)
        #expect(
            site.findings(.reviewDate, today: "2025-11-19").filter { $0.hasPrefix("Content/causes/rest.md") } == [
                "Content/causes/rest.md:4:1: error: reviewed date 2025-11-20 is in the future (today is 2025-11-19) [review-date]"
            ])
    }

    @Test("the review interval comes from site.yml")
    func reviewInterval() throws {
        let site = try TestSite(
            Fixture.smallSite(adding: [
                "site.yml": Fixture.siteYML.replacingOccurrences(of: "review_interval_months: 12", with: "review_interval_months: 6"),
                "causes/rest.md": Fixture.article(title: "Rest", body: "Rest a little.", reviewed: "2026-05-01"),
            ]))
        #expect(
            site.findings(.reviewDate) == [
                "Content/causes/rest.md:4:1: warning: next review was due on 2026-11-01 (6 months after 2026-05-01) [review-date]"
            ])
    }

    @Test("articles reviewed within the interval pass")
    func reviewQuiet() throws {
        let site = try TestSite(Fixture.smallSite())
        #expect(site.findings(.reviewDate).isEmpty)
    }

    // MARK: sources

    @Test("every source needs a title and a publisher, and a URL must be a web address")
    func incompleteSources() throws {
        let article = """
            ---
            title: "Ice"
            summary: "About ice."
            reviewed: 2026-11-01
            sources:
              - title: "Ice packs"
                url: "htps//example"
              - publisher: "NHS"
                url: "https://www.nhs.uk/conditions/back-pain/"
            ---

            Use ice.
            """
        let site = try TestSite(Fixture.smallSite(adding: ["causes/ice.md": article]))
        #expect(
            site.findings(.sources) == [
                "Content/causes/ice.md:6:5: error: source 'Ice packs' has a malformed URL 'htps//example' [sources]",
                "Content/causes/ice.md:6:5: error: source 'Ice packs' has no publisher [sources]",
                "Content/causes/ice.md:8:5: error: source 2 has no title [sources]",
            ])
    }

    @Test("an empty list of sources is an error")
    func noSources() throws {
        let article = "---\ntitle: \"Ice\"\nsummary: \"About ice.\"\nreviewed: 2026-11-01\nsources: []\n---\n\nUse ice.\n"
        let site = try TestSite(Fixture.smallSite(adding: ["causes/ice.md": article]))
        #expect(site.findings(.sources) == ["Content/causes/ice.md:5:1: error: article lists no sources [sources]"])
    }

    @Test("complete sources pass")
    func sourcesQuiet() throws {
        let site = try TestSite(Fixture.smallSite())
        #expect(site.findings(.sources).isEmpty)
        #expect(WebAddress.isValid("https://www.nhs.uk/conditions/back-pain/"))
        #expect(!WebAddress.isValid("www.nhs.uk"))
        #expect(!WebAddress.isValid("https://nhs uk"))
        #expect(WebAddress.plainHost(of: "https://www.nhs.uk/conditions/back-pain/") == "www.nhs.uk")
    }

    @Test(
        "a plain address is read byte by byte as URLComponents reads it; any other is left to URLComponents",
        arguments: [
            "https://www.nhs.uk/conditions/back-pain/", "HTTP://Example.ORG", "http://example.org?x=1#top",
            "https://a.b/c;d=e/(f)*+,!$&'~_:@",
            "https://example.org/#a#b", "https://.example.org/", "https://example.org./", "https://example/", "https:///path",
            "https://example.org:8080/", "https://user@example.org/", "https://[::1]/", "https://xn--bcher-kva.example/",
            "https://bücher.example/", "https://example.org/a%20b", "https://example.org/a b", "https://example.org/<x>",
            "ftp://example.org/", "https:example.org", "https//example.org", "htps//example", "www.nhs.uk", "https://nhs uk",
            "https://example.org/\\", "https://exa_mple.org/", "", "https://", "https://example.org/{x}", "https://a.b/\"q\"",
        ])
    func webAddresses(address: String) {
        #expect(WebAddress.isValid(address) == WebAddress.isParsedWebAddress(address), "\(address)")
        if let host = WebAddress.plainHost(of: address) {
            #expect(URLComponents(string: address)?.host == String(host), "\(address)")
        }
    }

    // MARK: care cards

    @Test("a warning-signs article without an emergency card is an error")
    func missingEmergencyCard() throws {
        let body = "Some signs need help today.\n\n> [!URGENT]\n> - a fever with back pain\n"
        let site = try TestSite(
            Fixture.smallSite(adding: [
                "site.yml": Fixture.siteWithWarningSigns,
                "warning-signs/fever.md": Fixture.article(title: "Fever", body: body),
            ]))
        #expect(
            site.findings(.emergencyCard) == [
                "Content/warning-signs/fever.md:10:1: error: warning-signs article has no [!EMERGENCY] card [emergency-card]"
            ])
    }

    @Test("a warning-signs article with an emergency card passes, and other sections need none")
    func emergencyCardQuiet() throws {
        let body = "> [!EMERGENCY]\n> - you cannot feel your legs\n"
        let site = try TestSite(
            Fixture.smallSite(adding: [
                "site.yml": Fixture.siteWithWarningSigns,
                "warning-signs/numbness.md": Fixture.article(title: "Numbness", body: body),
            ]))
        #expect(site.findings(.emergencyCard).isEmpty)
    }

    @Test("a care card without list items is an error; plain callouts need no list")
    func emptyCard() throws {
        let body = """
            > [!URGENT]
            > Get advice today.

            > [!TIP]
            > Warm baths help.
            """
        let site = try TestSite(Fixture.smallSite(adding: ["causes/fever.md": Fixture.article(title: "Fever", body: body)]))
        #expect(
            site.findings(.emptyCard) == [
                "Content/causes/fever.md:10:1: error: [!URGENT] card has no list items [empty-card]"
            ])
    }

    @Test("a care card with a list passes")
    func emptyCardQuiet() throws {
        let body = "> [!NON-URGENT]\n> - pain that lasts six weeks\n"
        let site = try TestSite(Fixture.smallSite(adding: ["causes/pain.md": Fixture.article(title: "Pain", body: body)]))
        #expect(site.findings(.emptyCard).isEmpty)
    }

    private static func cards(_ kinds: [String]) -> String {
        kinds.map { "> [!\($0)]\n> - a sign\n" }.joined(separator: "\n")
    }

    @Test("more than three care cards on a page is a warning at the fourth")
    func tooManyCards() throws {
        let body = Self.cards(["EMERGENCY", "URGENT", "NON-URGENT", "URGENT"])
        let site = try TestSite(Fixture.smallSite(adding: ["causes/signs.md": Fixture.article(title: "Signs", body: body)]))
        // Each card takes three lines: marker, item, blank.
        #expect(
            site.findings(.tooManyCards) == [
                "Content/causes/signs.md:19:1: warning: page has 4 care cards, more than 3 [too-many-cards]"
            ])
    }

    @Test("three care cards and a plain callout are fine")
    func tooManyCardsQuiet() throws {
        let body = Self.cards(["EMERGENCY", "URGENT", "NON-URGENT", "TIP"])
        let site = try TestSite(Fixture.smallSite(adding: ["causes/signs.md": Fixture.article(title: "Signs", body: body)]))
        #expect(site.findings(.tooManyCards).isEmpty)
    }

    // MARK: medicines

    static let glossary = """
        - term: "Ibuprofen"
          definition: "A pain reliever you can buy without a prescription."
          medicine: true
        - term: "Tendon"
          definition: "A cord that joins a muscle to a bone."
        """

    @Test("an article naming a medicine is an error when site.yml has no medicines note")
    func medicinesNoteMissing() throws {
        let noNote = Fixture.siteYML.replacingOccurrences(
            of: "medicines_note: \"Read the label. Ask a pharmacist if you are not sure.\"\n", with: "")
        let site = try TestSite(
            Fixture.smallSite(adding: [
                "site.yml": noNote, "glossary.yml": Self.glossary,
                "causes/pain.md": Fixture.article(title: "Pain", body: "A sore tendon heals.\nTake ibuprofen if it hurts."),
            ]))
        #expect(
            site.findings(.medicinesNote) == [
                "Content/causes/pain.md:11:6: error: names the medicine 'Ibuprofen' but site.yml has no medicines_note to show with it [medicines-note]"
            ])
    }

    @Test("with a medicines note the rule passes and the generator adds the note to the page")
    func medicinesNoteShown() throws {
        let site = try TestSite(
            Fixture.smallSite(adding: [
                "glossary.yml": Self.glossary,
                "causes/pain.md": Fixture.article(
                    title: "Pain", body: "Take ibuprofen if it hurts. See [muscle strain](muscle-strain.md)."),
            ]))
        #expect(site.findings(.medicinesNote).isEmpty)
        site.build()
        let page = try #require(site.page("causes/pain/index.html"))
        #expect(page.contains("Read the label. Ask a pharmacist if you are not sure."))
        let strain = try #require(site.page("causes/muscle-strain/index.html"))
        #expect(!strain.contains("Read the label."))
    }
}
