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

/// Raw HTML and unsafe addresses in a built site: what the page holds, and each warning at
/// its own line and column.
@Suite("Raw HTML in a build")
struct RawHTMLBuildTests {
    /// The small site with raw HTML allowed and `causes/muscle-strain.md` holding `body`.
    private func site(body: String, settings: String = "allow_raw_html: true\n") throws -> TestSite {
        var files = Fixture.smallSite()
        files["site.yml"] = Fixture.siteYML + "\n" + settings
        files["causes/muscle-strain.md"] = Fixture.article(title: "Muscle strain", body: body)
        return try TestSite(files)
    }

    private func printed(_ result: BuildResult, _ site: TestSite, rules: Set<RuleID>) -> [String] {
        result.diagnostics.filter { rules.contains($0.rule) }
            .map { $0.description.replacingOccurrences(of: site.root.path + "/", with: "") }
    }

    /// The article's body as rendered, between the `prose` wrapper and the sources.
    private func prose(_ site: TestSite) throws -> String {
        let page = try #require(site.page("causes/muscle-strain/index.html"))
        let start = try #require(page.range(of: "<div class=\"prose\">\n"))
        let end = try #require(page.range(of: "\n</div>\n<section class=\"sources\""))
        return String(page[start.upperBound..<end.lowerBound]).trimmingCharacters(in: .newlines)
    }

    @Test("allowed raw HTML is sanitized in blocks, inline and inside lists, each removal a warning at its place")
    func sanitized() throws {
        let site = try site(
            body: """
                Back to [cat-cow](../stretches/cat-cow.md): <a href="javascript:alert(1)" onclick="steal()">link</a>.

                <div class="note">
                  <script>alert(document.cookie)</script>
                <img src="../images/x.png" onerror=alert(1) alt="X">
                </div>

                - item

                  <p onclick=x>in a list
                  <b style="background:url(https://evil.example/)">bold</b></p>
                """)
        let result = site.build()
        #expect(result.status == .success)
        #expect(
            printed(result, site, rules: [.unsafeHTML]) == [
                "Content/causes/muscle-strain.md:10:48: warning: raw HTML attribute 'href' removed from <a>: 'javascript:' addresses "
                    + "are not allowed (only http, https, mailto, tel and relative ones) [unsafe-html]",
                "Content/causes/muscle-strain.md:10:75: warning: raw HTML attribute 'onclick' removed from <a>: event handlers are not allowed [unsafe-html]",
                "Content/causes/muscle-strain.md:13:3: warning: raw HTML <script> removed, with its content [unsafe-html]",
                "Content/causes/muscle-strain.md:14:28: warning: raw HTML attribute 'onerror' removed from <img>: event handlers are not allowed [unsafe-html]",
                "Content/causes/muscle-strain.md:19:6: warning: raw HTML attribute 'onclick' removed from <p>: event handlers are not allowed [unsafe-html]",
                "Content/causes/muscle-strain.md:20:6: warning: raw HTML attribute 'style' removed from <b>: CSS with 'url(' is not allowed [unsafe-html]",
            ])
        #expect(
            try prose(site) == """
                <p>Back to <a href="../../stretches/cat-cow/">cat-cow</a>: <a>link</a>.</p>
                <div class="note">
                 \u{20}
                <img src="../images/x.png" alt="X">
                </div>
                <ul>
                <li>
                <p>item</p>
                <p>in a list
                <b>bold</b></p>
                </li>
                </ul>
                """)
    }

    @Test("raw HTML cannot close the page's own elements, and what it leaves open is closed at the end of the body")
    func balanced() throws {
        let site = try site(
            body: """
                <div class="box"><b>Unclosed

                </div></div></div></main>

                Text <span class="x">open <a href="https://example.org/">link
                """)
        let result = site.build()
        #expect(result.status == .success)
        #expect(
            printed(result, site, rules: [.unsafeHTML]) == [
                "Content/causes/muscle-strain.md:12:7: warning: raw HTML </div> removed: no <div> is open here [unsafe-html]",
                "Content/causes/muscle-strain.md:12:13: warning: raw HTML </div> removed: no <div> is open here [unsafe-html]",
            ])
        #expect(
            try prose(site) == """
                <div class="box"><b>Unclosed
                </div>
                <p>Text <span class="x">open <a href="https://example.org/">link</p>
                </a></span>
                """)
    }

    @Test("without allow_raw_html, raw HTML is left out and said so, as before")
    func notAllowed() throws {
        let site = try site(body: "Text <b onclick=x>bold</b>.", settings: "")
        let result = site.build()
        #expect(
            printed(result, site, rules: [.rawHTML, .unsafeHTML]) == [
                "Content/causes/muscle-strain.md:10:6: warning: raw HTML is left out of the page [raw-html]\n"
                    + "  hint: write it in Markdown, or set 'allow_raw_html: true' in site.yml if you trust every author",
                "Content/causes/muscle-strain.md:10:23: warning: raw HTML is left out of the page [raw-html]\n"
                    + "  hint: write it in Markdown, or set 'allow_raw_html: true' in site.yml if you trust every author",
            ])
        #expect(try prose(site) == "<p>Text <!-- raw HTML omitted -->bold<!-- raw HTML omitted -->.</p>")
    }

    @Test("Markdown links to javascript:, vbscript: and data: are dropped in any case, through entities, tabs and control characters")
    func markdownLinks() throws {
        for settings in ["", "allow_raw_html: true\n"] {
            let site = try site(
                body: """
                    [a](JaVaScRiPt:alert(1)) [b](java&#x73;cript:alert(1)) [c](<java\tscript:alert(1)>)
                    [d](<\u{1}javascript:alert(1)>) [e](vbscript:msgbox(1)) ![f](data:text/html;base64,PHNjcmlwdD4=)
                    [g](https://example.org/) [h](mailto:help@example.org)
                    """, settings: settings)
            let result = site.build()
            #expect(result.status == .success)
            let removed = "link removed: only web, mail and phone links are allowed [unsafe-link]"
            #expect(
                printed(result, site, rules: [.unsafeLink]) == [
                    "Content/causes/muscle-strain.md:10:1: warning: 'javascript:' \(removed)",
                    "Content/causes/muscle-strain.md:10:26: warning: 'javascript:' \(removed)",
                    "Content/causes/muscle-strain.md:10:56: warning: 'javascript:' \(removed)",
                    "Content/causes/muscle-strain.md:11:1: warning: 'javascript:' \(removed)",
                    "Content/causes/muscle-strain.md:11:29: warning: 'vbscript:' \(removed)",
                    "Content/causes/muscle-strain.md:11:53: warning: 'data:' \(removed)",
                ])
            #expect(
                try prose(site) == """
                    <p><a href="">a</a> <a href="">b</a> <a href="">c</a>
                    <a href="">d</a> <a href="">e</a> <img src="" alt="f" />
                    <a href="https://example.org/">g</a> <a href="mailto:help@example.org">h</a></p>
                    """)
        }
    }

    @Test("a source's address that is not a web address is never made a link, even with the sources rule off")
    func sourceAddress() throws {
        var files = Fixture.smallSite()
        files["site.yml"] = Fixture.siteYML + "\nrules:\n  sources: off\n"
        files["causes/muscle-strain.md"] = Fixture.article(title: "Muscle strain", body: "See [cat-cow](../stretches/cat-cow.md).")
            .replacingOccurrences(
                of: "    publisher: \"Test Clinic\"\n",
                with: "    publisher: \"Test Clinic\"\n    url: \"javascript:alert(document.cookie)\"\n")
        let site = try TestSite(files)
        #expect(site.build().status == .success)
        let page = try #require(site.page("causes/muscle-strain/index.html"))
        #expect(page.contains("<li>Back pain, Test Clinic</li>"))
        #expect(!page.contains("javascript"))
    }

    @Test("files in images/ that a browser would run, and Markdown there, are errors and are not copied")
    func runnableMedia() throws {
        var files = Fixture.smallSite()
        files["images/page.html"] = "<script>alert(1)</script>"
        files["images/old.HTM"] = "<p>x</p>"
        files["images/app.js"] = "alert(1)"
        files["images/feed.xml"] = "<x/>"
        files["images/notes.md"] = "# Notes"
        files["images/back.png"] = "png"
        let site = try TestSite(files)
        let result = site.build()
        #expect(result.status == .contentErrors)
        let runnable = "so it is not copied: images/ is for images and other media [unsafe-media]"
        #expect(
            printed(result, site, rules: [.unsafeMedia]) == [
                "Content/images/app.js: error: a browser would run this .js file as a page or script, \(runnable)",
                "Content/images/feed.xml: error: a browser would run this .xml file as a page or script, \(runnable)",
                "Content/images/notes.md: error: Markdown file in images/ is not a page and is not copied: move it to a section folder [unsafe-media]",
                "Content/images/old.HTM: error: a browser would run this .htm file as a page or script, \(runnable)",
                "Content/images/page.html: error: a browser would run this .html file as a page or script, \(runnable)",
            ])
    }
}
