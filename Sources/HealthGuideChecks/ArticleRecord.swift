import HealthGuideBase
import HealthGuideContent
import HealthGuideLinks

/// The editor's view of one article: how hard it reads, how long it is, what it cites and
/// when it is due for review. `healthguide check` reports one per article (`--report`, JSON).
public struct ArticleRecord: Sendable, Hashable, Codable {
    /// The file, as diagnostics name it.
    public var path: String
    public var title: String
    /// The article's score by its language's formula, to one decimal: the Flesch-Kincaid
    /// grade of an English article, the ease of a Spanish one (`formula`).
    public var grade: Double
    public var formula: ReadabilityFormula
    /// Flesch reading ease (0–100, higher is easier), to one decimal.
    public var readingEase: Double
    /// SMOG grade, to one decimal.
    public var smog: Double
    public var words: Int
    public var readingMinutes: Int
    public var sources: Int
    /// `YYYY-MM-DD`, as in front matter.
    public var reviewed: String?
    public var nextReview: String?

    /// Patients reading health information, often on a phone, read at about 200 words a minute.
    public static let wordsPerMinute = 200

    /// Made as the page is prepared, from the sentences its rules read. Every word of the
    /// prose is in one of them, so their words are the page's.
    public init(page: Page, sentences: [Sentence], config: SiteConfig) {
        let readability = Readability(sentences)
        let matter = page.source.frontMatter
        path = page.source.displayPath
        title = page.title
        formula = config.readingLimits.formula
        grade = readability.score(formula).roundedToTenth
        readingEase = readability.fleschReadingEase.roundedToTenth
        smog = readability.smogGrade.roundedToTenth
        words = readability.words
        readingMinutes = (words + Self.wordsPerMinute - 1) / Self.wordsPerMinute
        sources = matter.sources.count
        reviewed = matter.reviewed?.iso
        nextReview = matter.reviewed.flatMap { $0.adding(months: config.reviewIntervalMonths) }?.iso
    }

    /// The `--report` table: a header and one aligned row per article.
    public static func table(_ records: [ArticleRecord]) -> String {
        let header = ["Article", "Grade", "Words", "Minutes", "Sources", "Next review"]
        let rows = records.map { record in
            // The path is a file name, printed on a terminal.
            [
                TerminalText.escaped(record.path), record.grade.oneDecimal + (record.formula.higherIsHarder ? "" : " ease"),
                String(record.words), String(record.readingMinutes),
                String(record.sources), record.nextReview ?? "-",
            ]
        }
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        return ([header] + rows).map { cells in
            cells.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                // The article path and the date read left to right; numbers line up on the right.
                return column == 0 || column == header.count - 1 ? cell + padding : padding + cell
            }.joined(separator: "  ").trimmingWhitespace
        }.joined(separator: "\n")
    }
}
