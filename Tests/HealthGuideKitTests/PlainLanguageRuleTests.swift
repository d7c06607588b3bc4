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

/// Bodies of `Fixture.article` start on line 10 of the file.
@Suite("Plain-language rules: readability, long sentences, long paragraphs")
struct PlainLanguageRuleTests {
    /// Grade 9.8 (worked out in ReadabilityTests.harderText): above 8, not above 10.
    static let gradeNineText = "Physical therapy helps. Stretching every morning loosens tight muscles."

    @Test("a <br> parts words in prose, in a paragraph and in a table cell, as a Markdown line break does")
    func lineBreakPartsWords() {
        let document = MarkdownDocument(
            markdown: "Call us<br>today. Or<BR />tomorrow.\n\n| Where |\n| --- |\n| charity.org.uk<br>Leaflet |\n")
        let facts = MarkdownScanner(glossary: GlossaryMatcher(entries: []), lineOffset: 0).scan(document)
        #expect(facts.textBlocks.map(\.text) == ["Call us today. Or tomorrow.", "Where", "charity.org.uk Leaflet"])
    }

    @Test("a table of links is read cell by cell: no sentence runs from one cell into the next")
    func tableOfLinks() throws {
        let rows = (1...12).map {
            "| [Group \($0)](https://group\($0).example.org) | Homepage: group\($0).example.org | Advanced leaflet |"
        }
        let table = (["| Who | Where | What |", "| --- | --- | --- |"] + rows).joined(separator: "\n")
        let document = MarkdownDocument(markdown: table + "\n")
        let facts = MarkdownScanner(glossary: GlossaryMatcher(entries: []), lineOffset: 0).scan(document)
        #expect(facts.textBlocks.count == 3 + 3 * 12)
        #expect(Array(facts.textBlocks.map(\.text)[3..<6]) == ["Group 1", "Homepage: group1.example.org", "Advanced leaflet"])
        let site = try TestSite(
            Fixture.smallSite(adding: ["causes/groups.md": Fixture.article(title: "Groups", body: "Groups that can help.\n\n" + table)]))
        #expect(site.findings(.longSentence) == [])
        #expect(site.findings(.readability) == [])
    }

    @Test("an article above reading grade 8 gets a warning naming its hardest sentences")
    func readabilityWarning() throws {
        let site = try TestSite(
            Fixture.smallSite(adding: ["causes/therapy.md": Fixture.article(title: "Therapy", body: Self.gradeNineText)]))
        // Per sentence: "Physical therapy helps." 0.39 × 3 + 11.8 × 7/3 − 15.59 = 13.1;
        // the other 0.39 × 6 + 11.8 × 11/6 − 15.59 = 8.4. The first raises the article's grade more.
        #expect(
            site.findings(.readability) == [
                "Content/causes/therapy.md:10:1: warning: reading grade 9.8 is above 8; hardest sentences: "
                    + "line 10 \"Physical therapy helps.\" (grade 13.1), "
                    + "line 10 \"Stretching every morning loosens tight muscles.\" (grade 8.4) [readability]"
            ])
    }

    @Test("an article above reading grade 10 is an error")
    func readabilityError() throws {
        // "Physical therapists recommend rehabilitation programs." 3 + 3 + 3 + 6 + 2 = 17 syllables, 5 words
        // "Medication reduces inflammation." 4 + 3 + 4 = 11 syllables, 3 words
        // FK = 0.39 × 8/2 + 11.8 × 28/8 − 15.59 = 1.56 + 41.3 − 15.59 = 27.27
        // Sentences: 0.39 × 5 + 11.8 × 17/5 − 15.59 = 26.48; 0.39 × 3 + 11.8 × 11/3 − 15.59 = 28.85
        let body = """
            Physical therapists recommend rehabilitation programs.

            Medication reduces inflammation.
            """
        let site = try TestSite(Fixture.smallSite(adding: ["causes/therapy.md": Fixture.article(title: "Therapy", body: body)]))
        #expect(
            site.findings(.readability) == [
                "Content/causes/therapy.md:12:1: error: reading grade 27.3 is above 10; hardest sentences: "
                    + "line 12 \"Medication reduces inflammation.\" (grade 28.8), "
                    + "line 10 \"Physical therapists recommend rehabilitation programs.\" (grade 26.5) [readability]"
            ])
    }

    @Test("the grade limits come from site.yml")
    func readabilityLimitsFromSiteYML() throws {
        let relaxed = Fixture.siteYML + "\nreading_grade:\n  warning: 10\n  error: 12\n"
        let site = try TestSite(
            Fixture.smallSite(adding: [
                "site.yml": relaxed, "causes/therapy.md": Fixture.article(title: "Therapy", body: Self.gradeNineText),
            ]))
        #expect(site.findings(.readability).isEmpty)

        try site.write("site.yml", Fixture.siteYML + "\nreading_grade:\n  warning: 5\n  error: 9.5\n")
        #expect(
            site.findings(.readability).first?.hasPrefix("Content/causes/therapy.md:10:1: error: reading grade 9.8 is above 9.5;") == true)
    }

    @Test("plain articles pass the readability rule")
    func readabilityQuiet() throws {
        let site = try TestSite(Fixture.smallSite())
        #expect(site.findings(.readability).isEmpty)
    }

    @Test("a sentence over 25 words is reported at its own line and column")
    func longSentence() throws {
        let body = """
            Rest first. You can rest for a day or two, then walk a little more each day,
            and stretch gently when the worst of the pain has gone away.
            """
        let site = try TestSite(Fixture.smallSite(adding: ["causes/rest.md": Fixture.article(title: "Rest", body: body)]))
        #expect(
            site.findings(.longSentence) == [
                "Content/causes/rest.md:10:13: warning: sentence of 27 words is longer than 25: \"You can rest for a day…\" [long-sentence]"
            ])
    }

    @Test("a sentence of 25 words is not too long")
    func longSentenceQuiet() throws {
        let body = "You can rest for a day or two, then walk a little more each day, and stretch gently when the worst pain has gone away."
        let site = try TestSite(Fixture.smallSite(adding: ["causes/rest.md": Fixture.article(title: "Rest", body: body)]))
        #expect(site.findings(.longSentence).isEmpty)
    }

    @Test("a paragraph over five sentences is reported where it starts")
    func longParagraph() throws {
        let body = """
            ## What to do

            Rest. Walk. Stretch. Sleep well. Drink water. Eat well.

            - One. Two. Three. Four. Five. Six.
            """
        let site = try TestSite(Fixture.smallSite(adding: ["causes/rest.md": Fixture.article(title: "Rest", body: body)]))
        #expect(
            site.findings(.longParagraph) == [
                "Content/causes/rest.md:12:1: warning: paragraph of 6 sentences is longer than 5 [long-paragraph]"
            ])
    }

    @Test("a paragraph of five sentences is fine")
    func longParagraphQuiet() throws {
        let body = "Rest. Walk. Stretch. Sleep well. Drink water."
        let site = try TestSite(Fixture.smallSite(adding: ["causes/rest.md": Fixture.article(title: "Rest", body: body)]))
        #expect(site.findings(.longParagraph).isEmpty)
    }
}
