/// A sign may have only one level of urgency across the site: "a bad fall" listed under
/// `[!EMERGENCY]` on one page and under `[!URGENT]` on another tells readers two different
/// things. Signs are the list items of care cards, compared by their text with case, runs of
/// spaces and closing punctuation ignored, so the same sentence is the same sign wherever it is
/// written. Each listing of such a sign is reported, with the first listing at another level.
struct CareCardLevelRule: SiteRule {
    let id = "care-card-level"
    let defaultSeverity = Severity.error

    /// One care-card item on one page.
    private struct Listing {
        let page: Page
        let level: CareCardKind
        let item: CardItemFact
    }

    func check(_ context: CheckContext) -> [Finding] {
        var listingsBySign: [String: [Listing]] = [:]
        var signs: [String] = []
        for page in context.graph.pages {
            for card in page.facts.cards where card.kind.isCareLevel {
                for item in card.items {
                    let sign = Self.sign(item.text)
                    guard !sign.isEmpty else { continue }
                    if listingsBySign[sign] == nil { signs.append(sign) }
                    listingsBySign[sign, default: []].append(Listing(page: page, level: card.kind, item: item))
                }
            }
        }
        return signs.flatMap { sign -> [Finding] in
            let listings = listingsBySign[sign] ?? []
            return listings.compactMap { listing in
                guard let other = listings.first(where: { $0.level != listing.level }) else { return nil }
                let place = "\(other.page.source.displayPath):\(other.item.location.line):\(other.item.location.column)"
                return Finding(page: listing.page, location: listing.item.location,
                               message: "'\(listing.item.text)' is listed under [!\(listing.level.rawValue)] here "
                                   + "but under [!\(other.level.rawValue)] at \(place)",
                               hint: "give each sign one level everywhere it is listed")
            }
        }
    }

    /// The text that identifies a sign: lower case, single spaces, no closing punctuation.
    static func sign(_ text: String) -> String {
        let words = text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return String(words.reversed().drop(while: { ".,;:!".contains($0) }).reversed())
    }
}
