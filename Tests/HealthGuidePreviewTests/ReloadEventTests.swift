import Testing

@testable import HealthGuideBase
@testable import HealthGuideContent
@testable import HealthGuideKit
@testable import HealthGuideOutput
@testable import HealthGuidePreview

@Suite("What open pages are told")
struct ReloadEventTests {
    func result(_ status: BuildStatus = .success, written: [String] = [], removed: Int = 0, diagnostics: [Diagnostic] = []) -> BuildResult {
        var result = BuildResult(status: status, diagnostics: diagnostics)
        result.written = written.count
        result.writtenFiles = written
        result.removed = removed
        return result
    }

    @Test("a save that leaves a translation behind its source reloads, then lists the translation")
    func translationsOutdated() {
        let finding = Diagnostic(
            file: "/site/Content/es/causes/a.md", location: SourceLocation(line: 8, column: 1), severity: .warning,
            message:
                "translation is 3 days behind its source: made from the review of 2026-11-01, but /site/Content/causes/a.md was reviewed on 2026-11-04",
            rule: .translationOutdated)
        let other = Diagnostic(
            file: "/site/Content/es/causes/b.md", location: nil, severity: .warning,
            message:
                "translation is 9 days behind its source: made from the review of 2026-11-01, but /site/Content/causes/b.md was reviewed on 2026-11-10",
            rule: .translationOutdated)
        let built = result(written: ["causes/a/index.html", "es/causes/a/index.html"], diagnostics: [finding, other])
        let event = ReloadEvent.after(built, changedSources: ["/site/Content/causes/a.md"], failureShown: false)
        #expect(event == .translationsOutdated([ReloadEvent.Problem(finding)]))
        #expect(
            event?.serverSentEvent.hasPrefix(
                "event: translations-outdated\ndata: [{\"message\":\"translation is 3 days behind its source") == true)
        // A save of another page reloads as ever, however far behind other translations are.
        #expect(ReloadEvent.after(built, changedSources: ["/site/Content/causes/c.md"], failureShown: false) == .reload)
    }

    @Test("changed pages reload")
    func reload() {
        let event = ReloadEvent.after(
            result(written: ["causes/a/index.html"]), changedSources: ["/site/Content/causes/a.md"], failureShown: false)
        #expect(event == .reload)
        #expect(ReloadEvent.after(result(removed: 1), changedSources: ["/site/Content/causes/a.md"], failureShown: false) == .reload)
    }

    @Test("a stylesheet-only change swaps the stylesheet, though every page links its new name")
    func stylesheet() {
        let built = result(written: ["assets/site.0badf00d.css", "index.html", "causes/a/index.html"], removed: 1)
        #expect(
            ReloadEvent.after(built, changedSources: ["/site/Templates/assets/site.css"], failureShown: true)
                == .stylesheets(["assets/site.0badf00d.css"]))
        #expect(
            ReloadEvent.after(built, changedSources: ["/site/Templates/assets/site.css", "/site/Content/a.md"], failureShown: false)
                == .reload)
    }

    @Test("nothing written: nothing to do, or hide the problems of the last build")
    func nothingWritten() {
        #expect(ReloadEvent.after(result(), changedSources: ["/site/Content/a.md"], failureShown: false) == nil)
        #expect(ReloadEvent.after(result(), changedSources: ["/site/Content/a.md"], failureShown: true) == .fixed)
    }

    @Test("a failure carries its errors with file:line:column")
    func failure() {
        let error = Diagnostic(
            file: "Content/causes/a.md", location: SourceLocation(line: 14, column: 9), severity: .error,
            message: "broken link 'b.md'", rule: .brokenLink, hint: nil)
        let warning = Diagnostic(file: "Content/causes/a.md", location: nil, severity: .warning, message: "long", rule: .readability)
        let event = ReloadEvent.after(result(.contentErrors, diagnostics: [warning, error]), changedSources: [], failureShown: false)
        guard case let .failed(problems) = event else {
            Issue.record("expected a failure, got \(String(describing: event))")
            return
        }
        #expect(problems.map(\.position) == ["Content/causes/a.md:14:9"])
        #expect(event?.serverSentEvent.hasPrefix("event: failed\ndata: [{") == true)
        #expect(event?.serverSentEvent.hasSuffix("}]\n\n") == true)
        #expect(event?.serverSentEvent.filter { $0 == "\n" }.count == 3, "the JSON is on one line")
    }
}
