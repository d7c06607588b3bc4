import Foundation
import HealthGuideBase
import HealthGuideContent
import HealthGuideKit

/// What open pages are told after a rebuild, sent to them as Server-Sent Events.
enum ReloadEvent: Equatable, Sendable {
    /// Pages changed: reload.
    case reload
    /// Only stylesheets changed: swap in these output paths without reloading the page.
    case stylesheets([String])
    /// The rebuild failed: show these problems over the page, which stays the last good one.
    case failed([Problem])
    /// A rebuild after a failure succeeded without changing any file: hide the problems.
    case fixed
    /// Pages changed, and a saved page's translations are now behind it: reload, then list them.
    case translationsOutdated([Problem])

    /// One diagnostic as the overlay shows it.
    struct Problem: Codable, Equatable, Sendable {
        /// `Content/stretches/cat-cow.md:14:9`
        var position: String
        var severity: String
        var message: String
        var rule: String
        var hint: String?

        /// Paths are shown relative to the preview's working folder, as on its terminal.
        init(_ diagnostic: Diagnostic) {
            let diagnostic = DisplayPaths().display(diagnostic)
            position = diagnostic.file + (diagnostic.location.map { ":\($0.line):\($0.column)" } ?? "")
            severity = diagnostic.severity.rawValue
            message = diagnostic.message
            rule = diagnostic.rule.rawValue
            hint = diagnostic.hint
        }
    }

    /// The event after a build. `changedSources` are the files whose change caused it;
    /// `failureShown` says whether open pages show the problems of an earlier build.
    /// Nil when open pages have nothing to do.
    static func after(_ result: BuildResult, changedSources: Set<String>, failureShown: Bool) -> ReloadEvent? {
        guard result.status == .success else {
            let errors = result.diagnostics.filter { $0.severity == .error }
            return .failed((errors.isEmpty ? result.diagnostics : errors).map(Problem.init))
        }
        guard result.written > 0 || result.removed > 0 else { return failureShown ? .fixed : nil }
        // A translation's finding names its source; those of the saved sources are news.
        let outdated = result.diagnostics.filter { diagnostic in
            diagnostic.rule == .translationOutdated && changedSources.contains { diagnostic.message.contains($0) }
        }
        if !outdated.isEmpty { return .translationsOutdated(outdated.map(Problem.init)) }
        // A stylesheet edit renames the stylesheet, so every page is rewritten to link the new
        // name; open pages need only the new stylesheet.
        let stylesheets = result.writtenFiles.filter { $0.hasSuffix(".css") }
        if !changedSources.isEmpty, changedSources.allSatisfy({ $0.hasSuffix(".css") }), !stylesheets.isEmpty {
            return .stylesheets(stylesheets)
        }
        return .reload
    }

    /// The event in the `text/event-stream` format. Data is JSON on a single line.
    var serverSentEvent: String {
        let name: String
        let data: Data
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        switch self {
        case .reload:
            name = "reload"
            data = Data("{}".utf8)
        case let .stylesheets(paths):
            name = "stylesheets"
            data = (try? encoder.encode(paths)) ?? Data("[]".utf8)
        case let .failed(problems):
            name = "failed"
            data = (try? encoder.encode(problems)) ?? Data("[]".utf8)
        case .fixed:
            name = "fixed"
            data = Data("{}".utf8)
        case let .translationsOutdated(problems):
            name = "translations-outdated"
            data = (try? encoder.encode(problems)) ?? Data("[]".utf8)
        }
        return "event: \(name)\ndata: \(String(decoding: data, as: UTF8.self))\n\n"
    }
}
