/// A sign may have only one level of urgency across the site: "a bad fall" listed under
/// `[!EMERGENCY]` on one page and under `[!URGENT]` on another tells readers two different
/// things. Signs are the list items of care cards, compared by their text with case, runs of
/// spaces and closing punctuation ignored, so the same sentence is the same sign wherever it is
/// written. Each listing of such a sign is reported, with the first listing at another level.
struct CareCardLevelRule: SiteRule {
    let id = "care-card-level"
    let defaultSeverity = Severity.error

    /// One sign listed on one page: numbers only, since the rule reads every sign of the site
    /// on every rebuild, and copying the signs' strings cost more than the rest of it.
    private struct Listing {
        let page: Int
        let sign: Int
        let level: CareCardKind
    }

    func check(_ context: CheckContext) -> [Finding] {
        let pages = context.graph.pages
        let total = pages.reduce(0) { $0 + $1.cardSigns.count }
        var signNumbers: [String: Int] = [:]
        signNumbers.reserveCapacity(total)
        // For each sign, by number, the first listing at each level it is listed under.
        var firstAtLevel: [[Listing]] = []
        firstAtLevel.reserveCapacity(total)
        var listings: [(sign: Int, listing: Listing)] = []
        listings.reserveCapacity(total)
        for pageIndex in pages.indices {
            let signs = pages[pageIndex].cardSigns
            for signIndex in signs.indices {
                let level = signs[signIndex].level
                let listing = Listing(page: pageIndex, sign: signIndex, level: level)
                let number = signNumbers[signs[signIndex].folded, default: firstAtLevel.count]
                if number == firstAtLevel.count {
                    signNumbers[signs[signIndex].folded] = number
                    firstAtLevel.append([listing])
                } else if !firstAtLevel[number].contains(where: { $0.level == level }) {
                    firstAtLevel[number].append(listing)
                }
                listings.append((number, listing))
            }
        }
        // Each listing of a sign with two levels, grouped by sign in the order the signs were met.
        let clashing = listings.enumerated()
            .filter { firstAtLevel[$0.element.sign].count > 1 }
            .sorted { ($0.element.sign, $0.offset) < ($1.element.sign, $1.offset) }
            .map(\.element)
        func item(_ listing: Listing) -> CardItemFact {
            let sign = pages[listing.page].cardSigns[listing.sign]
            return pages[listing.page].facts.cards[sign.card].items[sign.item]
        }
        return clashing.compactMap { number, listing in
            guard let other = firstAtLevel[number].first(where: { $0.level != listing.level }) else { return nil }
            let otherItem = item(other), thisItem = item(listing)
            let place = "\(pages[other.page].source.displayPath):\(otherItem.location.line):\(otherItem.location.column)"
            return Finding(page: pages[listing.page], location: thisItem.location,
                           message: "'\(thisItem.text)' is listed under [!\(listing.level.rawValue)] here "
                               + "but under [!\(other.level.rawValue)] at \(place)",
                           hint: "give each sign one level everywhere it is listed")
        }
    }
}
