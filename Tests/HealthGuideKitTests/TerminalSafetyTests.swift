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

/// Text from the input printed on a terminal cannot recolour it or forge a line of its own.
@Suite("Terminal safety")
struct TerminalSafetyTests {
    @Test("control characters, DEL, C1 characters and bidirectional overrides are escaped; other text is not")
    func escaping() {
        #expect(
            TerminalText.escaped("a\u{1B}[31mred\u{1B}[0m\nb\r\tc\u{0}\u{7F}\u{85}\u{9B}\u{202A}\u{202E}d\u{2066}\u{2069}")
                == "a\\u{1B}[31mred\\u{1B}[0m\\nb\\r\\tc\\u{0}\\u{7F}\\u{85}\\u{9B}\\u{202A}\\u{202E}d\\u{2066}\\u{2069}")
        #expect(TerminalText.escaped("Über die Straße — 背痛 \\ ok") == "Über die Straße — 背痛 \\ ok")
    }

    @Test("a diagnostic escapes its file, message and hint, and keeps its own line break before the hint")
    func diagnostic() {
        let diagnostic = Diagnostic(
            file: "Content/\u{1B}[2J.md", location: SourceLocation(line: 1, column: 2), severity: .error,
            message: "title '\u{202E}txt.exe'", rule: .invalidValue, hint: "one\ntwo")
        #expect(diagnostic.description == "Content/\\u{1B}[2J.md:1:2: error: title '\\u{202E}txt.exe' [invalid-value]\n  hint: one\\ntwo")
    }

    @Test("a file named with ESC[31m and a newline prints as one escaped line")
    func fileName() throws {
        var files = Fixture.smallSite()
        files["causes/\u{1B}[31mred\nindex.md:1:1: error: forged.md"] = "x"
        let site = try TestSite(files)
        let output = try CommandLineRunner.run(["build"], in: site.root)
        #expect(output.status == 1)
        #expect(
            output.standardError == """
                Content/causes/\\u{1B}[31mred\\nindex.md:1:1: error: forged.md: error: file name \
                '\\u{1B}[31mred\\nindex.md:1:1: error: forged.md' must use lower-case ASCII letters (a-z), digits and hyphens \
                (try '31mred-index-md-1-1-error-forged.md') [invalid-slug]
                error: build failed: 1 error(s), 0 warning(s)

                """)
    }

    @Test("a tag with an escape sequence and a line break is escaped where it is quoted")
    func tag() throws {
        var files = Fixture.smallSite()
        files["stretches/knee-to-chest.md"] = Fixture.article(
            title: "Knee-to-chest stretch", body: "Read about [strain](../causes/muscle-strain.md).",
            extra: "tags: [\"\\e[31mred\\nx\"]")
        let site = try TestSite(files)
        let output = try CommandLineRunner.run(["check"], in: site.root)
        #expect(output.status == 1)
        #expect(
            output.standardError.contains(
                "Content/stretches/knee-to-chest.md:8:8: error: tag '\\u{1B}[31mred\\nx' must use lower-case ASCII letters (a-z), digits and "
                    + "hyphens (try '31mred-x') [invalid-tag]\n"))
        #expect(!output.standardError.contains("\u{1B}"))
    }
}
