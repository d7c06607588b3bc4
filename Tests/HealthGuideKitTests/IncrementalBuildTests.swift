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

/// Rebuild tests in the manner of Hugo's: each edit is followed by a build that must render only
/// the pages the edit touched, and must leave the same bytes as a clean build of the same input.
@Suite("Incremental builds")
struct IncrementalBuildTests {
    /// Pages a full build of the small site renders: home, 2 sections, 3 articles, 2 tag pages,
    /// the tag index, glossary, search and 404.
    static let allPages = 12

    /// The pages whose contexts hold knee-to-chest's title and summary.
    static let pagesShowingKneeToChest: Set<String> = [
        "stretches/knee-to-chest/index.html", "stretches/index.html", "causes/muscle-strain/index.html",
        "stretches/cat-cow/index.html", "tags/stretch/index.html",
    ]

    @Test("the first build renders every page, a second one none")
    func firstAndSecondBuild() throws {
        let site = try TestSite(Fixture.smallSite())
        let first = site.build()
        #expect(first.rendered == Self.allPages)
        let second = site.build()
        #expect(second.rendered == 0)
        #expect(second.written == 0)
        #expect(second.writtenFiles.isEmpty)
    }

    @Test("a build's timings name its steps in order and add up to no more than the build; with nothing changed, two steps")
    func timings() throws {
        let site = try TestSite(Fixture.smallSite())
        let first = site.build()
        #expect(
            first.timings.steps.map(\.name) == [
                "input stamps and the last build's state", "content folder listed, page cache read", "pages read, parsed and checked",
                "pages linked, site checked", "templates", "pages rendered and written, page cache saved",
                "old files removed, manifest saved",
            ])
        #expect(first.timings.steps.allSatisfy { $0.seconds > 0 }, "a step was not timed")
        #expect(first.timings.steps.map(\.seconds).reduce(0, +) <= first.seconds)
        // One line a step, in order: its milliseconds to a tenth, then its name.
        let lines = first.timings.table.split(separator: "\n").map { $0.components(separatedBy: " ms  ") }
        #expect(lines.allSatisfy { $0.count == 2 })
        #expect(lines.map(\.last) == first.timings.steps.map(\.name))
        #expect(
            lines.map { Double($0[0].trimmingCharacters(in: .whitespaces)) }
                == first.timings.steps.map { ($0.seconds * 10_000).rounded() / 10 })
        let unchanged = try rebuild(site) {}
        #expect(unchanged.rendered == 0)
        #expect(unchanged.timings.steps.map(\.name) == ["input stamps and the last build's state", "every output file found in place"])
    }

    @Test("an article body edit re-renders that page and rewrites the search index")
    func bodyEdit() throws {
        let site = try TestSite(Fixture.smallSite())
        let result = try rebuild(site) {
            try site.edit("stretches/knee-to-chest.md", replacing: "Lie on your back.", with: "Lie flat on your back.")
        }
        #expect(result.rendered == 1)
        #expect(result.prepared == 1)
        #expect(result.written == 2)
        #expect(Set(result.writtenFiles) == ["stretches/knee-to-chest/index.html", "search-index.json"])
        try expectSameAsCleanBuild(site)
    }

    @Test("a title change re-renders the section, backlinks, related lists, neighbours and tag pages")
    func titleChange() throws {
        let site = try TestSite(Fixture.smallSite())
        let result = try rebuild(site) {
            try site.edit("stretches/knee-to-chest.md", replacing: "title: \"Knee-to-chest stretch\"", with: "title: \"Knee hug\"")
        }
        // The page itself, its section's list, muscle-strain (which it links to: backlinks),
        // cat-cow (related by tag, and its next page), and the tag page. Which of them change
        // bytes is up to the templates; the first four show the title.
        #expect(result.rendered == 5)
        let written = Set(result.writtenFiles)
        #expect(written.isSubset(of: Self.pagesShowingKneeToChest.union(["search-index.json", "feed.xml"])))
        #expect(
            written.isSuperset(of: [
                "stretches/knee-to-chest/index.html", "stretches/index.html", "causes/muscle-strain/index.html",
                "stretches/cat-cow/index.html", "search-index.json", "feed.xml",
            ]))
        #expect(site.page("stretches/cat-cow/index.html")?.contains("<span class=\"pagination__label\">Next</span> Knee hug</a>") == true)
        try expectSameAsCleanBuild(site)
    }

    @Test("a summary change re-renders the pages that show it")
    func summaryChange() throws {
        let site = try TestSite(Fixture.smallSite())
        let result = try rebuild(site) {
            try site.edit(
                "stretches/knee-to-chest.md", replacing: "summary: \"About knee-to-chest stretch.\"",
                with: "summary: \"A gentle stretch for the lower back.\"")
        }
        // The same five pages carry the summary in their contexts; only some templates show it.
        #expect(result.rendered == 5)
        let written = Set(result.writtenFiles)
        #expect(written.isSubset(of: Self.pagesShowingKneeToChest.union(["search-index.json", "feed.xml"])))
        #expect(written.isSuperset(of: ["stretches/knee-to-chest/index.html", "stretches/index.html", "search-index.json", "feed.xml"]))
        try expectSameAsCleanBuild(site)
    }

    @Test("moving an article to another topic rewrites exactly the pages whose lists, links or neighbours changed")
    func articleMovedBetweenTopics() throws {
        let site = try TestSite(try Fixture.folder("nested-site"))
        let result = try rebuild(site) {
            let plate = try site.read("living-well/eating-well/healthy-plate.md")
            try site.remove("living-well/eating-well/healthy-plate.md")
            try site.write(
                "living-well/staying-active/healthy-plate.md",
                plate.replacingOccurrences(of: "(../staying-active/walking.md)", with: "(walking.md)"))
            try site.edit(
                "living-well/staying-active/walking.md", replacing: "(../eating-well/healthy-plate.md)", with: "(healthy-plate.md)")
        }
        // The moved page; walking (its link, and its new previous page); the topic that gained
        // it; the section that lost the emptied topic; and the files listing every URL.
        #expect(
            Set(result.writtenFiles) == [
                "living-well/staying-active/healthy-plate/index.html", "living-well/staying-active/walking/index.html",
                "living-well/staying-active/index.html", "living-well/index.html", "search-index.json", "sitemap.xml", "feed.xml",
            ])
        #expect(result.removed == 2, "the old page and the emptied topic's landing page")
        #expect(!site.exists("living-well/eating-well/index.html"))
        try expectSameAsCleanBuild(site)
    }

    @Test("moving an article two levels down and back up is rebuilt as a clean build would make it")
    func articleMovedBetweenLevels() throws {
        let site = try TestSite(try Fixture.folder("nested-site"))
        let down = try rebuild(site) {
            let sleep = try site.read("living-well/sleep.md")
            try site.remove("living-well/sleep.md")
            try site.write(
                "living-well/staying-active/at-home/sleep.md",
                sleep.replacingOccurrences(of: "(staying-active/walking.md)", with: "(../walking.md)"))
            try site.edit("index.md", replacing: "(living-well/sleep.md)", with: "(living-well/staying-active/at-home/sleep.md)")
            try site.edit("living-well/staying-active/at-home/stretching-at-home.md", replacing: "(../../sleep.md)", with: "(sleep.md)")
        }
        #expect(Set(down.writtenFiles).isSuperset(of: ["living-well/staying-active/at-home/sleep/index.html", "living-well/index.html"]))
        #expect(!site.exists("living-well/sleep/index.html"))
        try expectSameAsCleanBuild(site)

        let sleep = try site.read("living-well/staying-active/at-home/sleep.md")
        try site.remove("living-well/staying-active/at-home/sleep.md")
        try site.write("living-well/sleep.md", sleep.replacingOccurrences(of: "(../walking.md)", with: "(staying-active/walking.md)"))
        try site.edit("index.md", replacing: "(living-well/staying-active/at-home/sleep.md)", with: "(living-well/sleep.md)")
        try site.edit("living-well/staying-active/at-home/stretching-at-home.md", replacing: "(sleep.md)", with: "(../../sleep.md)")
        let up = site.build()
        #expect(up.status == .success, "\(up.diagnostics)")
        #expect(!site.exists("living-well/staying-active/at-home/sleep/index.html"))
        try expectSameAsCleanBuild(site)
    }

    @Test("renaming a topic in its _index.md rewrites the pages that show its title, and the search index")
    func topicRenamed() throws {
        let site = try TestSite(try Fixture.folder("nested-site"))
        let result = try rebuild(site) {
            try site.edit("living-well/staying-active/_index.md", replacing: "title: \"Staying active\"", with: "title: \"Keeping active\"")
        }
        let written = Set(result.writtenFiles)
        #expect(written.isSuperset(of: ["living-well/staying-active/walking/index.html", "living-well/index.html", "search-index.json"]))
        #expect(!written.contains("treatments/medicines/index.html"))
        #expect(site.page("living-well/staying-active/at-home/index.html")?.contains(">Keeping active</a>") == true)
        try expectSameAsCleanBuild(site)
    }

    @Test("removing a heading that another page links to is an error at once, and nothing is written")
    func removedHeading() throws {
        let site = try TestSite(Fixture.smallSite())
        site.build()
        let before = site.snapshot()
        try site.edit("stretches/cat-cow.md", replacing: "## How to do it", with: "## Steps")
        let failed = site.build()
        #expect(failed.status == .contentErrors)
        let brokenAnchor = try #require(failed.diagnostics.first { $0.rule == .brokenAnchor })
        #expect(brokenAnchor.file.hasSuffix("causes/muscle-strain.md"))
        #expect(brokenAnchor.location?.line == 14)
        #expect(failed.rendered == 0)
        #expect(failed.written == 0)
        #expect(site.snapshot() == before, "the last good site stays as it was")

        try site.edit("causes/muscle-strain.md", replacing: "cat-cow.md#how-to-do-it", with: "cat-cow.md#steps")
        let fixed = site.build()
        #expect(fixed.status == .success)
        // cat-cow (its heading) and muscle-strain (its link).
        #expect(fixed.rendered == 2)
        try expectSameAsCleanBuild(site)
    }

    @Test(
        "a template change re-renders the pages that use it",
        arguments: [
            TemplateEdit(file: "tag.mustache", find: "{{$main}}", replace: "{{$main}}<!-- edited -->", pages: 3),
            TemplateEdit(file: "article.mustache", find: "{{$main}}", replace: "{{$main}}<!-- edited -->", pages: 3),
            TemplateEdit(
                file: "partials/article-list.mustache", find: "<ul class=\"article-list\">",
                replace: "<ul class=\"article-list edited\">", pages: 5),
            TemplateEdit(
                file: "layout.mustache", find: "<body>", replace: "<body class=\"edited\">", pages: IncrementalBuildTests.allPages),
        ])
    func templateChange(_ edit: TemplateEdit) throws {
        let site = try TestSite(Fixture.smallSite())
        let result = try rebuild(site) {
            try site.edit("Templates/" + edit.file, replacing: edit.find, with: edit.replace)
        }
        #expect(result.rendered == edit.pages)
        // Rendering may give the same bytes where the edited part is not shown (an empty list).
        #expect((1...edit.pages).contains(result.written))
        try expectSameAsCleanBuild(site)
    }

    @Test("a stylesheet change renames it and re-renders every page; a script change only the page using it")
    func assetChange() throws {
        let site = try TestSite(Fixture.smallSite())
        let styled = try rebuild(site) {
            try site.append("Templates/assets/site.css", "\n.edited { color: red; }\n")
        }
        #expect(styled.rendered == Self.allPages)
        #expect(styled.removed == 1, "the stylesheet under its old name")
        #expect(styled.writtenFiles.filter { $0.hasSuffix(".css") }.count == 1)
        try expectSameAsCleanBuild(site)

        let scripted = try rebuild(site) {
            try site.append("Templates/assets/search.js", "\n// edited\n")
        }
        #expect(scripted.rendered == 1)
        #expect(scripted.written == 2)
        #expect(scripted.writtenFiles.contains("search/index.html"))
        try expectSameAsCleanBuild(site)
    }

    @Test("a site.yml change re-renders everything")
    func siteConfigChange() throws {
        let site = try TestSite(Fixture.smallSite())
        let result = try rebuild(site) {
            try site.edit("site.yml", replacing: "This guide is for learning only.", with: "This guide is for reading only.")
        }
        #expect(result.rendered == Self.allPages)
        #expect(result.written == Self.allPages)
        try expectSameAsCleanBuild(site)
    }

    @Test("a glossary change re-renders everything")
    func glossaryChange() throws {
        let site = try TestSite(Fixture.smallSite())
        let result = try rebuild(site) {
            try site.write("glossary.yml", "- term: \"Strain\"\n  definition: \"A stretched or torn muscle.\"\n")
        }
        #expect(result.rendered == Self.allPages)
        try expectSameAsCleanBuild(site)
    }

    @Test("deleting an article removes its page and re-renders the pages that listed it")
    func deletedArticle() throws {
        let site = try TestSite(Self.smallSiteWithPelvicTilt())
        let result = try rebuild(site) {
            try site.remove("stretches/pelvic-tilt.md")
        }
        #expect(result.status == .success)
        #expect(result.removed == 1)
        #expect(!site.exists("stretches/pelvic-tilt"))
        // Its section list, knee-to-chest (previous neighbour, related), cat-cow (related), the
        // tag page, the tag index and the home page (article counts).
        #expect(result.rendered == 6)
        try expectSameAsCleanBuild(site)
    }

    @Test("--clean renders and writes every file, and still removes the pages of deleted articles")
    func cleanBuild() throws {
        let site = try TestSite(Self.smallSiteWithPelvicTilt())
        site.build()
        try site.remove("stretches/pelvic-tilt.md")
        let result = site.build(clean: true)
        #expect(result.status == .success)
        #expect(result.rendered == Self.allPages)
        #expect(result.unchanged == 0)
        #expect(result.written == site.snapshot().count)
        #expect(result.removed == 1)
        #expect(!site.exists("stretches/pelvic-tilt"))
        try expectSameAsCleanBuild(site)
    }

    @Test("after a build stopped half-way, with the manifest marked pending, the next build rewrites every file and removes the old ones")
    func pendingManifest() throws {
        let site = try TestSite(Self.smallSiteWithPelvicTilt())
        site.build()
        try site.remove("stretches/pelvic-tilt.md")
        // What a build killed after its first write leaves: the mark, and the old manifest.
        try BuildManifest.markPending(in: site.output.path)
        #expect(BuildManifest.load(from: site.output.path).files.values.allSatisfy { $0.hash.isEmpty && $0.inputs.isEmpty })

        let result = site.build()
        #expect(result.status == .success)
        #expect(result.unchanged == 0)
        #expect(result.written == site.snapshot().count)
        #expect(result.removed == 1)
        #expect(!site.exists(".healthguide/pending"))
        #expect(site.build().written == 0)
        try expectSameAsCleanBuild(site)
    }

    @Test("an image that changes size is copied again and re-renders the page showing it; one redrawn at the same size re-renders none")
    func imageChange() throws {
        let site = try TestSite(Self.smallSiteWithPicture())
        try site.write("images/cat.svg", ImageFixture.svg(width: 320, height: 140))
        let resized = try rebuild(site) {
            try site.write("images/cat.svg", ImageFixture.svg(width: 200, height: 90))
        }
        #expect(resized.rendered == 1)
        #expect(Set(resized.writtenFiles) == ["images/cat.svg", "stretches/cat-cow/index.html"])
        #expect(
            site.page("stretches/cat-cow/index.html")?.contains(
                "<img src=\"../../images/cat.svg\" alt=\"Back rounded up\" width=\"200\" height=\"90\" />") == true)
        try expectSameAsCleanBuild(site)

        let redrawn = try rebuild(site) {
            try site.write("images/cat.svg", ImageFixture.svg(width: 200, height: 90, body: "<path d=\"M0 0H20\"/>"))
        }
        #expect(redrawn.rendered == 0)
        #expect(redrawn.writtenFiles == ["images/cat.svg"])
        #expect(site.page("images/cat.svg")?.contains("M0 0H20") == true)
        try expectSameAsCleanBuild(site)
    }

    // MARK: - Helpers

    /// The small site with a third stretch, to delete.
    private static func smallSiteWithPelvicTilt() -> [String: String] {
        var files = Fixture.smallSite()
        files["stretches/pelvic-tilt.md"] = Fixture.article(title: "Pelvic tilt", body: "Tilt your hips.", tags: ["stretch"], order: 3)
        return files
    }

    /// The small site with a picture on the cat-cow page.
    static func smallSiteWithPicture() -> [String: String] {
        var files = Fixture.smallSite()
        files["stretches/cat-cow.md"] = Fixture.article(
            title: "Cat-cow stretch",
            body: """
                ## How to do it

                1. Kneel on the floor.
                2. Arch your back.

                ![Back rounded up](../images/cat.svg)

                Back to [muscle strain](../causes/muscle-strain.md).
                """, tags: ["lower-back", "stretch"], order: 1)
        return files
    }
}

/// A template edit and how many pages use the template.
struct TemplateEdit: Sendable, CustomTestStringConvertible {
    var file: String
    var find: String
    var replace: String
    var pages: Int

    var testDescription: String { file }
}
