import HealthGuideBase
import HealthGuideContent
import HealthGuideLinks
import HealthGuideMarkdown

/// A sign may have only one level of urgency across the site: "a bad fall" listed under
/// `[!EMERGENCY]` on one page and under `[!URGENT]` on another tells readers two different
/// things. Signs are the list items of care cards, compared by their text with case, runs of
/// spaces and closing punctuation ignored, so the same sentence is the same sign wherever it is
/// written. Each listing of such a sign is reported, with the first listing at another level.
public struct CareCardLevelRule: SiteRule {
    public let id = RuleID.careCardLevel

    /// One sign listed on one page: numbers only, since the rule reads every sign of the site
    /// on every rebuild, and copying or hashing the signs' strings cost more than the rest of it.
    /// `hash` is the sign's `foldedHash`.
    private struct Listing {
        let hash: UInt64
        let page: Int
        let sign: Int
        let level: CareCardKind
    }

    public func check(_ context: CheckContext) -> [Finding] {
        let pages = context.graph.pages
        var listings: [Listing] = []
        listings.reserveCapacity(pages.reduce(0) { $0 + $1.cardSigns.count })
        for pageIndex in pages.indices {
            for (signIndex, sign) in pages[pageIndex].cardSigns.enumerated() {
                listings.append(Listing(hash: sign.foldedHash, page: pageIndex, sign: signIndex, level: sign.level))
            }
        }
        // Sorted by the folded text's hash, the listings of a sign sit together, in page order.
        listings.sort { ($0.hash, $0.page, $0.sign) < ($1.hash, $1.page, $1.sign) }
        var clashes: [[Listing]] = []
        var start = 0
        while start < listings.count {
            var end = start + 1
            var oneLevel = true
            while end < listings.count, listings[end].hash == listings[start].hash {
                oneLevel = oneLevel && listings[end].level == listings[start].level
                end += 1
            }
            if !oneLevel {
                // Texts of one hash are nearly always one text; told apart here when not.
                let signs = Dictionary(grouping: listings[start..<end]) { CardSign.fold(Self.item($0, pages).text) }
                clashes += signs.values.filter { sign in sign.contains { $0.level != sign[0].level } }
            }
            start = end
        }
        // Grouped by sign, in the order the signs were met.
        clashes.sort { ($0[0].page, $0[0].sign) < ($1[0].page, $1[0].sign) }
        return clashes.flatMap { sign in sign.map { finding(for: $0, in: sign, pages: pages) } }
    }

    private static func item(_ listing: Listing, _ pages: [Page]) -> CardItemFact {
        let sign = pages[listing.page].cardSigns[listing.sign]
        return pages[listing.page].facts.cards[sign.card].items[sign.item]
    }

    /// `listing` reported with the first listing of its sign at another level.
    private func finding(for listing: Listing, in sign: [Listing], pages: [Page]) -> Finding {
        // A sign in `clashes` has a listing at another level than any of its listings.
        let other = sign.first { $0.level != listing.level } ?? listing
        let otherItem = Self.item(other, pages), thisItem = Self.item(listing, pages)
        let place = pages[other.page].source.place(of: otherItem.location)
        return Finding(
            page: pages[listing.page], location: thisItem.location,
            message: "'\(thisItem.text)' is listed under [!\(listing.level.rawValue)] here "
                + "but under [!\(other.level.rawValue)] at \(place)",
            hint: "give each sign one level everywhere it is listed")
    }
}
