import HealthGuideBase
import HealthGuideContent
import HealthGuideLinks

/// A translated page's state, for `healthguide check --report`: which page it translates and
/// whether it is current.
public struct TranslationRecord: Sendable, Codable, Equatable {
    /// Content paths of the translation and of its source (nil when the source is not in the site).
    public var path: String
    public var language: String
    public var source: String?
    /// `current`, `outdated by 14 days`, `no source_reviewed`…
    public var state: String

    /// Every translation of the graph, by path.
    public static func records(of graph: SiteGraph) -> [TranslationRecord] {
        graph.pages.indices.compactMap { index -> TranslationRecord? in
            let page = graph.pages[index]
            guard let language = page.source.language else { return nil }
            let source = graph.translationSource(of: index).map { graph.pages[$0] }
            let state: String
            if let source {
                state = TranslationCurrency.of(page, source: source)?.label ?? "current"
            } else {
                state = "no source page"
            }
            return TranslationRecord(path: page.source.path, language: language, source: source?.source.path, state: state)
        }.sorted { $0.path < $1.path }
    }

    /// The `--report` table of translations: a header and one aligned row per translation.
    public static func table(_ records: [TranslationRecord]) -> String {
        let header = ["Translation", "Language", "Source", "State"]
        let rows = records.map { [TerminalText.escaped($0.path), $0.language, TerminalText.escaped($0.source ?? "-"), $0.state] }
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        return ([header] + rows).map { cells in
            cells.enumerated().map { column, cell in cell + String(repeating: " ", count: widths[column] - cell.count) }
                .joined(separator: "  ").trimmingWhitespace
        }.joined(separator: "\n")
    }
}
