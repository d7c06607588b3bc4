import Foundation
import HealthGuideTestSupport
import Testing

@testable import HealthGuideBase
@testable import HealthGuideContent
@testable import HealthGuideKit

/// Rebuilds after an edit to a block or a site value: exactly the pages that take it in are
/// rendered again, in `build` and in the preview, and the output equals a clean build's.
@Suite("Rebuilds after a block or a value changes")
struct SharedTextRebuildTests {
    /// The block is placed by the home page and one article; the value is used by one article.
    static func site() -> [String: String] {
        var files = SharedBlockTests.siteWithBlock()
        files["site.yml"] = Fixture.siteYML + "\nvalues:\n  advice_line: \"111\"\n"
        files["stretches/knee-to-chest.md"] = files["stretches/knee-to-chest.md"]!.replacingOccurrences(
            of: "Lie on your back.", with: "Lie on your back. Ring [[advice_line]] if it hurts.")
        return files
    }

    private func settledBuild(_ site: TestSite) throws {
        try site.settle()
        let first = site.build()
        try #require(first.status == .success, "\(first.diagnostics)")
    }

    @Test("editing a block renders again only the pages that place it")
    func blockEdit() throws {
        let site = try TestSite(Self.site())
        try settledBuild(site)
        try site.edit("_blocks/signs.md", replacing: "both legs feel weak", with: "both legs suddenly feel weak")
        let result = site.build()
        #expect(result.status == .success)
        #expect(result.rendered == 2)
        #expect(Set(result.writtenFiles).isSuperset(of: ["index.html", "causes/back/index.html"]))
        #expect(site.page("causes/back/index.html")?.contains("both legs suddenly feel weak") == true)
        #expect(try site.differencesFromCleanBuild().isEmpty)
    }

    @Test("editing a value renders again only the pages that use it")
    func valueEdit() throws {
        let site = try TestSite(Self.site())
        try settledBuild(site)
        try site.edit("site.yml", replacing: "advice_line: \"111\"", with: "advice_line: \"811\"")
        let result = site.build()
        #expect(result.status == .success)
        #expect(result.rendered == 1)
        #expect(site.page("stretches/knee-to-chest/index.html")?.contains("Ring 811 if it hurts.") == true)
        #expect(try site.differencesFromCleanBuild().isEmpty)
    }

    @Test("in the preview, a saved block or value renders again the pages that take it in")
    func preview() throws {
        let site = try TestSite(Self.site())
        let builder = SiteBuilder(options: site.options, memory: BuildMemory())
        try #require(builder.build().status == .success)
        try site.edit("_blocks/signs.md", replacing: "both legs feel weak", with: "both legs suddenly feel weak")
        let blockPath = site.content.appendingPathComponent("_blocks/signs.md").standardizedFileURL.path
        let afterBlock = builder.rebuild(changed: [blockPath])
        #expect(afterBlock.status == .success)
        #expect(afterBlock.rendered == 2)
        #expect(try site.differencesFromCleanBuild().isEmpty)
        try site.edit("site.yml", replacing: "advice_line: \"111\"", with: "advice_line: \"811\"")
        let afterValue = builder.rebuild(changed: [site.content.appendingPathComponent("site.yml").standardizedFileURL.path])
        #expect(afterValue.status == .success)
        #expect(afterValue.rendered == 1)
        #expect(try site.differencesFromCleanBuild().isEmpty)
    }

    @Test("an article that places a block, saved in the preview, is rendered again alone with the block in place")
    func previewPageEdit() throws {
        let site = try TestSite(Self.site())
        let builder = SiteBuilder(options: site.options, memory: BuildMemory())
        try #require(builder.build().status == .success)
        try site.edit("causes/back.md", replacing: "And this.", with: "And this too.")
        let result = builder.rebuild(changed: [site.content.appendingPathComponent("causes/back.md").standardizedFileURL.path])
        #expect(result.status == .success)
        #expect(result.isQuick)
        #expect(result.rendered == 1)
        #expect(site.page("causes/back/index.html")?.contains("<li>both legs feel weak or numb</li>") == true)
        #expect(try site.differencesFromCleanBuild().isEmpty)
    }
}

extension SharedTextRebuildTests {
    @Test("in the preview, a page that no longer places a block no longer reports the block's findings")
    func previewDropsBlockFindings() throws {
        let long = Array(repeating: "and it can hurt a lot", count: 6).joined(separator: " ")
        let site = try TestSite(SharedBlockTests.siteWithBlock("It hurts \(long).\n").merging(["index.md": Fixture.home]) { $1 })
        let builder = SiteBuilder(options: site.options, memory: BuildMemory())
        let first = builder.build()
        try #require(first.status == .success)
        #expect(
            first.diagnostics.filter { $0.rule == .longSentence }.map(site.relative) == [
                "Content/_blocks/signs.md:1:1: warning: sentence of 38 words is longer than 25: \"It hurts and it can hurt…\" (in a block used by Content/causes/back.md:11:1) [long-sentence]"
            ])
        try site.edit("causes/back.md", replacing: "<!-- block: signs -->", with: "")
        let result = builder.rebuild(changed: [site.content.appendingPathComponent("causes/back.md").standardizedFileURL.path])
        #expect(result.isQuick)
        #expect(result.diagnostics.filter { $0.rule == .longSentence }.isEmpty)
    }
}
