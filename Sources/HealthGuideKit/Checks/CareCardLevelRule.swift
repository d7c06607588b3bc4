/// A sign may have only one level of urgency across the site: "a bad fall" listed under
/// `[!EMERGENCY]` on one page and under `[!URGENT]` on another tells readers two different
/// things. Signs are the list items of care cards, compared by their text with case, runs of
/// spaces and closing punctuation ignored, so the same sentence is the same sign wherever it is
/// written. Each listing of such a sign is reported, with the first listing at another level.
struct CareCardLevelRule: SiteRule {
    let id = "care-card-level"
    let defaultSeverity = Severity.error

    /// One care-card item: page, card and item by number, since the rule reads every card of
    /// the site on every build and copying pages cost more than the rest of it.
    private struct Listing {
        let page: Int
        let card: Int
        let item: Int
        let level: CareCardKind
    }

    func check(_ context: CheckContext) -> [Finding] {
        let pages = context.graph.pages
        var signNumbers: [String: Int] = [:]
        // For each sign, by number, the first listing at each level it is listed under.
        var firstAtLevel: [[Listing]] = []
        var listings: [(sign: Int, listing: Listing)] = []
        for (pageIndex, page) in pages.enumerated() {
            for (cardIndex, card) in page.facts.cards.enumerated() where card.kind.isCareLevel {
                for (itemIndex, item) in card.items.enumerated() {
                    let sign = Self.sign(item.text)
                    guard !sign.isEmpty else { continue }
                    let number: Int
                    if let known = signNumbers[sign] {
                        number = known
                    } else {
                        number = firstAtLevel.count
                        signNumbers[sign] = number
                        firstAtLevel.append([])
                    }
                    let listing = Listing(page: pageIndex, card: cardIndex, item: itemIndex, level: card.kind)
                    if !firstAtLevel[number].contains(where: { $0.level == card.kind }) { firstAtLevel[number].append(listing) }
                    listings.append((number, listing))
                }
            }
        }
        // Each listing of a sign with two levels, grouped by sign in the order the signs were met.
        let clashing = listings.enumerated()
            .filter { firstAtLevel[$0.element.sign].count > 1 }
            .sorted { ($0.element.sign, $0.offset) < ($1.element.sign, $1.offset) }
            .map(\.element)
        func item(_ listing: Listing) -> CardItemFact { pages[listing.page].facts.cards[listing.card].items[listing.item] }
        return clashing.compactMap { sign, listing in
            guard let other = firstAtLevel[sign].first(where: { $0.level != listing.level }) else { return nil }
            let otherItem = item(other), thisItem = item(listing)
            let place = "\(pages[other.page].source.displayPath):\(otherItem.location.line):\(otherItem.location.column)"
            return Finding(page: pages[listing.page], location: thisItem.location,
                           message: "'\(thisItem.text)' is listed under [!\(listing.level.rawValue)] here "
                               + "but under [!\(other.level.rawValue)] at \(place)",
                           hint: "give each sign one level everywhere it is listed")
        }
    }

    /// The text that identifies a sign: lower case, single spaces, no closing punctuation or
    /// space.
    /// Read as bytes when the text is ASCII, as nearly every sign is: the rule reads every sign
    /// of the site on every build.
    static func sign(_ text: String) -> String {
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else { return unicodeSign(text) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"), 0x0B, 0x0C:
                pendingSpace = !bytes.isEmpty
            default:
                if pendingSpace { bytes.append(UInt8(ascii: " ")) }
                pendingSpace = false
                bytes.append(byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte)
            }
        }
        while let last = bytes.last, Self.closingPunctuation.contains(last) || last == UInt8(ascii: " ") { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static let closingPunctuation: [UInt8] = Array(".,;:!".utf8)

    private static func unicodeSign(_ text: String) -> String {
        let words = text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return String(words.reversed().drop(while: { ".,;:!".contains($0) || $0.isWhitespace }).reversed())
    }
}
