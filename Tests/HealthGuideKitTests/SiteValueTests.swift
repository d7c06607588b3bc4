import Foundation
import HealthGuideTestSupport
import Testing

@testable import HealthGuideBase
@testable import HealthGuideContent
@testable import HealthGuideKit
@testable import HealthGuideMarkdown

/// `[[name]]` in bodies, front matter and `site.yml`'s texts. Bodies of `Fixture.article`
/// start on line 10 of the file.
@Suite("Site values")
struct SiteValueTests {
    /// The small site whose `site.yml` has `values:` and texts that use them.
    static func siteWithValues(_ values: String = "  advice_line: \"111\"\n  pharmacy: \"a pharmacist <or> a nurse & more\"")
        -> [String: String]
    {
        var files = Fixture.smallSite()
        files["site.yml"] = Fixture.siteYML.replacingOccurrences(
            of: "disclaimer: \"This guide is for learning only. See a doctor about your own health.\"",
            with: "disclaimer: \"For learning only. In an emergency, call [[emergency_number]].\"\nvalues:\n" + values
        )
        .replacingOccurrences(of: "description: \"Gentle moves.\"", with: "description: \"Gentle moves. Ask [[pharmacy]].\"")
        return files
    }

    @Test("a value in a body, a care card, a title and a summary is put in and escaped for HTML")
    func inBody() throws {
        var files = Self.siteWithValues()
        files["causes/calls.md"] = Fixture.article(
            title: "Call [[emergency_number]] or [[advice_line]]",
            body: """
                Ask [[pharmacy]] about [[title]].

                > [!URGENT]
                > - you cannot reach [[advice_line]] and the pain is **[[emergency_number]]-level** bad
                """)
        files["causes/calls.md"] = files["causes/calls.md"]!.replacingOccurrences(
            of: "summary: \"About call [[emergency_number]] or [[advice_line]].\"", with: "summary: \"Dial [[advice_line]].\"")
        let site = try TestSite(files)
        let result = site.build()
        #expect(result.status == .success, "\(result.diagnostics)")
        let page = try #require(site.page("causes/calls/index.html"))
        #expect(page.contains("<p>Ask a pharmacist &lt;or&gt; a nurse &amp; more about Test Guide.</p>"))
        #expect(page.contains("<li>you cannot reach 111 and the pain is <strong>911-level</strong> bad</li>"))
        #expect(page.contains("<title>Call 911 or 111"))
        #expect(page.contains("<meta name=\"description\" content=\"Dial 111.\""))
        #expect(!page.contains("[["))
    }

    @Test("a value in a code span or a code block is left as written")
    func codeLeftAlone() throws {
        var files = Fixture.smallSite()
        files["causes/code.md"] = Fixture.article(
            title: "Code",
            body: """
                Write `[[emergency_number]]` to show the number.

                ```
                call [[emergency_number]]
                ```
                """)
        let site = try TestSite(files)
        #expect(site.build().status == .success)
        let page = try #require(site.page("causes/code/index.html"))
        #expect(page.contains("<code>[[emergency_number]]</code>"))
        #expect(page.contains("<pre><code>call [[emergency_number]]\n</code></pre>"))
    }

    @Test("site.yml's disclaimer and section descriptions take values, on every page that shows them")
    func inSettings() throws {
        let site = try TestSite(Self.siteWithValues())
        #expect(site.build().status == .success)
        for page in ["index.html", "causes/muscle-strain/index.html", "glossary/index.html"] {
            #expect(site.page(page)?.contains("For learning only. In an emergency, call 911.") == true, "\(page)")
        }
        #expect(site.page("stretches/index.html")?.contains("Gentle moves. Ask a pharmacist &lt;or&gt; a nurse &amp; more.") == true)
    }

    @Test("an unknown name in a body is an error at its line and column, with the nearest name")
    func unknownInBody() throws {
        var files = Self.siteWithValues()
        files["causes/typo.md"] = Fixture.article(title: "Typo", body: "Call [[emergancy_number]] now.\n\nOr [[nothing_like_it]].")
        let site = try TestSite(files)
        #expect(
            site.findings(.unknownValue) == [
                "Content/causes/typo.md:10:6: error: unknown site value '[[emergancy_number]]' (did you mean '[[emergency_number]]'?) [unknown-value]",
                "Content/causes/typo.md:12:4: error: unknown site value '[[nothing_like_it]]' [unknown-value]",
            ])
        #expect(site.build().status == .contentErrors)
    }

    @Test("an unknown name in the title, the summary or site.yml is an error at that field's line")
    func unknownInFields() throws {
        var files = Self.siteWithValues()
        files["site.yml"] = files["site.yml"]!.replacingOccurrences(of: "call [[emergency_number]]", with: "call [[emergency_numbr]]")
        files["causes/typo.md"] = Fixture.article(title: "Ring [[advise_line]]", body: "Text.")
            .replacingOccurrences(of: "summary: \"About ring [[advise_line]].\"", with: "summary: \"Ask [[farmacy]].\"")
        let site = try TestSite(files)
        #expect(
            site.findings(.unknownValue) == [
                "Content/causes/typo.md:2:1: error: unknown site value '[[advise_line]]' (did you mean '[[advice_line]]'?) [unknown-value]",
                "Content/causes/typo.md:3:1: error: unknown site value '[[farmacy]]' (did you mean '[[pharmacy]]'?) [unknown-value]",
                "Content/site.yml:14:13: error: unknown site value '[[emergency_numbr]]' (did you mean '[[emergency_number]]'?) [unknown-value]",
            ])
    }

    @Test("a value may not take a site setting's name or be named with other characters")
    func badNames() throws {
        let site = try TestSite(Self.siteWithValues("  title: \"Other\"\n  \"advice line\": \"111\""))
        #expect(
            site.findings(.invalidValue) == [
                "Content/site.yml:16:3: error: value name 'title' is a site setting already: write [[title]] without listing it under 'values' [invalid-value]",
                "Content/site.yml:17:3: error: value name 'advice line' must be made of letters, digits, '_' and '-' [invalid-value]",
            ])
    }

    @Test("the rules read the text with its values in place")
    func rulesSeeValues() throws {
        let long = Array(repeating: "and then it can hurt a lot", count: 5).joined(separator: " ")
        var files = Self.siteWithValues("  long_phrase: \"\(long)\"")
        files["causes/long.md"] = Fixture.article(title: "Long", body: "It hurts [[long_phrase]].")
        let site = try TestSite(files)
        #expect(
            site.findings(.longSentence) == [
                "Content/causes/long.md:10:1: warning: sentence of 37 words is longer than 25: \"It hurts and then it can…\" [long-sentence]"
            ])
    }
}

/// The guide itself writes its emergency number once, in `site.yml`.
@Suite("The guide's emergency number")
struct GuideEmergencyNumberTests {
    @Test("built with emergency_number 999, no page of the guide shows 911")
    func noOtherNumber() throws {
        let site = try TestSite([:])
        try FileManager.default.copyItem(at: TestSite.repository.appendingPathComponent("Content"), to: site.content)
        try site.edit("site.yml", replacing: "emergency_number: \"911\"", with: "emergency_number: \"999\"")
        // Judged as of today, as the guide is built.
        var options = site.options
        options.today = .today
        options.strict = true
        let result = SiteBuilder(options: options).build()
        #expect(result.status == .success, "\(result.diagnostics)")
        // 911 as a number of its own, not the tail of a longer one (a source's address ends in 20369911).
        let number = try Regex("(^|[^0-9])911($|[^0-9])")
        let showing = site.snapshot().filter { path, data in
            !path.hasSuffix(".svg") && String(decoding: data, as: UTF8.self).contains(number)
        }
        #expect(showing.keys.sorted() == [])
        #expect(site.page("warning-signs/chest-pain/index.html")?.contains("Call 999 if you have any of these") == true)
        #expect(site.page("index.html")?.contains("In an emergency, call 999.") == true)
    }
}

@Suite("Finding a marker in a body")
struct MarkerSearchTests {
    @Test("the byte search finds '[[' and '<!--' exactly where a String search does")
    func agreesWithStringSearch() {
        let texts = [
            "", "[", "[[", "a[[", "a[", "[a[", "<!-", "<!--", "x<!-x<!--", "é[[é", "ñ<!", "[[[", "<<!--", "plain text with no markers",
            String(repeating: "[a", count: 500) + "[", String(repeating: "[a", count: 500) + "[[",
        ]
        for text in texts {
            #expect(PageAssembly.holds("[[", in: text) == text.contains("[["), "\(text)")
            #expect(PageAssembly.holds("<!--", in: text) == text.contains("<!--"), "\(text)")
        }
    }
}
