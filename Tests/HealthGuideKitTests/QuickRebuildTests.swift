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

/// The preview server's rebuild after a save: a save that keeps the site's shape prepares and
/// renders the saved page alone; anything else falls back to a full incremental build. Either
/// way the output must equal a clean build's.
@Suite("Quick rebuilds after a save")
struct QuickRebuildTests {
    /// A site built once by a builder that remembers, as the preview server's does.
    private func served(
        _ files: [String: String] = Fixture.smallSite(), images: [String: String] = [:],
        strict: Bool = false
    ) throws -> (TestSite, SiteBuilder) {
        let site = try TestSite(files)
        for (name, text) in images { try site.write("images/" + name, text) }
        var options = site.options
        options.strict = strict
        let builder = SiteBuilder(options: options, memory: BuildMemory())
        try #require(builder.build().status == .success)
        return (site, builder)
    }

    private func path(_ site: TestSite, _ file: String) -> String {
        site.content.appendingPathComponent(file).standardizedFileURL.path
    }

    @Test("a body edit prepares and renders that page alone, and updates the search index")
    func bodyEdit() throws {
        let (site, builder) = try served()
        try site.edit("stretches/knee-to-chest.md", replacing: "Lie on your back.", with: "Lie flat on your back.")
        let result = builder.rebuild(changed: [path(site, "stretches/knee-to-chest.md")])
        #expect(result.status == .success)
        #expect(result.isQuick)
        #expect(result.prepared == 1)
        #expect(result.rendered == 1)
        #expect(Set(result.writtenFiles) == ["stretches/knee-to-chest/index.html", "search-index.json"])
        #expect(try site.differencesFromCleanBuild().isEmpty)
    }

    @Test("an image saved with a new size is a full incremental build that re-renders the page showing it")
    func imageResized() throws {
        let (site, builder) = try served(
            IncrementalBuildTests.smallSiteWithPicture(), images: ["cat.svg": ImageFixture.svg(width: 320, height: 140)])
        try site.write("images/cat.svg", ImageFixture.svg(width: 160, height: 70))
        let result = builder.rebuild(changed: [path(site, "images/cat.svg")])
        #expect(result.status == .success)
        #expect(!result.isQuick)
        #expect(result.rendered == 1)
        #expect(site.page("stretches/cat-cow/index.html")?.contains("width=\"160\" height=\"70\"") == true)
        #expect(try site.differencesFromCleanBuild().isEmpty)
    }

    @Test("a server started on an up-to-date site still makes its first save quick")
    func startOnBuiltSite() throws {
        let site = try TestSite(Fixture.smallSite())
        try site.settle()
        site.build()
        #expect(site.build().rendered == 0)
        let builder = SiteBuilder(options: site.options, memory: BuildMemory())
        #expect(builder.build().status == .success)
        try site.edit("stretches/knee-to-chest.md", replacing: "Lie on your back.", with: "Lie flat on your back.")
        let result = builder.rebuild(changed: [path(site, "stretches/knee-to-chest.md")])
        #expect(result.isQuick)
        #expect(result.rendered == 1)
    }

    @Test("a new review date is a quick rebuild that also rewrites the sitemap and feed")
    func reviewDate() throws {
        let (site, builder) = try served()
        try site.edit("stretches/knee-to-chest.md", replacing: "reviewed: 2026-11-01", with: "reviewed: 2026-11-20")
        let result = builder.rebuild(changed: [path(site, "stretches/knee-to-chest.md")])
        #expect(result.isQuick)
        #expect(Set(result.writtenFiles).isSuperset(of: ["stretches/knee-to-chest/index.html", "sitemap.xml", "feed.xml"]))
        #expect(try site.differencesFromCleanBuild().isEmpty)
    }

    @Test("a title edit changes the shape, so the rebuild is a full incremental build")
    func titleEdit() throws {
        let (site, builder) = try served()
        try site.edit("stretches/knee-to-chest.md", replacing: "title: \"Knee-to-chest stretch\"", with: "title: \"Knee hug\"")
        let result = builder.rebuild(changed: [path(site, "stretches/knee-to-chest.md")])
        #expect(result.status == .success)
        #expect(!result.isQuick)
        #expect(result.rendered == 5)
        #expect(try site.differencesFromCleanBuild().isEmpty)
    }

    @Test("a file that came and went within the save is ignored; a new file is a full build")
    func otherFiles() throws {
        let (site, builder) = try served()
        try site.edit("stretches/cat-cow.md", replacing: "Kneel on the floor.", with: "Kneel on a mat.")
        let quick = builder.rebuild(changed: [path(site, "stretches/cat-cow.md"), path(site, "stretches/sedX1b2c3")])
        #expect(quick.isQuick)
        try site.write(
            "stretches/side-bend.md", Fixture.article(title: "Side bend", body: "## Steps\n\nBend to the side. See [cat-cow](cat-cow.md)."))
        let full = builder.rebuild(changed: [path(site, "stretches/side-bend.md")])
        #expect(full.status == .success)
        #expect(!full.isQuick)
        #expect(site.exists("stretches/side-bend/index.html"))
        #expect(try site.differencesFromCleanBuild().isEmpty)
    }

    @Test("the findings of other pages stay reported, and a failed save is found again after another save")
    func findingsCarryOver() throws {
        let files = Fixture.smallSiteWithLongSentence()
        let (site, builder) = try served(files)
        try site.edit("stretches/cat-cow.md", replacing: "Kneel on the floor.", with: "Kneel on a mat.")
        let first = builder.rebuild(changed: [path(site, "stretches/cat-cow.md")])
        #expect(first.prepared == 1)
        #expect(
            first.diagnostics.filter { $0.rule == .longSentence }.map(\.file) == [
                "\(SourcePaths.standardized(path(site, "causes/muscle-strain.md")))"
            ])

        // In strict mode the same warning fails the build; saving another page must not hide it.
        let (strictSite, strictBuilder) = try served(Fixture.smallSite(), strict: true)
        try strictSite.edit(
            "stretches/cat-cow.md", replacing: "Kneel on the floor.",
            with: "Kneel, \(Array(repeating: "and then breathe out slowly", count: 6).joined(separator: ", ")).")
        #expect(strictBuilder.rebuild(changed: [path(strictSite, "stretches/cat-cow.md")]).status == .contentErrors)
        try strictSite.edit("stretches/knee-to-chest.md", replacing: "Lie on your back.", with: "Lie flat on your back.")
        let next = strictBuilder.rebuild(changed: [path(strictSite, "stretches/knee-to-chest.md")])
        #expect(next.status == .contentErrors)
        #expect(next.diagnostics.contains { $0.rule == .longSentence })
    }

    @Test("after quick rebuilds and no clean stop, a build without the server's memory gives a clean build's output")
    func commandLineAfterServing() throws {
        let (site, builder) = try served()
        try site.edit("stretches/knee-to-chest.md", replacing: "Lie on your back.", with: "Lie flat on your back.")
        #expect(builder.rebuild(changed: [path(site, "stretches/knee-to-chest.md")]).prepared == 1)
        // The manifest on disk was marked pending, so this build trusts no old file.
        try site.edit("stretches/knee-to-chest.md", replacing: "Lie flat on your back.", with: "Lie on your back.")
        #expect(site.build().status == .success)
        #expect(try site.differencesFromCleanBuild().isEmpty)
    }

    @Test("a server that stops cleanly saves its manifest, and the next build renders nothing")
    func stoppedServer() throws {
        let (site, builder) = try served()
        try site.edit("stretches/knee-to-chest.md", replacing: "Lie on your back.", with: "Lie flat on your back.")
        #expect(builder.rebuild(changed: [path(site, "stretches/knee-to-chest.md")]).prepared == 1)
        builder.saveMemory()
        let next = site.build()
        #expect(next.status == .success)
        #expect(next.rendered == 0)
        #expect(next.written == 0)
        #expect(try site.differencesFromCleanBuild().isEmpty)
    }
}
