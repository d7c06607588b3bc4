import ArgumentParser
import Foundation
import HealthGuideBase
import HealthGuideChecks
import HealthGuideContent
import HealthGuideKit

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check links and the health-content rules without writing anything.",
        discussion: """
            Content rules, with their default severities. Set a rule's severity in site.yml: \
            'rules: { orphan: error, long-paragraph: off }'.
            \(contentRules)

            --report prints the editor's table: reading grade, words, reading minutes, sources and \
            next review date of every article, then each translation's source and state (current, \
            or outdated by how many days). The JSON output always holds these records.

            Exit status: 0 no errors, 1 content errors (or warnings with --strict), 2 bad options or settings.
            """
    )

    /// Each content rule, its default severity, and below it what it finds: two short lines
    /// rather than one the help would wrap.
    static let contentRules = RuleID.contentRules
        .map { "  \($0.rawValue) (\($0.defaultSeverity.rawValue))\n      \($0.summary)" }
        .joined(separator: "\n")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @OptionGroup var location: SiteLocationOptions

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @Option(help: ArgumentHelp("Judge review dates as of this day instead of today.", valueName: "YYYY-MM-DD"))
    var today: CalendarDate?

    @Flag(help: "Fail on warnings too.")
    var strict = false

    @Flag(help: "Print the editor's table: reading grade, words, minutes, sources, next review.")
    var report = false

    func run() throws {
        var options = location.buildOptions()
        options.strict = strict
        if let today { options.today = today }
        let result = SiteBuilder(options: options).check()
        // The build names files by absolute paths; the report shows them as the text does.
        let shown = CheckReport(result: result)
        switch format {
        case .text:
            Terminal.printDiagnostics(result.diagnostics)
            if report, !result.articles.isEmpty {
                print(ArticleRecord.table(shown.articles))
            }
            if report, !result.translations.isEmpty {
                print(TranslationRecord.table(result.translations))
            }
            if result.status == .success {
                print("No errors, \(result.warningCount) warning(s).")
            }
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let data = try encoder.encode(shown)
            print(String(decoding: data, as: UTF8.self))
        }
        // Ends the process with the report still alive: returning would free a 10,000-page
        // site graph object by object first, memory the system takes back at once anyway.
        withExtendedLifetime(result) { Foundation.exit(result.status.rawValue) }
    }
}

/// The JSON form of a check.
struct CheckReport: Encodable {
    var errors: Int
    var warnings: Int
    var diagnostics: [Diagnostic]
    var articles: [ArticleRecord]
    var translations: [TranslationRecord]

    /// Paths shown relative to the working folder, as in the text report.
    init(result: BuildResult) {
        let paths = DisplayPaths()
        errors = result.errorCount
        warnings = result.warningCount
        diagnostics = result.diagnostics.map(paths.display)
        translations = result.translations
        articles = result.articles.map { article in
            var shown = article
            shown.path = paths.display(article.path)
            return shown
        }
    }
}
