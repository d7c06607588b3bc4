import Foundation
import HealthGuideTestSupport
import Testing

@testable import HealthGuideBase
@testable import HealthGuideContent
@testable import HealthGuideKit
@testable import HealthGuideLinks

/// Sections with topics inside them, three folders deep: the fixture `nested-site` (a toolkit on
/// living with back pain) built into a temporary folder, with assertions on its pages.
///
///     living-well/            _index.md, sleep.md
///       staying-active/       _index.md (order 1), walking.md, swimming.md
///         at-home/            stretching-at-home.md        (no _index.md)
///       eating-well/          healthy-plate.md             (no _index.md)
///     treatments/             (no _index.md)
///       medicines/            _index.md, pain-relief.md
@Suite("Nested sections")
struct NestedSiteTests {
    private func builtSite(_ changes: [String: String?] = [:]) throws -> (TestSite, BuildResult) {
        var files = try Fixture.folder("nested-site")
        for (path, text) in changes { files[path] = text }
        let site = try TestSite(files.compactMapValues { $0 })
        return (site, site.build(strict: true))
    }

    /// The text between the first `start` and the `end` after it.
    private func excerpt(_ page: String?, from start: String, to end: String) -> String? {
        guard let page, let from = page.range(of: start), let to = page[from.upperBound...].range(of: end) else { return nil }
        return String(page[from.lowerBound..<to.upperBound])
    }

    @Test("every folder gets a landing page, from its _index.md or generated, with breadcrumbs through every level")
    func landingPagesAndBreadcrumbs() throws {
        let (site, result) = try builtSite()
        #expect(result.status == .success, "\(result.diagnostics)")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        for folder in [
            "living-well", "living-well/staying-active", "living-well/staying-active/at-home", "living-well/eating-well",
            "treatments", "treatments/medicines",
        ] {
            #expect(site.exists(folder + "/index.html"), "\(folder)")
        }
        let crumbs = excerpt(
            site.page("living-well/staying-active/at-home/stretching-at-home/index.html"), from: "<nav class=\"breadcrumbs\"",
            to: "</nav>")
        #expect(
            crumbs == """
                <nav class="breadcrumbs" aria-label="Breadcrumb">
                <ol>
                <li><a href="../../../../">Home</a></li>
                <li><a href="../../../">Living well</a></li>
                <li><a href="../../">Staying active</a></li>
                <li><a href="../">At home</a></li>
                <li class="breadcrumbs__current" aria-current="page">Stretching at home</li>
                </ol>
                </nav>
                """)
        let topicCrumbs = excerpt(site.page("living-well/staying-active/index.html"), from: "<ol>", to: "</ol>")
        #expect(
            topicCrumbs == """
                <ol>
                <li><a href="../../">Home</a></li>
                <li><a href="../">Living well</a></li>
                <li class="breadcrumbs__current" aria-current="page">Staying active</li>
                </ol>
                """)
    }

    @Test("a landing page lists its topics in order (order, then title) and then its own articles")
    func landingPageLists() throws {
        let (site, _) = try builtSite()
        let section = excerpt(site.page("living-well/index.html"), from: "<h1>", to: "</main>")
        #expect(
            section == """
                <h1>Living well</h1>
                <p class="lead">Small changes that help you live well with back pain.</p>
                <div class="prose"><p>Each topic below has a few short pages. Pick one to start.</p>
                </div>
                <h2>Topics in this section</h2>
                <ul class="article-list topic-list">
                <li><a href="staying-active/">Staying active</a><p>Ways to keep moving that are kind to your back.</p></li>
                <li><a href="eating-well/">Eating well</a></li>
                </ul>
                <h2>More pages</h2>
                <ul class="article-list">
                <li><a href="sleep/">Sleep</a><p>How to sleep well when your back hurts.</p></li>
                </ul>

                </main>
                """)
        // A generated section page lists the topic below it; the home page counts every article below a section.
        #expect(site.page("treatments/index.html")?.contains(#"<li><a href="medicines/">Medicines</a><p>Medicines that can ease"#) == true)
        #expect(site.page("index.html")?.contains("Living well") == true)
    }

    @Test("previous and next stay within a topic; links and related pages resolve between levels")
    func neighboursAndLinks() throws {
        let (site, result) = try builtSite()
        try #require(result.status == .success, "\(result.diagnostics)")
        let walking = try #require(site.page("living-well/staying-active/walking/index.html"))
        #expect(walking.contains(#"<a class="pagination__next" href="../swimming/" rel="next">"#))
        #expect(!walking.contains("pagination__previous"))
        #expect(walking.contains(#"<nav class="pagination" aria-label="More in Staying active">"#))
        for link in [
            #"href="../swimming/">swimming</a>"#, #"href="../at-home/stretching-at-home/">stretches at home</a>"#,
            #"href="../../eating-well/healthy-plate/">a healthy plate</a>"#,
            #"href="../../../treatments/medicines/pain-relief/">pain relief</a>"#,
        ] {
            #expect(walking.contains(link), "\(link)")
        }
        // `related:` by a nested path.
        #expect(walking.contains(#"<li><a href="../swimming/">Swimming</a></li>"#))
        let sleep = try #require(site.page("living-well/sleep/index.html"))
        #expect(!sleep.contains("pagination"), "the only article directly in its folder")
    }

    @Test("a broken link and a broken related path between levels are reported with a did-you-mean")
    func brokenNestedLinks() throws {
        var files = try Fixture.folder("nested-site")
        let walking = try #require(files["living-well/staying-active/walking.md"])
        files["living-well/staying-active/walking.md"] =
            walking
            .replacingOccurrences(of: "(at-home/stretching-at-home.md)", with: "(at-home/streching-at-home.md)")
            .replacingOccurrences(
                of: "related: [living-well/staying-active/swimming]", with: "related: [living-well/staying-active/swiming]")
        let site = try TestSite(files)
        let result = site.build()
        #expect(result.status == .contentErrors)
        #expect(
            result.diagnostics.filter { $0.rule == .brokenLink }.map(site.relative).sorted() == [
                "Content/living-well/staying-active/walking.md:11:11: error: related article 'living-well/staying-active/swiming' not found (did you mean 'living-well/staying-active/swimming'?) [broken-link]",
                "Content/living-well/staying-active/walking.md:20:46: error: broken link 'at-home/streching-at-home.md' (did you mean 'at-home/stretching-at-home.md'?) [broken-link]",
            ])
    }

    @Test("a link to the _index.md of a folder without one reaches its generated landing page")
    func linkToGeneratedLandingPage() throws {
        let sleep = try #require(try Fixture.folder("nested-site")["living-well/sleep.md"])
        let (site, result) = try builtSite([
            "living-well/sleep.md": sleep
                + "\nSee [eating well](eating-well/_index.md) and [home moves](staying-active/at-home/_index.md).\n"
        ])
        #expect(result.status == .success, "\(result.diagnostics)")
        let page = try #require(site.page("living-well/sleep/index.html"))
        #expect(page.contains(#"<a href="../eating-well/">eating well</a>"#))
        #expect(page.contains(#"<a href="../staying-active/at-home/">home moves</a>"#))

        let (broken, failed) = try builtSite([
            "living-well/sleep.md": sleep + "\nSee [eating well](eating-well/_index.md#fruit) and [drinks](drinking-well/_index.md).\n"
        ])
        #expect(
            failed.diagnostics.map(broken.relative).sorted() == [
                "Content/living-well/sleep.md:21:52: error: broken link 'drinking-well/_index.md' (did you mean 'staying-active/_index.md'?) [broken-link]",
                "Content/living-well/sleep.md:21:5: error: no heading '#fruit' in 'living-well/eating-well/_index.md': the page is made from the folder's lists [broken-anchor]",
            ])
    }

    @Test("the sitemap, the feed, the search index and the structured data know every level")
    func machineReadableFiles() throws {
        let (site, _) = try builtSite()
        let sitemap = try #require(site.page("sitemap.xml"))
        for url in ["living-well/staying-active/at-home/", "treatments/medicines/", "living-well/staying-active/walking/"] {
            #expect(sitemap.contains("<loc>https://toolkit.example.org/\(url)</loc>"), "\(url)")
        }
        #expect(
            site.page("feed.xml")?.contains(#"<category term="living-well/staying-active" label="Living well › Staying active"/>"#)
                == true)
        let index = try #require(site.page("search-index.json"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(index.utf8)) as? [String: Any])
        let trails = try #require(object["f"] as? [String: String])
        #expect(trails["living-well/staying-active/at-home/"] == "Living well › Staying active › At home")
        let walking = try #require(site.page("living-well/staying-active/walking/index.html"))
        #expect(
            walking.contains(
                #""isPartOf":{"@type":"CollectionPage","name":"Staying active","url":"https://toolkit.example.org/living-well/staying-active/"}"#
            ))
        #expect(
            walking.contains(
                #"{"@type":"ListItem","position":3,"name":"Staying active","item":"https://toolkit.example.org/living-well/staying-active/"},{"@type":"ListItem","position":4,"name":"Walking""#
            ))
        let topic = try #require(site.page("living-well/staying-active/index.html"))
        #expect(topic.contains(#""@type":"CollectionPage","name":"Staying active""#))
        #expect(
            topic.contains(#""isPartOf":{"@type":"CollectionPage","name":"Living well","url":"https://toolkit.example.org/living-well/"}"#))
    }

    @Test("the orphan rule sees articles in topics, and a link from a topic's _index.md counts")
    func orphansInTopics() throws {
        var files = try Fixture.folder("nested-site")
        files["living-well/staying-active/cycling.md"] = Fixture.article(title: "Cycling", body: "Ride a bike on flat ground.")
        files["treatments/medicines/heat-rubs.md"] = Fixture.article(title: "Heat rubs", body: "Rub it on the sore place.")
        files["treatments/medicines/_index.md"]! += "\nSome people try [heat rubs](heat-rubs.md).\n"
        let site = try TestSite(files)
        #expect(
            site.findings(.orphan) == [
                "Content/living-well/staying-active/cycling.md:2:1: warning: no other page links to this article [orphan]"
            ])
    }

    @Test("topic _index.md may give its place; a section's comes from site.yml")
    func landingFrontMatter() throws {
        let (_, result) = try builtSite(["living-well/_index.md": "---\ntitle: \"Living well\"\norder: 2\n---\n\nText.\n"])
        #expect(
            result.diagnostics.map { $0.description.components(separatedBy: "/Content/").last ?? "" } == [
                "living-well/_index.md:3:1: error: unknown field 'order' in front matter [unknown-field]\n  hint: allowed fields: title, summary"
            ])
    }

    @Test("pages sit four folders deep by default; a lower limit in site.yml refuses deeper ones with their depth")
    func depthLimit() throws {
        var files = try Fixture.folder("nested-site")
        files["living-well/staying-active/at-home/evening/wind-down.md"] = Fixture.article(title: "Wind down", body: "Dim the lights.")
        files["living-well/staying-active/at-home/stretching-at-home.md"]! += "\nThen [wind down](evening/wind-down.md).\n"
        let fourDeep = try TestSite(files)
        #expect(fourDeep.build(strict: true).status == .success)
        #expect(fourDeep.exists("living-well/staying-active/at-home/evening/wind-down/index.html"))

        files["site.yml"]! += "limits:\n  folder_depth: 3\n"
        let limited = try TestSite(files)
        let result = limited.build()
        #expect(result.status == .contentErrors)
        #expect(
            result.diagnostics.filter { $0.rule == .misplacedFile }.map(limited.relative) == [
                "Content/living-well/staying-active/at-home/evening/wind-down.md: error: nested 4 folders deep: pages sit at most 3 folders deep [misplaced-file]"
            ])
    }
}
