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

@Suite("Building a fixture site")
struct BuildTests {
    @Test("a valid site builds every page with pretty URLs")
    func buildsEveryPage() throws {
        let site = try TestSite(Fixture.smallSite())
        let result = site.build()
        #expect(result.status == .success, "\(result.diagnostics)")
        for path in [
            "index.html", "causes/index.html", "stretches/index.html", "causes/muscle-strain/index.html",
            "stretches/cat-cow/index.html", "stretches/knee-to-chest/index.html", "glossary/index.html",
            "search/index.html", "404.html", "sitemap.xml", "feed.xml", "robots.txt", "search-index.json",
            "tags/stretch/index.html", "tags/index.html",
        ] {
            #expect(site.exists(path), "missing \(path)")
        }
    }

    @Test("internal links are rewritten to the target's URL, relative to the page")
    func rewritesLinks() throws {
        let site = try TestSite(Fixture.smallSite())
        site.build()
        let strain = try #require(site.page("causes/muscle-strain/index.html"))
        #expect(strain.contains(#"<a href="../../stretches/cat-cow/#how-to-do-it">cat-cow stretch</a>"#))
        #expect(strain.contains(#"<a href="../../stretches/knee-to-chest/">knee to chest</a>"#))
        let home = try #require(site.page("index.html"))
        #expect(home.contains(#"<a href="causes/muscle-strain/">muscle strain</a>"#))
        let knee = try #require(site.page("stretches/knee-to-chest/index.html"))
        #expect(knee.contains(#"<a href="../../causes/muscle-strain/">strain</a>"#))
    }

    @Test("headings get GitHub-style ids and a table of contents")
    func headingIDs() throws {
        let site = try TestSite(Fixture.smallSite())
        site.build()
        let strain = try #require(site.page("causes/muscle-strain/index.html"))
        #expect(strain.contains(#"<h2 id="what-it-feels-like">"#))
        #expect(strain.contains(##"<li><a href="#what-to-do">What to do</a></li>"##))
    }

    @Test("article pages show backlinks, related pages, previous/next and review dates")
    func articleNavigation() throws {
        let site = try TestSite(Fixture.smallSite())
        site.build()
        let catCow = try #require(site.page("stretches/cat-cow/index.html"))
        let backlinks = try #require(catCow.components(separatedBy: "Pages that link here").last)
        #expect(backlinks.contains(#"<a href="../../causes/muscle-strain/">Muscle strain</a>"#))
        #expect(catCow.contains(#"rel="next"><span class="pagination__label">Next</span> Knee-to-chest stretch</a>"#))
        #expect(catCow.contains("Page last reviewed: <time datetime=\"2026-11-01\">1 November 2026</time>"))
        #expect(catCow.contains("Next review due: <time datetime=\"2027-11-01\">1 November 2027</time>"))
        let related = try #require(
            catCow.components(separatedBy: "id=\"related-heading\"").last?.components(separatedBy: "</section>").first)
        #expect(related.contains("Muscle strain"))
        #expect(related.contains("Knee-to-chest stretch"))
        #expect(catCow.contains("This guide is for learning only."))
    }

    @Test("section pages list their articles by order, then title")
    func sectionOrder() throws {
        let site = try TestSite(Fixture.smallSite())
        site.build()
        let section = try #require(site.page("stretches/index.html"))
        let catCow = try #require(section.range(of: "Cat-cow stretch"))
        let knee = try #require(section.range(of: "Knee-to-chest stretch"))
        #expect(catCow.lowerBound < knee.lowerBound)
    }

    @Test("two builds of the same input give byte-identical output")
    func deterministic() throws {
        let first = try TestSite(Fixture.smallSite())
        let second = try TestSite(Fixture.smallSite())
        first.build()
        second.build()
        let a = first.snapshot(), b = second.snapshot()
        #expect(a.keys.sorted() == b.keys.sorted())
        for (path, data) in a {
            #expect(b[path] == data, "\(path) differs")
        }
    }

    @Test("a second build with nothing changed writes nothing")
    func noChangeRebuild() throws {
        let site = try TestSite(Fixture.smallSite())
        let first = site.build()
        let second = site.build()
        #expect(first.written > 0)
        #expect(second.written == 0)
        #expect(second.rendered == 0)
        #expect(second.unchanged == first.written)
    }

    @Test("the pages of a deleted article are removed, and files the build did not write survive")
    func removesStalePages() throws {
        let site = try TestSite(Fixture.smallSite())
        site.build()
        try Data("guide.example.org".utf8).write(to: site.output.appendingPathComponent("CNAME"))
        try site.write("stretches/child-pose.md", Fixture.article(title: "Child pose", body: "Kneel."))
        site.build()
        #expect(site.exists("stretches/child-pose/index.html"))
        try site.remove("stretches/child-pose.md")
        let result = site.build()
        #expect(result.status == .success)
        #expect(result.removed == 1)
        #expect(!site.exists("stretches/child-pose/index.html"))
        #expect(!site.exists("stretches/child-pose"))
        #expect(site.page("CNAME") == "guide.example.org")
    }

    @Test("care cards get their level's heading, action and hidden prefix")
    func careCards() throws {
        var files = Fixture.smallSite()
        files["causes/muscle-strain.md"] = Fixture.article(
            title: "Muscle strain",
            body: """
                ## When to get help

                > [!EMERGENCY]
                > - you cannot feel your legs

                > [!NON-URGENT]
                > - it lasts more than 6 weeks

                > [!TIP]
                > Drink water.
                """)
        let site = try TestSite(files)
        site.build()
        let page = try #require(site.page("causes/muscle-strain/index.html"))
        #expect(
            page.contains(
                #"<div class="care-card care-card--emergency"><h3 class="care-card__heading"><span class="visually-hidden">Immediate action required: </span>Call 911 or go to the emergency department if:</h3>"#
            ))
        #expect(page.contains(#"<span class="visually-hidden">Non-urgent advice: </span>See a doctor if:</h3>"#))
        #expect(
            page.contains(
                #"<div class="callout callout--tip"><p class="callout__label"><strong>Tip</strong></p><div class="callout__content">"#))
        #expect(!page.contains("[!EMERGENCY]"))
        #expect(page.contains("<li>you cannot feel your legs</li>"))
    }

    @Test("raw HTML and javascript: links are dropped unless the site allows raw HTML")
    func safeMode() throws {
        var files = Fixture.smallSite()
        files["causes/muscle-strain.md"] = Fixture.article(
            title: "Muscle strain",
            body: """
                <script>alert(1)</script>

                A [bad link](javascript:alert(1)) and <b>bold</b>.
                """)
        let site = try TestSite(files)
        let result = site.build()
        let page = try #require(site.page("causes/muscle-strain/index.html"))
        #expect(!page.contains("<script>alert"))
        #expect(!page.contains("javascript:"))
        #expect(!page.contains("<b>bold</b>"))
        #expect(result.diagnostics.contains { $0.rule == .rawHTML })
        #expect(result.diagnostics.contains { $0.rule == .unsafeLink })
    }

    @Test("glossary terms link to the glossary on first use, with the definition")
    func glossaryTerms() throws {
        var files = Fixture.smallSite()
        files["glossary.yml"] = """
            - term: "Strain"
              definition: "A stretched or torn muscle."
            """
        let site = try TestSite(files)
        site.build()
        let page = try #require(site.page("stretches/knee-to-chest/index.html"))
        #expect(
            page.contains(#"<span class="term"><a class="term__link" href="../../glossary/#term-strain">"#) == false,
            "link text is not glossed")
        let strain = try #require(site.page("causes/muscle-strain/index.html"))
        #expect(
            strain.contains(
                #"A <span class="term"><a class="term__link" href="../../glossary/#term-strain">strain</a><span class="term__tip" role="tooltip">A stretched or torn muscle.</span></span> hurts."#
            ))
        let glossary = try #require(site.page("glossary/index.html"))
        #expect(glossary.contains(#"id="term-strain""#))
    }

    @Test("a title with markup is escaped in HTML and inside the JSON-LD script")
    func escaping() throws {
        var files = Fixture.smallSite()
        files["causes/muscle-strain.md"] = Fixture.article(title: "</script><script>alert(1)</script>", body: "Text.")
        let site = try TestSite(files)
        site.build()
        let page = try #require(site.page("causes/muscle-strain/index.html"))
        #expect(!page.contains("<script>alert(1)"))
        #expect(page.contains("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(page.contains(#"\u003c/script\u003e\u003cscript\u003ealert(1)\u003c/script\u003e"#))
    }

    @Test("a build that finds every input unchanged repeats the last build's warnings and restores deleted output")
    func unchangedInputs() throws {
        var files = Fixture.smallSite()
        files["causes/notes.txt"] = "notes"
        let site = try TestSite(files)
        let first = site.build()
        let second = site.build()
        #expect(second.diagnostics == first.diagnostics)
        #expect(second.diagnostics.contains { $0.rule == .ignoredFile })
        #expect(second.written == 0 && second.unchanged == first.written)
        #expect(site.build(strict: true).status == .contentErrors, "replayed warnings still fail a strict build")
        try FileManager.default.removeItem(at: site.output.appendingPathComponent("stretches/cat-cow/index.html"))
        let restored = site.build()
        #expect(restored.written == 1)
        #expect(site.exists("stretches/cat-cow/index.html"))
    }

    @Test("the search index lists each word of three letters or more once, in lower case, in the order first seen")
    func searchIndexWords() throws {
        var files = Fixture.smallSite()
        files["stretches/knee-to-chest.md"] = Fixture.article(
            title: "Knee-to-chest stretch",
            body: """
                ## How to do it

                Lie on your back. Read about [strain](../causes/muscle-strain.md).

                LIE still, lie Über über ÜBER and ice it, Ice.
                """, tags: ["stretch"], order: 2)
        let site = try TestSite(files)
        site.build()
        let index = try #require(site.page("search-index.json"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(index.utf8)) as? [String: Any])
        let entries = try #require(object["p"] as? [[String: String]])
        #expect(object["f"] as? [String: String] == ["causes/": "Causes", "stretches/": "Stretches"])
        let entry = try #require(entries.first { $0["u"] == "stretches/knee-to-chest/" })
        #expect(entry["w"] == "how lie your back read about strain still über and ice")
    }

    @Test("a page whose own text looks like a link gap of a body rendered early is rendered from its Markdown, links right")
    func textLikeALinkGap() throws {
        var files = Fixture.smallSite()
        files["stretches/knee-to-chest.md"] = Fixture.article(
            title: "Knee-to-chest stretch",
            body: """
                ## How to do it

                Lie on your back. Read about [strain](../causes/muscle-strain.md "healthguide-link-gap-0").
                """, tags: ["stretch"], order: 2)
        let site = try TestSite(files)
        let result = site.build()
        #expect(result.status == .success, "\(result.diagnostics)")
        let knee = try #require(site.page("stretches/knee-to-chest/index.html"))
        #expect(knee.contains(#"<a href="../../causes/muscle-strain/" title="healthguide-link-gap-0">strain</a>"#))
    }
}
