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

/// The catalogue of bad inputs: each gets its exact diagnostic and status, never a crash,
/// and nothing is written when the content has errors.
@Suite("Bad input")
struct BadInputTests {
    /// Builds `files` over the small valid site and returns the status and the diagnostics
    /// as printed, with the temporary folder taken out of the paths.
    /// New fixture articles are linked from nowhere; the orphan rule is off so that the
    /// diagnostics under test stand alone.
    private func build(_ changes: [String: String], removing: [String] = []) throws -> (BuildStatus, [String], TestSite) {
        var files = Fixture.smallSite()
        files["site.yml"] = Fixture.siteYML + "\nrules:\n  orphan: off\n"
        for (path, text) in changes { files[path] = text }
        for path in removing { files[path] = nil }
        let site = try TestSite(files)
        let result = site.build()
        return (result.status, printed(result, site), site)
    }

    /// The content rules (readability, sources…) have their own tests; these fixtures are
    /// about reading and linking files, so only those diagnostics are compared.
    private func printed(_ result: BuildResult, _ site: TestSite) -> [String] {
        let contentRules = Set(RuleEngine.standardRules.map(\.id))
        return result.diagnostics
            .filter { !contentRules.contains($0.rule) }
            .map { $0.description.replacingOccurrences(of: site.root.path + "/", with: "") }
    }

    @Test("an empty article")
    func emptyFile() throws {
        let (status, lines, site) = try build(["causes/empty.md": ""])
        #expect(status == .contentErrors)
        #expect(lines == ["Content/causes/empty.md:1:1: error: file is empty: an article needs front matter and a body [empty-file]"])
        #expect(!site.exists("index.html"), "nothing is written when the content has errors")
    }

    @Test("an article without front matter")
    func noFrontMatter() throws {
        let (status, lines, _) = try build(["causes/plain.md": "Just text.\n"])
        #expect(status == .contentErrors)
        #expect(
            lines == [
                "Content/causes/plain.md:1:1: error: missing front matter: the file must start with a '---' line, then title, summary, reviewed, sources, then '---' [missing-front-matter]"
            ])
    }

    @Test("front matter that is never closed")
    func unterminated() throws {
        let (_, lines, _) = try build(["causes/open.md": "---\ntitle: \"Open\"\nsummary: \"s\"\n\nBody text.\n"])
        #expect(
            lines == [
                "Content/causes/open.md:1:1: error: front matter is not closed: add a '---' line after the last field [unterminated-front-matter]"
            ])
    }

    @Test("a YAML syntax error points into the file")
    func yamlSyntax() throws {
        let (_, lines, _) = try build(["causes/bad-yaml.md": "---\ntitle: \"x\"\nsummary: [\n---\nbody\n"])
        #expect(lines == ["Content/causes/bad-yaml.md:4:1: error: YAML syntax error: did not find expected node content [yaml-syntax]"])
    }

    @Test("wrong value types, an impossible date, an unknown field and a bad tag, all in one run")
    func wrongTypes() throws {
        let text = """
            ---
            title: [a, b]
            summary: "Fine."
            reviewed: 2026-02-30
            sources: "Mayo Clinic"
            order: first
            draft: maybe
            tags: [Lower Back]
            titel: "typo"
            ---

            Body.
            """
        let (status, lines, _) = try build(["causes/types.md": text])
        #expect(status == .contentErrors)
        #expect(
            lines == [
                "Content/causes/types.md:2:8: error: 'title' must be text [wrong-type]",
                "Content/causes/types.md:4:11: error: 'reviewed' is not a real date: 2026-02-30 [invalid-date]",
                "Content/causes/types.md:5:10: error: 'sources' must be a list [wrong-type]",
                "Content/causes/types.md:6:8: error: 'order' must be a whole number [wrong-type]",
                "Content/causes/types.md:7:8: error: 'draft' must be true or false, not 'maybe' [wrong-type]",
                "Content/causes/types.md:8:8: error: tag 'Lower Back' must use lower-case ASCII letters (a-z), digits and hyphens (try 'lower-back') [invalid-tag]",
                "Content/causes/types.md:9:1: error: unknown field 'titel' in front matter (did you mean 'title'?) [unknown-field]\n  hint: allowed fields: title, summary, reviewed, reviewer, sources, tags, related, order, draft",
            ])
    }

    @Test("YAML's null is not text, but the quoted word is")
    func nullIsNotText() throws {
        let text = """
            ---
            title:
            summary: ~
            reviewed: 2026-01-10
            reviewer: Null
            sources:
              - title: "null"
                publisher: NULL
            ---

            Body.
            """
        let (_, lines, _) = try build(["causes/nulls.md": text])
        #expect(
            lines == [
                "Content/causes/nulls.md:2:7: error: 'title' must be text [wrong-type]",
                "Content/causes/nulls.md:3:10: error: 'summary' must be text [wrong-type]",
                "Content/causes/nulls.md:5:11: error: 'reviewer' must be text [wrong-type]",
                "Content/causes/nulls.md:8:16: error: 'sources.publisher' must be text [wrong-type]",
            ])
    }

    @Test("a date that is not a date")
    func notADate() throws {
        let (_, lines, _) = try build(["causes/date.md": Fixture.article(title: "Date", body: "x", reviewed: "March 2026")])
        #expect(
            lines == ["Content/causes/date.md:4:11: error: 'reviewed' must be a date written YYYY-MM-DD, not 'March 2026' [invalid-date]"])
    }

    @Test("invalid UTF-8 is reported at its line and column")
    func invalidUTF8() throws {
        var files = Fixture.smallSite()
        files["causes/latin1.md"] = nil
        let site = try TestSite(files)
        try site.write("causes/latin1.md", Data("---\ntitle: \"caf".utf8) + Data([0xE9]) + Data("\"\n---\n".utf8))
        let lines = printed(site.build(), site)
        #expect(
            lines == [
                "Content/causes/latin1.md:2:12: error: file is not valid UTF-8 text [invalid-encoding]\n  hint: save the file as UTF-8 in your editor"
            ])
    }

    @Test("a byte-order mark and CRLF line endings simply work")
    func bomAndCRLF() throws {
        let site = try TestSite(Fixture.smallSite())
        let text = Fixture.article(title: "Windows file", body: "## Heading\r\n\r\nText with [a link](../causes/muscle-strain.md).\r\n")
            .replacingOccurrences(of: "\n", with: "\r\n").replacingOccurrences(of: "\r\r\n", with: "\r\n")
        try site.write("stretches/windows.md", Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8))
        let result = site.build()
        #expect(result.status == .success, "\(result.diagnostics)")
        let page = try #require(site.page("stretches/windows/index.html"))
        #expect(page.contains("<h1>Windows file</h1>"))
        #expect(page.contains(#"<h2 id="heading">"#))
        #expect(!page.contains("\r"))
    }

    @Test("a Markdown file with binary data, and a binary file among the articles")
    func binaryFiles() throws {
        var files = Fixture.smallSite()
        files["causes/notes.txt"] = "some notes"
        let site = try TestSite(files)
        try site.write("causes/photo.md", Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00]))
        let lines = printed(site.build(), site)
        #expect(
            lines == [
                "Content/causes/notes.txt: warning: ignored: not a Markdown file (put media in images/) [ignored-file]",
                "Content/causes/photo.md:3:1: error: file holds binary data (a NUL byte), not Markdown text [invalid-encoding]",
            ])
    }

    @Test("deeply nested lists and block quotes neither crash nor overflow the stack")
    func deepNesting() throws {
        let quotes = String(repeating: "> ", count: 5_000) + "deep\n"
        let lists = (0..<2_000).map { String(repeating: "  ", count: $0) + "- item" }.joined(separator: "\n")
        let (status, _, site) = try build([
            "causes/deep.md": Fixture.article(title: "Deep", body: quotes + "\n" + lists),
            "site.yml": Self.siteYML(limits: "  file_kb: 8192\n"),
        ])
        #expect(status == .success)
        #expect(site.page("causes/deep/index.html")?.contains("deep") == true)
    }

    static func siteYML(limits: String) -> String {
        Fixture.siteYML + "\nrules:\n  orphan: off\nlimits:\n" + limits
    }

    static let hugeBody: String = {
        let paragraph = "Rest your back for a short time, then move gently. Use ice for 15 to 20 minutes.\n\n"
        return String(repeating: paragraph, count: 20_000_000 / paragraph.utf8.count)
    }()

    @Test("a 20 MB article is refused at once with its size and the limit, and nothing is written")
    func hugeArticleRefused() throws {
        let (status, lines, site) = try build(["causes/huge.md": Fixture.article(title: "Huge", body: Self.hugeBody)])
        #expect(status == .contentErrors)
        #expect(
            lines == [
                "Content/causes/huge.md:1:1: error: file is 19532 KB, more than the 512 KB a page may be [input-too-large]\n"
                    + "  hint: split it into several articles, or raise limits.file_kb in site.yml"
            ])
        #expect(site.page("causes/huge/index.html") == nil)
    }

    @Test("a 20 MB article builds when the site raises the limit")
    func hugeArticleAllowed() throws {
        let (status, _, site) = try build([
            "causes/huge.md": Fixture.article(title: "Huge", body: Self.hugeBody),
            "site.yml": Self.siteYML(limits: "  file_kb: 20000\n"),
        ])
        #expect(status == .success)
        #expect((site.page("causes/huge/index.html")?.utf8.count ?? 0) > 20_000_000)
    }

    @Test("a table with more cells than the limit is an error at the table")
    func hugeTable() throws {
        let rows = (0..<5).map { _ in "| a | b | c | d | e |" }.joined(separator: "\n")
        let table = "Intro.\n\n| 1 | 2 | 3 | 4 | 5 |\n| - | - | - | - | - |\n" + rows + "\n"
        var files = Fixture.smallSite()
        files["causes/table.md"] = Fixture.article(title: "Table", body: table)
        files["site.yml"] = Self.siteYML(limits: "  table_cells: 29\n")
        let site = try TestSite(files)
        let result = site.build()
        #expect(result.status == .contentErrors)
        #expect(
            result.diagnostics.filter { $0.rule == .tableTooLarge }
                .map { $0.description.replacingOccurrences(of: site.root.path + "/", with: "") }
                == [
                    "Content/causes/table.md:12:1: error: table has 30 cells, more than the 29 a table may have [table-too-large]\n"
                        + "  hint: split the table, or raise limits.table_cells in site.yml"
                ])
    }

    @Test("limits must be whole numbers from 1 to 1000000")
    func badLimits() throws {
        let (status, lines, _) = try build(["site.yml": Self.siteYML(limits: "  file_kb: 0\n  table_cells: many\n")])
        #expect(status == .configurationError)
        #expect(lines.count == 2)
        #expect(lines.first?.hasSuffix("error: 'file_kb' must be between 1 and 1000000 [invalid-value]") == true)
        #expect(lines.last?.contains("table_cells") == true)
    }

    @Test("links to missing pages, missing anchors, outside the content folder, and missing images")
    func brokenLinks() throws {
        let body = """
            See [cat](../stretches/catcow.md), [how](../stretches/cat-cow.md#how-to-do-itt),
            [up](../../secrets.md), [the steps](#nowhere) and ![pic](../images/none.png).
            """
        let (status, lines, _) = try build(["causes/links.md": Fixture.article(title: "Links", body: body)])
        #expect(status == .contentErrors)
        #expect(
            lines == [
                "Content/causes/links.md:10:5: error: broken link '../stretches/catcow.md' (did you mean '../stretches/cat-cow.md'?) [broken-link]",
                "Content/causes/links.md:10:36: error: no heading '#how-to-do-itt' in 'stretches/cat-cow.md' (did you mean '#how-to-do-it'?) [broken-anchor]",
                "Content/causes/links.md:11:1: error: link '../../secrets.md' points outside the content folder [link-outside-content]",
                "Content/causes/links.md:11:25: error: no heading '#nowhere' on this page [broken-anchor]",
                "Content/causes/links.md:11:51: error: broken image '../images/none.png' [broken-image]",
            ])
    }

    @Test("a link to a draft says so")
    func draftLink() throws {
        let draft = Fixture.article(title: "Later", body: "Soon.", extra: "draft: true")
        let linking = Fixture.article(title: "Now", body: "See [later](later.md).")
        let (_, lines, _) = try build(["causes/later.md": draft, "causes/now.md": linking])
        #expect(
            lines == [
                "Content/causes/now.md:10:5: error: link 'later.md' points to a draft, which is left out of this build [broken-link]\n  hint: publish the draft, or build with --drafts to preview it"
            ])
    }

    @Test("two files that map to one URL, Cat.md and cat.md")
    func duplicateURL() throws {
        let (status, lines, _) = try build([
            "causes/Strain.md": Fixture.article(title: "Strain upper", body: "x"),
            "causes/strain.md": Fixture.article(title: "Strain lower", body: "x"),
        ])
        #expect(status == .contentErrors)
        #expect(
            lines == [
                "Content/causes/strain.md: error: maps to the same URL '/causes/strain/' as Content/causes/Strain.md [duplicate-url]\n  hint: rename one of the files"
            ])
    }

    @Test("an article in a folder that is not a section")
    func unknownSection() throws {
        let (_, lines, _) = try build(["stretch/cat.md": Fixture.article(title: "Cat", body: "x")])
        #expect(
            lines == [
                "Content/stretch/cat.md: error: unknown section folder 'stretch' (did you mean 'stretches'?) [unknown-section]\n  hint: add the section to 'sections' in site.yml, or move the file"
            ])
    }

    @Test("an article at the top of the content folder, one nested too deep, and file and folder names that are not slugs")
    func misplacedFilesAndBadNames() throws {
        let article = Fixture.article(title: "Stray", body: "x")
        let (status, lines, _) = try build([
            "stray.md": article, "causes/one/two/three/four/stray.md": article, "causes/Big Topic/stray.md": article,
            "causes/back pain.md": article, "causes/Sprain.md": Fixture.article(title: "Sprain", body: "x"),
        ])
        #expect(status == .contentErrors)
        #expect(
            lines.sorted() == [
                "Content/causes/Big Topic/stray.md: error: folder name 'Big Topic' must use lower-case ASCII letters (a-z), digits and hyphens (try 'big-topic') [invalid-slug]",
                "Content/causes/back pain.md: error: file name 'back pain.md' must use lower-case ASCII letters (a-z), digits and hyphens (try 'back-pain.md') [invalid-slug]",
                "Content/causes/one/two/three/four/stray.md: error: nested 5 folders deep: pages sit at most 4 folders deep [misplaced-file]\n  hint: move it up a level, or raise 'folder_depth' under 'limits' in site.yml",
                "Content/stray.md: error: article at the top of the content folder: articles live in <section>/<slug>.md or <section>/<topic>/<slug>.md [misplaced-file]",
            ])
    }

    @Test("a symbolic link loop and a link out of the content folder")
    func symlinks() throws {
        let site = try TestSite(Fixture.smallSite())
        try FileManager.default.createSymbolicLink(
            atPath: site.content.path + "/causes/loop.md", withDestinationPath: site.content.path + "/causes/loop.md")
        try FileManager.default.createSymbolicLink(atPath: site.content.path + "/causes/passwd.md", withDestinationPath: "/etc/passwd")
        let lines = printed(site.build(), site)
        #expect(
            lines == [
                "Content/causes/loop.md: error: broken symbolic link (or a link loop) [bad-symlink]",
                "Content/causes/passwd.md: error: symbolic link points outside the content folder [bad-symlink]",
            ])
    }

    @Test("a missing site.yml is a configuration error")
    func missingSiteYML() throws {
        let (status, lines, _) = try build([:], removing: ["site.yml"])
        #expect(status == .configurationError)
        #expect(
            lines == [
                "Content/site.yml: error: site.yml not found: every site needs one (title, base_url, sections, disclaimer) [missing-config]"
            ])
    }

    @Test("a missing templates folder is a configuration error")
    func missingTemplates() throws {
        let site = try TestSite(Fixture.smallSite(), realTemplates: false)
        let result = site.build()
        #expect(result.status == .configurationError)
        #expect(printed(result, site) == ["Templates: error: templates folder not found [missing-templates]"])
    }

    @Test("a template syntax error and a missing partial name the template file and line")
    func templateErrors() throws {
        let site = try TestSite(Fixture.smallSite())
        try site.write("Templates/tag.mustache", "{{<layout}}\n{{$main}}\n{{#articles}}\n<h1>{{title}}</h1>\n{{/main}}\n{{/layout}}\n")
        try site.write("Templates/glossary.mustache", "{{<layout}}\n{{$main}}\n  {{> partials/glosary-entry}}\n{{/main}}\n{{/layout}}\n")
        let result = site.build()
        #expect(result.status == .configurationError)
        let lines = printed(result, site)
        #expect(lines.count == 2)
        #expect(lines.first == "Templates/glossary.mustache:3:3: error: template 'partials/glosary-entry' not found [template-error]")
        #expect(lines.last?.hasPrefix("Templates/tag.mustache:5:") == true)
        #expect(lines.last?.hasSuffix("error: template syntax error: a section is closed with the wrong name [template-error]") == true)
    }

    @Test("unknown and invalid site.yml settings")
    func badSiteYML() throws {
        let yml = Fixture.siteYML.replacingOccurrences(of: "review_interval_months: 12", with: "review_intervall_months: 12")
        let (status, lines, _) = try build(["site.yml": yml])
        #expect(status == .configurationError)
        #expect(
            lines == [
                "Content/site.yml:5:1: error: unknown field 'review_intervall_months' in site.yml (did you mean 'review_interval_months'?) [unknown-field]\n  hint: allowed fields: title, condition, base_url, language, emergency_number, review_interval_months, reading_grade, allow_raw_html, medicines_note, sections, disclaimer, rules, limits, values, languages"
            ])
    }

    @Test("a section id that names a folder the build writes itself is an error at its line, naming both")
    func sectionIDsOfGeneratedFolders() throws {
        var yml = Fixture.siteYML
        for id in ["tags", "glossary", "search", "assets", "images"] {
            yml = yml.replacingOccurrences(of: "disclaimer:", with: "  - id: \(id)\n    title: \"\(id)\"\ndisclaimer:")
        }
        let (status, lines, site) = try build(["site.yml": yml])
        #expect(status == .configurationError)
        let hint = "\n  hint: choose another section id"
        #expect(
            lines == [
                "Content/site.yml:14:9: error: section 'tags' would write its pages to 'tags/', where the build writes the topic pages [path-collision]"
                    + hint,
                "Content/site.yml:16:9: error: section 'glossary' would write its pages to 'glossary/', where the build writes the glossary page [path-collision]"
                    + hint,
                "Content/site.yml:18:9: error: section 'search' would write its pages to 'search/', where the build writes the search page [path-collision]"
                    + hint,
                "Content/site.yml:20:9: error: section 'assets' would write its pages to 'assets/', where the build writes the files of Templates/assets/ [path-collision]"
                    + hint,
                "Content/site.yml:22:9: error: section 'images' would write its pages to 'images/', where the build writes the media files of Content/images/ [path-collision]"
                    + hint,
            ])
        #expect(!site.exists("index.html"))
    }

    @Test("two glossary terms that would share an id are an error at the second, naming the first")
    func glossaryTermsSharingAnID() throws {
        let glossary = """
            - term: "β-blocker"
              definition: "A medicine that slows the heart."
            - term: "α-blocker"
              definition: "A medicine that widens blood vessels."
            - term: "β blocker"
              definition: "The same words again."
            - term: "Β-Blocker"
              definition: "The same word in capitals."
            - term: "!!!"
              definition: "No word at all."
            """
        let (status, lines, _) = try build(["glossary.yml": glossary])
        #expect(status == .contentErrors)
        #expect(
            lines == [
                "Content/glossary.yml:5:9: error: glossary term 'β blocker' would have the same id '#term-β-blocker' as 'β-blocker' at 1:9 [duplicate-term]\n  hint: reword one of the two terms",
                "Content/glossary.yml:7:9: error: glossary term 'Β-Blocker' is defined twice (first at 1:9) [duplicate-term]",
                "Content/glossary.yml:9:9: error: glossary term '!!!' needs a letter or a digit, for its link [invalid-value]",
            ])
    }

    @Test("every repeated YAML key is reported at its own line and column, in front matter and site.yml")
    func repeatedKeys() throws {
        let article = Fixture.article(title: "Twice", body: "Text.", extra: "title: \"Again\"\nsummary: \"Again.\"\ntitle: \"Thrice\"")
        let yml = Fixture.siteYML.replacingOccurrences(
            of: "    description: \"Why it happens.\"", with: "    description: \"Why.\"\n    title: \"Causes again\"")
        let (status, lines, _) = try build(["causes/twice.md": article, "site.yml": yml + "\nlanguage: fr\n"])
        #expect(status == .configurationError)
        #expect(
            lines == [
                "Content/site.yml:11:5: error: duplicate field 'title' in a section (first at line 9) [duplicate-field]",
                "Content/site.yml:16:1: error: duplicate field 'language' in site.yml (first at line 3) [duplicate-field]",
            ])
        let (_, articleLines, _) = try build(["causes/twice.md": article])
        #expect(
            articleLines == [
                "Content/causes/twice.md:8:1: error: duplicate field 'title' in front matter (first at line 2) [duplicate-field]",
                "Content/causes/twice.md:9:1: error: duplicate field 'summary' in front matter (first at line 3) [duplicate-field]",
                "Content/causes/twice.md:10:1: error: duplicate field 'title' in front matter (first at line 2) [duplicate-field]",
            ])
    }

    @Test("partials that include each other outside a section are an error at the tag, with the chain, before any page is written")
    func templateCycle() throws {
        let site = try TestSite(Fixture.smallSite())
        try site.write("Templates/partials/footer.mustache", "<footer>\n  {{> partials/credits}}\n</footer>\n")
        try site.write("Templates/partials/credits.mustache", "<p>Made with care.</p>{{> partials/footer}}\n")
        let result = site.build()
        #expect(result.status == .configurationError)
        #expect(
            printed(result, site) == [
                "Templates/partials/credits.mustache:1:23: error: template 'partials/credits' includes itself without end: "
                    + "partials/credits → partials/footer → partials/credits; a template can include itself only inside a section, "
                    + "which the data can end [template-error]"
            ])
        #expect(!site.exists("index.html"))
    }

    @Test("a partial whose recursion the data never ends stops with one error at its tag, and its pages are not written")
    func templateRecursionWithoutEnd() throws {
        let site = try TestSite(Fixture.smallSite())
        // Every level finds `nav_sections` again in the page's context: two sections a level, for ever.
        try site.write(
            "Templates/partials/footer.mustache", "<footer>\n{{#nav_sections}}{{> partials/footer}}{{/nav_sections}}\n</footer>\n")
        let result = site.build()
        #expect(result.status == .configurationError)
        #expect(
            printed(result, site) == [
                "Templates/partials/footer.mustache:2:18: error: templates nested more than 200 deep: "
                    + "partials/footer → partials/footer repeats on every level without end [template-error]"
            ])
        #expect(!site.exists("index.html"))
        #expect(!site.exists("causes/muscle-strain/index.html"))
    }

    @Test("site.yml values in another script, not numbers, or out of order are refused at their place, before any page is read")
    func siteYMLValues() throws {
        let yml = Fixture.siteYML
            .replacingOccurrences(of: "language: en", with: "language: \"日本語\"\nreading_grade:\n  warning: nan\n  error: 9\n")
            .replacingOccurrences(of: "  - id: causes", with: "  - id: причины")
        let (status, lines, _) = try build(["site.yml": yml])
        #expect(status == .configurationError)
        #expect(
            lines == [
                "Content/site.yml:3:11: error: 'language' must be a language tag such as en, en-GB or es-419, not '日本語' [invalid-value]",
                "Content/site.yml:5:12: error: 'reading_grade.warning' must be a grade from 0 to 30, not 'nan' [invalid-value]",
                "Content/site.yml:12:9: error: section id 'причины' must use lower-case ASCII letters (a-z), digits and hyphens (try 'priciny') [invalid-value]",
            ])
        let higher = Fixture.siteYML.replacingOccurrences(
            of: "language: en", with: "language: en-GB\nreading_grade: {warning: 12.5, error: 10}")
        let (_, higherLines, _) = try build(["site.yml": higher])
        #expect(
            higherLines == [
                "Content/site.yml:4:16: error: 'reading_grade.warning' (12.5) is above 'reading_grade.error' (10): the warning would never show [invalid-value]"
            ])
    }

    @Test("a tag or file name too long for a folder of the output is an error at its place, quoted short")
    func tooLongForAFolder() throws {
        let longTag = String(repeating: "a", count: 101)
        let longName = String(repeating: "b", count: 101) + ".md"
        let (status, lines, _) = try build([
            "causes/tagged.md": Fixture.article(title: "Tagged", body: "Text.", tags: ["lower-back", longTag]),
            "causes/" + longName: Fixture.article(title: "Long", body: "Text."),
        ])
        #expect(status == .contentErrors)
        #expect(
            lines == [
                "Content/causes/\(longName): error: file name '\(String(repeating: "b", count: 40))…' is longer than 100 characters [invalid-slug]",
                "Content/causes/tagged.md:8:20: error: tag '\(String(repeating: "a", count: 40))…' is longer than 100 characters [invalid-tag]",
            ])
    }

    @Test("a control character in front matter is an error at its line and column, named by code point")
    func controlCharacterInYAML() throws {
        let (status, lines, _) = try build(["causes/bell.md": "---\ntitle: \"Bell\u{7}\"\n---\n\nText.\n"])
        #expect(status == .contentErrors)
        #expect(
            lines == ["Content/causes/bell.md:2:13: error: YAML cannot be read: control characters are not allowed (U+0007) [yaml-syntax]"])
    }

    @Test("a rule site.yml cannot set and a section listed twice are settings errors at their place")
    func unknownRuleAndRepeatedSection() throws {
        let yml =
            Fixture.siteYML.replacingOccurrences(of: "sections:", with: "sections:\n  - id: stretches\n    title: \"Again\"")
            + "\nrules:\n  orphn: off\n  broken-link: warning\n"
        let (status, lines, _) = try build(["site.yml": yml])
        #expect(status == .configurationError)
        let allowed = RuleEngine.standardRules.map(\.id.rawValue).joined(separator: ", ")
        #expect(
            lines == [
                "Content/site.yml:13:9: error: section 'stretches' is listed twice (first at line 8) [duplicate-section]",
                "Content/site.yml:18:3: error: unknown field 'orphn' in rules (did you mean 'orphan'?) [unknown-field]\n  hint: allowed fields: \(allowed)",
                "Content/site.yml:19:3: error: unknown field 'broken-link' in rules [unknown-field]\n  hint: allowed fields: \(allowed)",
            ])
    }

    @Test("an article that cannot be made into a page is one error, not one more for every link to it")
    func linksToAFailedArticle() throws {
        let (status, lines, _) = try build(["causes/muscle-strain.md": "---\ntitle: \"Muscle strain\"\nsummary: [\n---\nBody.\n"])
        #expect(status == .contentErrors)
        #expect(
            lines == ["Content/causes/muscle-strain.md:4:1: error: YAML syntax error: did not find expected node content [yaml-syntax]"])
    }

    @Test("once the failed article is deleted, the links to it are broken links again")
    func linksToAFailedArticleThenDeleted() throws {
        let (_, _, site) = try build(["causes/muscle-strain.md": "---\ntitle: [\n---\n"])
        try site.remove("causes/muscle-strain.md")
        let lines = printed(site.build(), site)
        #expect(lines.filter { $0.contains("[broken-link]") }.count == 3, "\(lines)")
    }

    @Test("every name the build writes at the top of the output is a section's or one GeneratedPaths reserves")
    func generatedNamesAreReserved() throws {
        var files = Fixture.smallSite()
        files["glossary.yml"] = "- term: \"Strain\"\n  definition: \"A stretched muscle.\"\n"
        files["images/back.png"] = "not really a picture"
        let site = try TestSite(files)
        let result = site.build()
        #expect(result.status == .success, "\(result.diagnostics)")
        let sections = Set(
            Fixture.siteYML.split(separator: "\n").compactMap { line in
                line.hasPrefix("  - id: ") ? String(line.dropFirst("  - id: ".count)) : nil
            })
        let written = try FileManager.default.contentsOfDirectory(atPath: site.output.path)
        #expect(Set(written).isSuperset(of: ["index.html", "tags", "glossary", "search", "assets", "images", "404.html"]))
        for name in written {
            #expect(sections.contains(name) || GeneratedPaths.owner(of: name) != nil, "'\(name)' is written but not reserved")
        }
    }
}
