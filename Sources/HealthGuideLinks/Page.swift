import Foundation
import HealthGuideBase
import HealthGuideContent
import HealthGuideMarkdown

/// A page after parsing: its source, its URL and the facts of its body.
///
/// A class, since the whole-site stages pass pages around by the thousand: copying a struct of
/// this size retains each of its strings and arrays, and on two cores those reference counts
/// became a fifth of an incremental build.
public final class Page: Sendable {
    public let source: SourcePage
    /// Site-relative URL path: `causes/muscle-strain/`.
    public let url: String
    /// What the scanner found in the body.
    public var facts: PageFacts { factsStorage.value }
    private let factsStorage: Lazy<PageFacts>
    /// The signs of its care cards, kept apart from the facts: the site-wide check of levels
    /// reads every page's signs on every build, and would otherwise decode every page's facts.
    public let cardSigns: [CardSign]
    /// The title as pages are sorted and compared by: trimmed and in lower case. Kept, since
    /// every build sorts and compares all titles.
    public let titleKey: String

    /// A page with the given facts; `cardSigns` when they are known already, else read from them.
    public convenience init(source: SourcePage, url: String, facts: PageFacts, cardSigns: [CardSign]? = nil) {
        self.init(source: source, url: url, facts: Lazy(facts), cardSigns: cardSigns ?? CardSign.signs(of: facts))
    }

    /// A page whose facts are made when first read (see `Lazy`).
    public init(source: SourcePage, url: String, facts: Lazy<PageFacts>, cardSigns: [CardSign]) {
        self.source = source
        self.url = url
        factsStorage = facts
        self.cardSigns = cardSigns
        titleKey = source.frontMatter.title.trimmingWhitespace.lowercased()
    }

    public var title: String { source.frontMatter.title }
    public var isArticle: Bool {
        if case .article = source.kind { return true }
        return false
    }
}
