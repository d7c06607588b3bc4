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

/// Heading ids and glossary ids: one scheme, GitHub's, that keeps letters of every script.
@Suite("Fragment ids")
struct FragmentIDTests {
    @Test("letters and digits of any script are kept, lower-cased; punctuation goes; spaces become hyphens")
    func scheme() {
        #expect(FragmentID.make(from: "β-blocker") == "β-blocker")
        #expect(FragmentID.make(from: "Что делать?") == "что-делать")
        #expect(FragmentID.make(from: "What to do (now)") == "what-to-do-now")
        #expect(FragmentID.make(from: "背痛 2") == "背痛-2")
        #expect(FragmentID.make(from: "Über_Straße") == "über_straße")
        #expect(FragmentID.make(from: "!!!") == "")
        #expect(HeadingIDs.slug("!!!") == "section")
        #expect(GlossaryEntry(term: "α-Blocker", definition: "", aliases: [], medicine: false).anchor == "term-α-blocker")
    }

    @Test("β-blocker and α-blocker link to their own definitions, and links to non-ASCII headings resolve")
    func nonASCIISite() throws {
        var files = Fixture.smallSite()
        files["glossary.yml"] = """
            - term: "β-blocker"
              definition: "A medicine that slows the heart."
            - term: "α-blocker"
              definition: "A medicine that widens blood vessels."
            """
        files["causes/muscle-strain.md"] = Fixture.article(
            title: "Muscle strain",
            body: """
                ## Что делать

                A β-blocker is not an α-blocker. Read [what to do](#что-делать) and [the same](#%D1%87%D1%82%D0%BE-%D0%B4%D0%B5%D0%BB%D0%B0%D1%82%D1%8C).
                Try the [cat-cow stretch](../stretches/cat-cow.md#how-to-do-it) and [knee to chest](/stretches/knee-to-chest.md).
                """, tags: ["lower-back"], order: 1)
        files["stretches/knee-to-chest.md"] = Fixture.article(
            title: "Knee-to-chest stretch",
            body: """
                ## How to do it

                Lie on your back. Read [what to do](../causes/muscle-strain.md#что-делать).
                """, tags: ["stretch"], order: 2)
        let site = try TestSite(files)
        let result = site.build()
        #expect(result.status == .success, "\(result.diagnostics)")
        let glossary = try #require(site.page("glossary/index.html"))
        #expect(glossary.contains("id=\"term-β-blocker\""))
        #expect(glossary.contains("id=\"term-α-blocker\""))
        #expect(!glossary.contains("id=\"term-blocker\""))
        let strain = try #require(site.page("causes/muscle-strain/index.html"))
        #expect(strain.contains("id=\"что-делать\""))
        #expect(strain.contains("href=\"../../glossary/#term-β-blocker\""))
        #expect(strain.contains("href=\"../../glossary/#term-α-blocker\""))
        let knee = try #require(site.page("stretches/knee-to-chest/index.html"))
        // cmark-gfm percent-encodes what it writes into a link; browsers decode it to find the id.
        #expect(knee.contains("href=\"../../causes/muscle-strain/#%D1%87%D1%82%D0%BE-%D0%B4%D0%B5%D0%BB%D0%B0%D1%82%D1%8C\""))
    }
}
