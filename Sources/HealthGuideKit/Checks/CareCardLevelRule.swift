/// A sign may have only one level of urgency across the site: "a bad fall" listed under
/// `[!EMERGENCY]` on one page and under `[!URGENT]` on another tells readers two different
/// things. Signs are the list items of care cards, compared by their text with case, runs of
/// spaces and closing punctuation ignored, so the same sentence is the same sign wherever it is
/// written. Each listing of such a sign is reported, with the first listing at another level.
struct CareCardLevelRule: SiteRule {
    let id = "care-card-level"
    let defaultSeverity = Severity.error

    /// One sign listed on one page.
    private struct Listing {
        let page: Int
        let sign: CardSign
    }

    func check(_ context: CheckContext) -> [Finding] {
        let pages = context.graph.pages
        var signNumbers: [String: Int] = [:]
        // For each sign, by number, the first listing at each level it is listed under.
        var firstAtLevel: [[Listing]] = []
        var listings: [(sign: Int, listing: Listing)] = []
        for pageIndex in pages.indices {
            for sign in pages[pageIndex].cardSigns {
                let number: Int
                if let known = signNumbers[sign.folded] {
                    number = known
                } else {
                    number = firstAtLevel.count
                    signNumbers[sign.folded] = number
                    firstAtLevel.append([])
                }
                let listing = Listing(page: pageIndex, sign: sign)
                if !firstAtLevel[number].contains(where: { $0.sign.level == sign.level }) { firstAtLevel[number].append(listing) }
                listings.append((number, listing))
            }
        }
        // Each listing of a sign with two levels, grouped by sign in the order the signs were met.
        let clashing = listings.enumerated()
            .filter { firstAtLevel[$0.element.sign].count > 1 }
            .sorted { ($0.element.sign, $0.offset) < ($1.element.sign, $1.offset) }
            .map(\.element)
        func item(_ listing: Listing) -> CardItemFact {
            pages[listing.page].facts.cards[listing.sign.card].items[listing.sign.item]
        }
        return clashing.compactMap { number, listing in
            guard let other = firstAtLevel[number].first(where: { $0.sign.level != listing.sign.level }) else { return nil }
            let otherItem = item(other), thisItem = item(listing)
            let place = "\(pages[other.page].source.displayPath):\(otherItem.location.line):\(otherItem.location.column)"
            return Finding(page: pages[listing.page], location: thisItem.location,
                           message: "'\(thisItem.text)' is listed under [!\(listing.sign.level.rawValue)] here "
                               + "but under [!\(other.sign.level.rawValue)] at \(place)",
                           hint: "give each sign one level everywhere it is listed")
        }
    }
}
