import Foundation
import HealthGuideTestSupport
import Testing

@testable import HealthGuideBase
@testable import HealthGuideContent
@testable import HealthGuideKit

/// Blocks in `Content/_blocks/`, placed by `<!-- block: name -->`. Bodies of
/// `Fixture.article` start on line 10 of the file.
@Suite("Shared blocks")
struct SharedBlockTests {
    static let signs = """
        > [!EMERGENCY]
        > - you cannot control when you pee or poo
        > - both legs feel weak or numb

        Try [cat-cow](../stretches/cat-cow.md#how-to-do-it) when it eases.
        """

    /// The small site with the `signs` block placed in an article and the home page.
    static func siteWithBlock(_ block: String = signs) -> [String: String] {
        Fixture.smallSite(adding: [
            "_blocks/signs.md": block,
            "causes/back.md": Fixture.article(title: "Back", body: "Read this.\n<!-- block: signs -->\nAnd this."),
            "index.md": Fixture.home + "\n\n<!-- block: signs -->\n",
        ])
    }

    @Test("a block is placed where it is named, a whole care card too, and makes no page of its own")
    func placed() throws {
        let site = try TestSite(Self.siteWithBlock())
        let result = site.build()
        #expect(result.status == .success, "\(result.diagnostics)")
        #expect(
            result.diagnostics.map(site.relative) == ["Content/causes/back.md:2:1: warning: no other page links to this article [orphan]"])
        let page = try #require(site.page("causes/back/index.html"))
        #expect(page.contains("<p>Read this.</p>\n<div class=\"care-card care-card--emergency\">"))
        #expect(page.contains("<li>both legs feel weak or numb</li>"))
        #expect(page.contains("<p>And this.</p>"))
        #expect(!site.exists("_blocks/signs/index.html"))
        #expect(!page.contains("block: signs"))
    }

    @Test("a link in a block leads from the block's file, rewritten for each page that places it")
    func links() throws {
        let site = try TestSite(Self.siteWithBlock())
        #expect(site.build().status == .success)
        #expect(site.page("causes/back/index.html")?.contains("href=\"../../stretches/cat-cow/#how-to-do-it\"") == true)
        #expect(site.page("index.html")?.contains("href=\"stretches/cat-cow/#how-to-do-it\"") == true)
    }

    @Test("a block name in a code block or a list is not a placement")
    func notPlacements() throws {
        var files = Self.siteWithBlock()
        files["causes/back.md"] = Fixture.article(
            title: "Back", body: "```\n<!-- block: signs -->\n```\n\n- a list item\n  <!-- block: signs -->\n")
        let site = try TestSite(files)
        #expect(site.build().status == .success)
        let page = try #require(site.page("causes/back/index.html"))
        #expect(page.contains("<pre><code>&lt;!-- block: signs --&gt;\n</code></pre>"))
        #expect(!page.contains("care-card--emergency"))
    }

    @Test("an unknown block is an error at the line naming it, with the nearest name")
    func unknownBlock() throws {
        var files = Self.siteWithBlock()
        files["causes/back.md"] = Fixture.article(title: "Back", body: "Read this.\n\n<!-- block: sings -->\n\n<!-- block: other -->")
        let site = try TestSite(files)
        #expect(
            site.findings(.unknownBlock) == [
                "Content/causes/back.md:12:1: error: unknown block 'sings' (did you mean 'signs'?) [unknown-block]",
                "Content/causes/back.md:14:1: error: unknown block 'other' [unknown-block]",
            ])
    }

    @Test("a block that places itself, directly or through another, is an error naming the chain")
    func cycle() throws {
        var files = Self.siteWithBlock("Signs.\n\n<!-- block: more -->\n")
        files["_blocks/more.md"] = "More.\n\n<!-- block: signs -->\n"
        files["_blocks/self.md"] = "<!-- block: self -->\n"
        files["causes/self.md"] = Fixture.article(title: "Self", body: "<!-- block: self -->")
        files["index.md"] = Fixture.home
        let site = try TestSite(files)
        #expect(
            site.findings(.blockCycle) == [
                "Content/_blocks/more.md:3:1: error: block 'signs' places itself: signs → more → signs (in a block used by Content/_blocks/signs.md:3:1, used by Content/causes/back.md:11:1) [block-cycle]",
                "Content/_blocks/self.md:1:1: error: block 'self' places itself: self → self (in a block used by Content/causes/self.md:10:1) [block-cycle]",
            ])
    }

    @Test("a finding in a block names the block's file and line and the page that placed it; the page's own lines keep theirs")
    func findingsInBlock() throws {
        let site = try TestSite(
            Self.siteWithBlock(Self.signs + "\n\nSee [nothing](../stretches/nope.md) and [[emergancy_number]].\n")
                .merging(["causes/back.md": Fixture.article(title: "Back", body: "Read this.\n<!-- block: signs -->\n\n[Gone](gone.md)")]) {
                    $1
                })
        let findings = site.check().diagnostics.filter { $0.severity == .error }.map(site.relative)
        #expect(
            findings == [
                "Content/_blocks/signs.md:7:5: error: broken link '/stretches/nope.md' (in a block used by Content/causes/back.md:11:1) [broken-link]",
                "Content/_blocks/signs.md:7:5: error: broken link '/stretches/nope.md' (in a block used by Content/index.md:8:1) [broken-link]",
                "Content/_blocks/signs.md:7:41: error: unknown site value '[[emergancy_number]]' (did you mean '[[emergency_number]]'?) (in a block used by Content/causes/back.md:11:1) [unknown-value]",
                "Content/_blocks/signs.md:7:41: error: unknown site value '[[emergancy_number]]' (did you mean '[[emergency_number]]'?) (in a block used by Content/index.md:8:1) [unknown-value]",
                "Content/causes/back.md:13:1: error: broken link 'gone.md' (did you mean 'back.md'?) [broken-link]",
            ])
    }

    @Test("the care-card level rule reads a block's signs on the pages that place it")
    func careCardLevel() throws {
        var files = Self.siteWithBlock()
        files["causes/ice.md"] = Fixture.article(title: "Ice", body: "> [!URGENT]\n> - both legs feel weak or numb\n")
        let site = try TestSite(files)
        let findings = site.findings(.careCardLevel)
        #expect(
            findings.contains(
                "Content/causes/ice.md:11:3: error: 'both legs feel weak or numb' is listed under [!URGENT] here but under [!EMERGENCY] at Content/_blocks/signs.md:3:3 [care-card-level]"
            ))
        #expect(
            findings.contains(
                "Content/_blocks/signs.md:3:3: error: 'both legs feel weak or numb' is listed under [!EMERGENCY] here but under [!URGENT] at Content/causes/ice.md:11:3 (in a block used by Content/causes/back.md:11:1) [care-card-level]"
            ))
    }

    @Test("a block in a folder of its own, with a name that is no slug, or not UTF-8, is an error and no block")
    func badBlockFiles() throws {
        var files = Self.siteWithBlock()
        files["_blocks/more/signs.md"] = "Nested."
        files["_blocks/Big Signs.md"] = "Spaced."
        let site = try TestSite(files)
        try site.write("_blocks/latin.md", Data([0x66, 0xE9, 0x65]))
        let findings = site.check().diagnostics.filter { $0.severity == .error }.map(site.relative)
        #expect(
            findings == [
                "Content/_blocks/Big Signs.md: error: file name 'Big Signs.md' must use lower-case ASCII letters (a-z), digits and hyphens (try 'big-signs.md') [invalid-slug]",
                "Content/_blocks/latin.md:1:2: error: file is not valid UTF-8 text [invalid-encoding]",
                "Content/_blocks/more/signs.md: error: block in a nested folder: blocks live in _blocks/<name>.md [misplaced-file]",
            ])
    }

    @Test("a block larger than limits.file_kb is not read: an error at the file")
    func tooLarge() throws {
        var files = Self.siteWithBlock(String(repeating: "Rest. ", count: 200))
        files["site.yml"] = Fixture.siteYML + "\nlimits:\n  file_kb: 1\n"
        let site = try TestSite(files)
        #expect(
            site.findings(.inputTooLarge) == [
                "Content/_blocks/signs.md:1:1: error: block is larger than the 1 KB a page may be [input-too-large]"
            ])
        #expect(site.findings(.unknownBlock).count == 2)
    }
}
