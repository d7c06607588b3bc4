import Foundation
import PropertyBased
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

/// Random input never crashes the parts that read untrusted text, and no resolved link ever
/// leaves the site.
@Suite("Properties")
struct PropertyTests {
    /// Characters that matter to the code under test, so random strings hit the edge cases.
    static let pathCharacters: [Character] = ["a", "b", "/", ".", "..", "-", "#", "%", "2", "e", "\\", " ", ":", "md"].flatMap { Array($0) }
    static let textCharacters: [Character] = ["-", "\n", "a", " ", ":", "\"", "#", "é", "'", "\t", ".", "!", "[", "]"]

    static let markdownCharacters: [Character] = ["#", " ", "\n", ">", "[", "]", "(", ")", "!", "-", "*", "|", "`", "a", "<", "&"]

    static let texts = Gen.element(of: textCharacters).map { $0 ?? " " }.string(of: 0...80)
    static let paths = Gen.element(of: pathCharacters).map { $0 ?? "a" }.string(of: 0...40)
    static let headings = Gen.element(of: textCharacters).map { $0 ?? " " }.string(of: 0...20).array(of: 1...8)
    static let bodies = Gen.element(of: markdownCharacters).map { $0 ?? " " }.string(of: 0...120)

    @Test("front-matter splitting never crashes and keeps line numbers")
    func frontMatterSplitting() async {
        await propertyCheck(count: 500, input: Self.texts) { tail in
            let text = "---\n" + tail
            switch FrontMatterSplitter.split(text) {
            case let .success(parts):
                let before = text.utf8.count - parts.body.utf8.count
                let newlines = text.utf8.prefix(before).filter { $0 == UInt8(ascii: "\n") }.count
                #expect(parts.bodyLineOffset == newlines)
                #expect(text.hasSuffix(parts.body))
            case .failure(.unterminated):
                #expect(!tail.contains("\n---\n") && !tail.hasPrefix("---\n"))
            }
        }
    }

    @Test(
        "front matter closed on the last line, with no newline after it, has an empty body on that line",
        arguments: ["---\n---", "---\ntitle: x\n---", "---\ntitle: x\n..."])
    func frontMatterEndingTheFile(text: String) {
        let parts = FrontMatterSplitter.split(text)
        let newlines = text.utf8.filter { $0 == UInt8(ascii: "\n") }.count
        #expect(
            parts
                == .success(
                    FrontMatterSplitter.Parts(
                        yaml: String(text.dropFirst(4).dropLast(3)), body: "",
                        yamlLineOffset: 1, bodyLineOffset: newlines)))
    }

    @Test(
        "a link resolves against its file's folder, . and .. taken away, empty parts left out",
        arguments: [
            ("../stretches/cat-cow.md", "causes/muscle-strain.md", "stretches/cat-cow.md"),
            ("cat-cow.md", "stretches/knee.md", "stretches/cat-cow.md"),
            ("./a/./b/../c.md", "causes/x.md", "causes/a/c.md"),
            ("/treatments//ice.md", "causes/x.md", "treatments/ice.md"),
            ("images/spine.png", "index.md", "images/spine.png"),
            ("../index.md", "causes/x.md", "index.md"),
            ("..", "causes/x.md", ""),
            ("../../x.md", "causes/x.md", nil),
            ("/../x.md", "causes/x.md", nil),
            ("...md", "a//b/x.md", "a/b/...md"),
            ("é/ü.md", "causes/x.md", "causes/é/ü.md"),
        ] as [(String, String, String?)])
    func linkJoining(reference: String, file: String, expected: String?) {
        #expect(SitePath.resolve(reference, fromFile: file) == expected)
    }

    @Test("a resolved link never points outside the site")
    func linkResolution() async {
        await propertyCheck(count: 1000, input: Self.paths) { reference in
            let from = "causes/muscle-strain.md"
            guard let resolved = SitePath.resolve(reference, fromFile: from) else { return }
            #expect(!resolved.hasPrefix("/"))
            #expect(!resolved.split(separator: "/").contains(".."))
            // For paths that can name a page, following the written link from the page's URL
            // lands on the target's URL, inside the site.
            guard resolved.hasSuffix(".md") else { return }
            let target = String(resolved.dropLast(3)) + "/"
            guard target.split(separator: "/").allSatisfy({ Slug.isValid(String($0)) }) else { return }
            let relative = SitePath.relative(from: "causes/muscle-strain/", to: target)
            var folders = ["causes", "muscle-strain"]
            for component in relative.split(separator: "/") {
                if component == ".." {
                    #expect(!folders.isEmpty, "\(relative) climbs above the site root")
                    if !folders.isEmpty { folders.removeLast() }
                } else if component != "." {
                    folders.append(String(component))
                }
            }
            #expect(folders.joined(separator: "/") == target.split(separator: "/").joined(separator: "/"))
        }
    }

    static let sitePaths = Gen.element(of: ["causes/", "a/", "causes", "b/", "tags/", "é/", "muscle-strain/", ""]).map { $0 ?? "" }
        .array(of: 0...4).map { $0.joined() }

    @Test("a relative link between two pages leads from the first page's folder to the second")
    func relativeLinks() async {
        await propertyCheck(count: 1000, input: Self.sitePaths, Self.sitePaths) { from, to in
            let relative = SitePath.relative(from: from, to: to)
            // Followed the way a browser does: from the folder of `from`, each "../" one folder up.
            var folders = from.split(separator: "/", omittingEmptySubsequences: false).dropLast().map(String.init)
            var rest = Substring(relative)
            while rest.hasPrefix("../") {
                #expect(!folders.isEmpty, "\(relative) climbs above the site root")
                folders = folders.dropLast()
                rest = rest.dropFirst(3)
            }
            if rest == "./" { rest = "" }
            let landed = (folders.map { $0 + "/" }.joined() + rest)
            #expect(landed == to, "\(from) → \(to) wrote \(relative)")
            #expect(!relative.isEmpty)
        }
    }

    @Test("heading ids are URL-safe and unique on a page")
    func headingIDs() async {
        await propertyCheck(count: 300, input: Self.headings) { headings in
            var ids = HeadingIDs()
            let made = headings.map { ids.next(for: $0) }
            #expect(Set(made).count == made.count)
            for id in made {
                #expect(!id.isEmpty)
                #expect(id.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
            }
        }
    }

    @Test("heading ids made byte by byte follow the rules for characters: letters and digits lower-cased, spaces as hyphens")
    func headingSlugs() async {
        await propertyCheck(count: 500, input: Gen.element(of: Array(" -_.,!?'()AZaz09Mm\t")).map { $0 ?? " " }.string(of: 0...20)) {
            text in
            var expected = ""
            for character in text.lowercased() {
                if character.isLetter || character.isNumber || character == "-" || character == "_" {
                    expected.append(character)
                } else if character == " " {
                    expected.append("-")
                }
            }
            #expect(HeadingIDs.slug(text) == (expected.isEmpty ? "section" : expected))
        }
    }

    @Test("the renderer's walk finds the same nodes to rewrite as the full scan")
    func targetsWithoutProse() async {
        await propertyCheck(count: 300, input: Self.bodies) { body in
            let document = MarkdownDocument(markdown: body)
            // A glossary with a word the random bodies hold, so glossary text is found too.
            let glossary = GlossaryMatcher(entries: [GlossaryEntry(term: "a", definition: "d", aliases: [], medicine: false)])
            let scanner = MarkdownScanner(glossary: glossary, lineOffset: 0)
            let full = scanner.scanWithTargets(document).targets
            let targets = scanner.targets(in: document)
            #expect(targets.links == full.links)
            #expect(targets.headings.map(\.node) == full.headings.map(\.node))
            #expect(targets.headings.map(\.id) == full.headings.map(\.id))
            #expect(targets.cards.map(\.quote) == full.cards.map(\.quote))
            #expect(targets.cards.map(\.headingLevel) == full.cards.map(\.headingLevel))
            #expect(targets.glossaryText.map(\.node) == full.glossaryText.map(\.node))
            #expect(targets.glossaryText.map(\.matches) == full.glossaryText.map(\.matches))
        }
    }

    @Test("any Markdown body parses, renders and frees without crashing")
    func markdown() async {
        await propertyCheck(count: 300, input: Self.bodies) { body in
            let document = MarkdownDocument(markdown: body)
            let scan = MarkdownScanner(glossary: GlossaryMatcher(entries: []), lineOffset: 0).scanWithTargets(document)
            let plan = BodyRenderPlan(
                linkDestinations: scan.facts.links.map { _ in "x/" }, emergencyNumber: "911",
                allowRawHTML: false, glossary: GlossaryMatcher(entries: []), glossaryEntries: [], glossaryURL: "g/")
            let html = MarkdownRenderer(plan: plan).render(document, targets: scan.targets)
            #expect(!html.contains("<script"))
        }
    }

    /// Destinations as authors write them and as the resolver makes them, with the bytes the
    /// HTML writer escapes, in both cases of the schemes safe mode drops.
    static let destinationCharacters: [Character] = [
        "a", "Z", "9", "/", ".", "#", "%", "&", "'", "\"", "<", ">", " ", "é", "中", "😀",
        "\t", "(", ")", "[", "]", "{", "}", "|", "\\", "^", "`", "~", "$", "+", "=", "?", "@", "!", "*", ",", ";",
    ]
    static let destinationStarts = [
        "", "javascript:", "JaVaScRiPt:", "vbscript:", "file:", "data:", "data:image/png", "DATA:image/webp",
        "data:image/svg", "https://", "mailto:", "../", "#", "//",
    ]
    static let destinations = zip(
        Gen.element(of: destinationStarts).map { $0 ?? "" },
        Gen.element(of: destinationCharacters).map { $0 ?? "a" }.string(of: 0...24)
    ).map { $0 + $1 }

    @Test("a filled gap is written exactly as cmark-gfm writes the destination itself, in safe and unsafe mode")
    func destinationsAsCmarkWritesThem() async {
        await propertyCheck(count: 500, input: Self.destinations, Gen.bool) { destination, allowRawHTML in
            let document = MarkdownDocument(markdown: "[a](b)")
            let scan = MarkdownScanner(glossary: GlossaryMatcher(entries: []), lineOffset: 0).scanWithTargets(document)
            let plan = BodyRenderPlan(
                linkDestinations: [destination], emergencyNumber: "911", allowRawHTML: allowRawHTML,
                glossary: GlossaryMatcher(entries: []), glossaryEntries: [], glossaryURL: "g/")
            var written: [UInt8] = []
            CmarkDestination.append(destination, allowRawHTML: allowRawHTML, to: &written)
            #expect(
                MarkdownRenderer(plan: plan).render(document, targets: scan.targets)
                    == "<p><a href=\"" + String(decoding: written, as: UTF8.self) + "\">a</a></p>\n")
        }
    }

    /// Bodies of prose and links of every kind the resolver treats apart.
    static let linkedBodies = Gen.element(of: [
        "Some text. ", "\n\n", "> [!WARNING]\n> Call 911.\n\n", "## A heading\n\n", "- item ", "[a](a.md) ", "[b](../b.md#c) ",
        "[c](#top) ", "[d](https://example.org/x?y=1&z=2) ", "[e](javascript:alert(1)) ", "[f](//cdn.example.org/x) ",
        "![g](images/p.png) ", "[![h](images/q.png)](c.md) ", "[i](<a b.md>) ", "[j]() ", "[k](mailto:a@example.org) ",
        "[l](x.md \"a title\") ", "[m](DATA:text/html,x) ", "[n](y%20z.md) ", "`code [o](p.md)` ", "[^1]\n\n[^1]: A note [q](r.md).\n\n",
        "![see [s](t.md)](images/u.png) ",
    ]).map { $0 ?? "" }.array(of: 0...14).map { $0.joined() }
    static let resolvedDestinations: [String?] = [nil, "", "../../a/", "../b/#c", "x y&'\"<>%/é", "javascript:x", "../images/p.png"]

    @Test("a body rendered before linking, its gaps filled, equals the body rendered after linking")
    func prerenderedBodies() async {
        await propertyCheck(count: 400, input: Self.linkedBodies, Gen.int(in: 0...6).array(of: 40), Gen.bool) {
            body, choices, allowRawHTML in
            let scanner = MarkdownScanner(glossary: GlossaryMatcher(entries: []), lineOffset: 0)
            func render(_ destinations: [String?]) -> String {
                let document = MarkdownDocument(markdown: body)
                let plan = BodyRenderPlan(
                    linkDestinations: destinations, emergencyNumber: "911", allowRawHTML: allowRawHTML,
                    glossary: GlossaryMatcher(entries: []), glossaryEntries: [], glossaryURL: "g/")
                return MarkdownRenderer(plan: plan).render(document, targets: scanner.scanWithTargets(document).targets)
            }
            let links = scanner.scan(MarkdownDocument(markdown: body)).links
            // What the resolver might say: a new destination only for a link it may rewrite.
            let resolved = links.indices.map { index in
                LinkDestination.mayRewrite(links[index].destination) ? Self.resolvedDestinations[choices[index % choices.count]] : nil
            }
            let prerendered = PrerenderedBody(rendered: render(PrerenderedBody.placeholders(for: links)), links: links)
            // cmark-gfm writes an image's description as plain text, so a link inside one never
            // shows its token: such a body is refused, and rendered from its Markdown instead.
            #expect((prerendered == nil) == body.contains("![see ["))
            if let prerendered {
                #expect(prerendered.filled(destinations: resolved, allowRawHTML: allowRawHTML) == render(resolved))
            }
        }
    }

    /// Pieces that make real days ("2024-02-29"), impossible ones ("2026-02-29"), other digits
    /// ("٣"), accents on digits and stray spaces.
    static let dateTexts = Gen.element(of: ["2026", "2024", "-", "-", "02", "29", "31", "04", "1", "0٣", "3\u{301}", " "])
        .map { $0 ?? "-" }.array(of: 1...6).map { $0.joined() }

    @Test("a review date is read exactly when it is YYYY-MM-DD of ASCII digits and a real day, and written back the same")
    func calendarDates() async {
        await propertyCheck(count: 600, input: Self.dateTexts) { text in
            // The reading by characters that the byte reading replaced.
            let parts = text.split(separator: "-", omittingEmptySubsequences: false)
            let shaped =
                parts.count == 3 && parts.map(\.count) == [4, 2, 2]
                && parts.allSatisfy { $0.allSatisfy { $0.isASCII && $0.isNumber } }
            let expected = shaped ? CalendarDate(year: Int(parts[0])!, month: Int(parts[1])!, day: Int(parts[2])!) : nil
            #expect(CalendarDate(iso: text) == expected)
            #expect(CalendarDate.hasISOShape(text) == shaped)
            if let date = CalendarDate(iso: text) { #expect(date.iso == text) }
        }
        await propertyCheck(count: 300, input: Gen.int(in: 1...9999), Gen.int(in: 1...12), Gen.int(in: 1...28)) { year, month, day in
            let date = CalendarDate(year: year, month: month, day: day)!
            #expect(CalendarDate(iso: date.iso) == date)
            #expect(date.iso.count == 10)
        }
    }

    @Test("a count of days since 1970 is the day Foundation's Gregorian calendar names, and back again")
    func daysSince1970() async {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        // Foundation's calendar is Julian before 15 October 1582 (day -141,427); this one is
        // Gregorian all the way back, as ISO 8601 dates are. From then to year 9999, then closer
        // to today, with the leap days around 1970 and 2000.
        for days in [Gen.int(in: -141_427...2_932_896), Gen.int(in: -800...11_100)] {
            await propertyCheck(count: 500, input: days) { days in
                let parts = calendar.dateComponents([.year, .month, .day], from: Date(timeIntervalSince1970: Double(days) * 86_400))
                #expect(CalendarDate(daysSince1970: days) == CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!))
            }
        }
        // Back to year 1, against the count of days the translation rules use.
        await propertyCheck(count: 500, input: Gen.int(in: -719_162...2_932_896)) { days in
            #expect(CalendarDate(daysSince1970: days).map { CalendarDate(year: 1970, month: 1, day: 1)!.days(until: $0) } == days)
        }
        #expect(CalendarDate(daysSince1970: -719_163) == nil)
        #expect(CalendarDate(daysSince1970: 2_932_897) == nil)
        #expect(CalendarDate(daysSince1970: 0) == CalendarDate(year: 1970, month: 1, day: 1))
        #expect(CalendarDate(daysSince1970: 11_016) == CalendarDate(year: 2000, month: 2, day: 29))
        // Today, as the calendar names it just before and just after (in case midnight passes).
        func calendarToday() -> CalendarDate? {
            let parts = calendar.dateComponents([.year, .month, .day], from: Date())
            return CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)
        }
        let before = calendarToday()
        let today = CalendarDate.today
        #expect(today == before || today == calendarToday())
    }

    @Test(
        "review dates as written",
        arguments: [
            ("2024-02-29", "29 February 2024"), ("2026-02-29", nil), ("2026-03-3", nil), ("2026-3-03", nil), ("0001-01-01", "1 January 1"),
            ("9999-12-31", "31 December 9999"), ("2026-00-10", nil), ("2026-04-31", nil), ("2026-0٣-03", nil), (" 2026-03-03", nil),
        ] as [(String, String?)])
    func reviewDates(text: String, longForm: String?) {
        #expect(CalendarDate(iso: text)?.longForm == longForm)
        #expect(CalendarDate(iso: text)?.iso == (longForm == nil ? nil : text))
    }

    @Test(
        "a NUL character in Markdown is shown as U+FFFD and nothing after it is lost",
        arguments: [
            ("a\u{0}b", "<p>a\u{FFFD}b</p>\n"), ("\u{0}", "<p>\u{FFFD}</p>\n"), ("# T\u{0}x\n\nz~", "<h1>T\u{FFFD}x</h1>\n<p>z~</p>\n"),
            ("", ""), ("é\u{0}\u{0}", "<p>é\u{FFFD}\u{FFFD}</p>\n"),
        ])
    func nulInMarkdown(markdown: String, html: String) {
        #expect(MarkdownDocument(markdown: markdown).renderHTML(allowRawHTML: false) == html)
    }

    @Test(
        "a file's path is its folder's prefix and its own path, as standardizing the whole path gives it",
        arguments: [
            ".", "Content", "./Content/", "a/../Content", "..", "../..", "/", "/tmp", "/tmp/../tmp/site/",
            FileManager.default.currentDirectoryPath,
        ])
    func displayPrefix(folder: String) async {
        let prefix = SourcePaths.prefix(forFilesIn: folder)
        let characters: [Character] = ["a", "b", "-", "é", " ", "%", "."]
        let names = Gen.element(of: characters).map { $0 ?? "a" }.string(of: 1...6).filter { $0 != "." && $0 != ".." }
        await propertyCheck(count: 100, input: names.array(of: 1...3)) { (parts: [String]) in
            let path = parts.joined(separator: "/")
            #expect(prefix + path == SourcePaths.standardized(folder + "/" + path))
        }
    }

    @Test("a text is blank exactly when trimming leaves nothing")
    func blankTexts() async {
        await propertyCheck(
            count: 500,
            input: Gen.element(of: [" ", "\n", "\t", "\u{A0}", "\u{301}", "a", "-", "\u{2003}"]).map { $0 ?? " " }.string(of: 0...6)
        ) { text in
            #expect(text.isBlank == text.trimmingWhitespace.isEmpty)
        }
    }
}
