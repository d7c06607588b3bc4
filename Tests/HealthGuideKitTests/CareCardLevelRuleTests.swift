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

/// Bodies of `Fixture.article` start on line 10 of the file, so a card's first item is on line 11.
@Suite("Care-card levels: one level per sign across the site")
struct CareCardLevelRuleTests {
    private static func card(_ level: String, _ items: [String]) -> String {
        (["> [!\(level)]"] + items.map { "> - \($0)" }).joined(separator: "\n") + "\n"
    }

    @Test("a sign listed under two levels on two pages is reported at both, naming the other place")
    func twoLevels() throws {
        let site = try TestSite(
            Fixture.smallSite(adding: [
                "causes/falls.md": Fixture.article(
                    title: "Falls", body: Self.card("EMERGENCY", ["chest pain", "back pain after a bad fall"])),
                "causes/ice.md": Fixture.article(title: "Ice", body: Self.card("URGENT", ["Back pain after a bad  fall."])),
            ]))
        #expect(
            site.findings(.careCardLevel) == [
                "Content/causes/falls.md:12:3: error: 'back pain after a bad fall' is listed under [!EMERGENCY] here but under [!URGENT] at Content/causes/ice.md:11:3 [care-card-level]",
                "Content/causes/ice.md:11:3: error: 'Back pain after a bad  fall.' is listed under [!URGENT] here but under [!EMERGENCY] at Content/causes/falls.md:12:3 [care-card-level]",
            ])
    }

    @Test("the same sign at the same level on many pages passes, and so do different signs at different levels")
    func oneLevel() throws {
        let site = try TestSite(
            Fixture.smallSite(adding: [
                "causes/falls.md": Fixture.article(title: "Falls", body: Self.card("EMERGENCY", ["back pain after a bad fall"])),
                "causes/ice.md": Fixture.article(
                    title: "Ice",
                    body: Self.card("EMERGENCY", ["Back pain after a bad fall."])
                        + "\n" + Self.card("URGENT", ["back pain after a small fall, if you have weak bones"])),
            ]))
        #expect(site.findings(.careCardLevel).isEmpty)
    }

    @Test("plain callouts are not care cards: a tip may repeat a sign")
    func calloutsIgnored() throws {
        let site = try TestSite(
            Fixture.smallSite(adding: [
                "causes/falls.md": Fixture.article(title: "Falls", body: Self.card("EMERGENCY", ["back pain after a bad fall"])),
                "causes/ice.md": Fixture.article(title: "Ice", body: Self.card("TIP", ["back pain after a bad fall"])),
            ]))
        #expect(site.findings(.careCardLevel).isEmpty)
    }

    @Test("a page taken from the page cache still lists its signs: an edit to the other page finds the clash")
    func cachedPage() throws {
        let site = try TestSite(
            Fixture.smallSite(adding: [
                "causes/falls.md": Fixture.article(title: "Falls", body: Self.card("EMERGENCY", ["back pain after a bad fall"])),
                "causes/ice.md": Fixture.article(title: "Ice", body: Self.card("EMERGENCY", ["back pain after a bad fall"])),
            ]))
        try site.settle()
        try #require(site.build().status == .success)
        try site.write("causes/ice.md", Fixture.article(title: "Ice", body: Self.card("NON-URGENT", ["back pain after a bad fall"])))
        let result = site.build()
        // Only the edited file is read again; falls.md comes from the page cache.
        #expect(result.prepared == 1)
        #expect(
            result.diagnostics.filter { $0.rule == .careCardLevel }.map(site.relative) == [
                "Content/causes/falls.md:11:3: error: 'back pain after a bad fall' is listed under [!EMERGENCY] here but under [!NON-URGENT] at Content/causes/ice.md:11:3 [care-card-level]",
                "Content/causes/ice.md:11:3: error: 'back pain after a bad fall' is listed under [!NON-URGENT] here but under [!EMERGENCY] at Content/causes/falls.md:11:3 [care-card-level]",
            ])
    }

    @Test("signs are grouped by a hash of their text, and two texts with one hash are still two signs")
    func sharedHash() throws {
        let site = try TestSite(
            Fixture.smallSite(adding: [
                "causes/falls.md": Fixture.article(title: "Falls", body: Self.card("EMERGENCY", ["back pain after a bad fall"])),
                "causes/ice.md": Fixture.article(title: "Ice", body: Self.card("URGENT", ["numb legs"])),
            ]))
        let graph = try #require(site.check().graph)
        // Every sign given the same hash, as if their folded texts collided.
        let pages = graph.pages.map { page in
            Page(
                source: page.source, url: page.url, facts: page.facts,
                cardSigns: page.cardSigns.map { sign in
                    var sign = sign
                    sign.foldedHash = 7
                    return sign
                })
        }
        let collided = SiteGraph(pages: pages, sections: graph.sections, media: graph.media, draftPaths: [], log: DiagnosticLog())
        #expect(pages.contains { !$0.cardSigns.isEmpty })
        #expect(CareCardLevelRule().check(CheckContext(graph: collided, config: SiteConfig())).isEmpty)
    }

    @Test("a sign is its text in lower case, with single spaces and no closing punctuation")
    func signText() {
        #expect(CardSign.fold("  Chest  pain,\tor pain in your ARM. ") == "chest pain, or pain in your arm")
        #expect(CardSign.fold("you cannot pee at all;") == "you cannot pee at all")
        #expect(CardSign.fold("...") == "")
        #expect(CardSign.fold("Douleur  À LA poitrine\u{00A0}!") == "douleur à la poitrine")
        #expect(CardSign.fold("arm . ") == "arm")
    }
}
