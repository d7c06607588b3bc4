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
    /// Signs are told apart by their `foldedHash` first.
    private struct Listing {
        let page: Int
        let sign: Int
        let level: CareCardKind
    }

    public func check(_ context: CheckContext) -> [Finding] {
        let pages = context.graph.pages
        // First the signs listed at two levels, by hash: a site repeats a few signs on many
        // pages, so this is one look-up in a small table for each listing, and nearly always
        // finds none.
        var levels: [UInt64: CareCardKind] = [:]
        var clashingHashes: Set<UInt64> = []
        for page in pages {
            for sign in page.cardSigns {
                if let first = levels[sign.foldedHash] {
                    if first != sign.level { clashingHashes.insert(sign.foldedHash) }
                } else {
                    levels[sign.foldedHash] = sign.level
                }
            }
        }
        guard !clashingHashes.isEmpty else { return [] }
        // The listings of those signs, grouped by hash, each group in page order.
        var listingsByHash: [UInt64: [Listing]] = [:]
        for pageIndex in pages.indices {
            for (signIndex, sign) in pages[pageIndex].cardSigns.enumerated() where clashingHashes.contains(sign.foldedHash) {
                listingsByHash[sign.foldedHash, default: []].append(
                    Listing(page: pageIndex, sign: signIndex, level: sign.level))
            }
        }
        var clashes: [[Listing]] = []
        for listings in listingsByHash.values {
            // Texts of one hash are nearly always one text; told apart here when not.
            let signs = Dictionary(grouping: listings) { CardSign.fold(Self.item($0, pages).text) }
            clashes += signs.values.filter { sign in sign.contains { $0.level != sign[0].level } }
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
