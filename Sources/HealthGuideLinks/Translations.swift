import HealthGuideContent
import HealthGuideMarkdown

/// The pairs of a source page and its translations. A translation keeps its source's path
/// inside its language folder (`es/causes/muscle-strain.md` translates
/// `causes/muscle-strain.md`), so the pairs need no settings and are found by path.
extension SiteGraph {
    /// The page a translation was made from, if it is in the site.
    public func translationSource(of index: Int) -> Int? {
        // Asked for every page as it is rendered: the page's source is read field by field, not copied.
        let page = pages[index]
        guard let language = page.source.language else { return nil }
        return pagesByPath[String(page.source.path.dropFirst(language.count + 1))]
    }

    /// Every translation in the site with the page it was made from, by page index.
    public var translationPairs: [(translation: Int, source: Int)] {
        pages.indices.compactMap { index in translationSource(of: index).map { (index, $0) } }
    }

    /// The page at `index` in each of `languages` (the default language as nil), where it is
    /// in the site: the source and every translation of it.
    public func versions(of index: Int, languages: [String]) -> [(language: String?, page: Int)] {
        let source = pages[index].source
        let sourcePath = source.language.map { String(source.path.dropFirst($0.count + 1)) } ?? source.path
        let defaultVersion = pagesByPath[sourcePath].map { [(language: String?.none, page: $0)] } ?? []
        return defaultVersion + languages.compactMap { code in pagesByPath[code + "/" + sourcePath].map { (code, $0) } }
    }
}

/// Whether a translated article still says what its source says, judged by the source's
/// `reviewed` date against the translation's `source_reviewed`.
public enum TranslationCurrency: Sendable, Equatable {
    /// Made from the source's current review.
    case current
    /// Made from an older review: the source was reviewed `days` days later.
    case outdated(sourceReviewed: CalendarDate, translatedFrom: CalendarDate, days: Int)
    /// The translation does not say which review it was made from.
    case unknown
    /// `source_reviewed` is later than the source's `reviewed`: the source's review date went back.
    case ahead(sourceReviewed: CalendarDate, translatedFrom: CalendarDate)
    /// Made from the source's current review, but its `source_hash` is not the source's text:
    /// the source was edited without a new review date.
    case textChanged(recorded: String, current: String)

    /// The currency of translated article `translation` made from article `source`; nil when
    /// either is no article, or the source has no review date.
    public static func of(_ translation: Page, source: Page) -> TranslationCurrency? {
        guard translation.isArticle, source.isArticle, let reviewed = source.source.frontMatter.reviewed else { return nil }
        guard let from = translation.source.frontMatter.sourceReviewed else { return .unknown }
        if from == reviewed {
            let current = source.source.bodyHash
            if let recorded = translation.source.frontMatter.sourceHash, recorded != current {
                return .textChanged(recorded: recorded, current: current)
            }
            return .current
        }
        if from < reviewed { return .outdated(sourceReviewed: reviewed, translatedFrom: from, days: from.days(until: reviewed)) }
        return .ahead(sourceReviewed: reviewed, translatedFrom: from)
    }

    /// A short name for `check --report`.
    public var label: String {
        switch self {
        case .current: return "current"
        case let .outdated(_, _, days): return "outdated by \(days) day\(days == 1 ? "" : "s")"
        case .unknown: return "no source_reviewed"
        case .ahead: return "source_reviewed after the source's reviewed"
        case .textChanged: return "source text changed"
        }
    }
}

/// The care-level cards of a page as a translation must keep them: each card's level and
/// number of signs, in page order.
public struct CardOutline: Sendable, Equatable {
    public let cards: [(level: CareCardKind, signs: Int)]

    public init(_ page: Page) {
        var cards: [(card: Int, level: CareCardKind, signs: Int)] = []
        for sign in page.cardSigns {
            if let last = cards.last, last.card == sign.card {
                cards[cards.count - 1].signs += 1
            } else {
                cards.append((sign.card, sign.level, 1))
            }
        }
        self.cards = cards.map { ($0.level, $0.signs) }
    }

    public static func == (lhs: CardOutline, rhs: CardOutline) -> Bool {
        lhs.cards.elementsEqual(rhs.cards) { $0.level == $1.level && $0.signs == $1.signs }
    }

    /// `[!EMERGENCY] with 5 signs, [!URGENT] with 3 signs`; `no care cards`.
    public var description: String {
        guard !cards.isEmpty else { return "no care cards" }
        return cards.map { "[!\($0.level.rawValue)] with \($0.signs) sign\($0.signs == 1 ? "" : "s")" }.joined(separator: ", ")
    }
}

extension CalendarDate {
    /// Days from this day to `later` (negative when `later` is earlier).
    public func days(until later: CalendarDate) -> Int {
        later.dayNumber - dayNumber
    }

    /// Days since 1 March of year 0 in the proleptic Gregorian calendar.
    private var dayNumber: Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let shiftedMonth = (month + 9) % 12
        return 365 * shiftedYear + shiftedYear / 4 - shiftedYear / 100 + shiftedYear / 400 + (153 * shiftedMonth + 2) / 5 + day - 1
    }
}
