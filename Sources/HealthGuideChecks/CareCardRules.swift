import HealthGuideBase
import HealthGuideContent
import HealthGuideLinks

// Rules for the NHS-style care cards: `[!EMERGENCY]`, `[!URGENT]` and `[!NON-URGENT]`. Plain
// callouts (`[!NOTE]`, `[!TIP]`, `[!WARNING]`) are not care cards and are left alone.

/// Every article about warning signs says when to call for an ambulance.
public struct EmergencyCardRule: PageRule {
    public let id = RuleID.emergencyCard

    /// The section of red-flag advice, as DESIGN.md names it; its topics' articles too.
    public static let warningSignsSection = "warning-signs"

    public func check(page: Page, context: PageCheckContext) -> [Finding] {
        guard page.isArticle, page.source.kind.sectionID == Self.warningSignsSection,
            !page.facts.cards.contains(where: { $0.kind == .emergency })
        else { return [] }
        return [
            Finding(
                page: page, location: Self.firstTextLine(of: page.source),
                message: "warning-signs article has no [!EMERGENCY] card",
                hint: "add a '> [!EMERGENCY]' card listing the signs that mean calling \(context.config.emergencyNumber)")
        ]
    }

    /// The first line of the body with text on it, near where the card belongs.
    public static func firstTextLine(of source: SourcePage) -> SourceLocation {
        // Page rules run as a page is read, so its body is there.
        let blankLines = (source.body ?? "").split(separator: "\n", omittingEmptySubsequences: false)
            .prefix { $0.allSatisfy(\.isWhitespace) }.count
        return SourceLocation(line: source.bodyLineOffset + blankLines + 1, column: 1)
    }
}

/// A care card is shown as "Call 911 … if:" followed by its list, so it needs list items.
public struct EmptyCareCardRule: PageRule {
    public let id = RuleID.emptyCard

    public func check(page: Page, context: PageCheckContext) -> [Finding] {
        page.facts.cards.filter { $0.kind.isCareLevel && $0.listItemCount == 0 }.map { card in
            Finding(
                page: page, location: card.location, message: "[!\(card.kind.rawValue)] card has no list items",
                hint: "list the signs as '> - …' lines; the card's heading ends with 'if:'")
        }
    }
}

/// More than three care cards on one page dilute the urgent ones.
public struct CareCardCountRule: PageRule {
    public let id = RuleID.tooManyCards

    public static let maximumCards = 3

    public func check(page: Page, context: PageCheckContext) -> [Finding] {
        let cards = page.facts.cards.filter(\.kind.isCareLevel)
        guard cards.count > Self.maximumCards else { return [] }
        return [
            Finding(
                page: page, location: cards[Self.maximumCards].location,
                message: "page has \(cards.count) care cards, more than \(Self.maximumCards)",
                hint: "keep one card per level of urgency and merge the rest into it")
        ]
    }
}
