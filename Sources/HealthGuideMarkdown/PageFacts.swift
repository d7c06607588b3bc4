import HealthGuideBase
import HealthGuideContent

/// A heading of the page body, with the id HealthGuide gives it.
public struct HeadingFact: Sendable, Hashable, Codable {
    public var level: Int
    public var text: String
    /// GitHub-style id; h2–h4 are linkable and listed in the table of contents.
    public var id: String
    public var location: SourceLocation
}

/// A link or image in the body, in document order.
public struct LinkFact: Sendable, Hashable, Codable {
    public var destination: String
    /// The link's visible text, or an image's alt text.
    public var text: String
    public var isImage: Bool
    public var location: SourceLocation
}

/// A run of prose, the unit the readability rules work on.
public struct TextBlockFact: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Codable {
        case paragraph, heading, listItem, tableCell
    }
    public var kind: Kind
    public var text: String
    public var line: Int
    /// Where each run of `text` starts in the file, so a sentence found in the text can be
    /// pointed at exactly even when links or emphasis split it over several nodes.
    public var runs: [TextRun] = []

    public init(kind: Kind, line: Int) {
        self.kind = kind
        self.text = ""
        self.line = line
    }

    public mutating func append(_ literal: String, at location: SourceLocation) {
        runs.append(TextRun(offset: text.utf8.count, location: location))
        text += literal
    }

    /// Trims the text; runs keep pointing at the same characters (a run starting in the
    /// trimmed space gets a negative offset, which `location(atUTF8Offset:)` handles).
    public mutating func trimWhitespace() {
        let trimmed = text.trimmingWhitespace
        // Most blocks have nothing to trim, which the lengths tell without walking characters.
        guard trimmed.utf8.count != text.utf8.count else { return }
        let leading = text.prefix(while: \.isWhitespace).utf8.count
        text = trimmed
        if leading > 0 {
            runs = runs.map { TextRun(offset: $0.offset - leading, location: $0.location) }
        }
    }

    /// The file position of the character at `offset` (UTF-8 bytes into `text`), counted
    /// from the start of its run as cmark counts columns.
    public func location(atUTF8Offset offset: Int) -> SourceLocation {
        guard let run = runs.last(where: { $0.offset <= offset }) else { return SourceLocation(line: line, column: 1) }
        return SourceLocation(line: run.location.line, column: run.location.column + offset - run.offset)
    }
}

/// The start of one text node inside a `TextBlockFact`.
public struct TextRun: Sendable, Hashable, Codable {
    /// UTF-8 offset into the block's text.
    public var offset: Int
    public var location: SourceLocation
}

/// A `> [!…]` block quote.
public struct CardFact: Sendable, Hashable, Codable {
    public var kind: CareCardKind
    /// The items of the lists directly inside the card, in order: the signs a care card lists.
    public var items: [CardItemFact]
    public var location: SourceLocation

    public var listItemCount: Int { items.count }
}

/// One sign a care card lists, as the site-wide check of levels compares it: which card and
/// item of the page, at what level, and the hash of the item's text folded (`CardSign.fold`).
/// The check reads every sign of the site on each rebuild, from the page cache for most pages:
/// numbers alone decode and compare faster than 50,000 strings, and the text is folded again
/// only for the few signs whose hashes meet at two levels.
public struct CardSign: Sendable, Hashable {
    public var card: Int
    public var item: Int
    public var level: CareCardKind
    public var foldedHash: UInt64

    /// The signs of the care-level cards in `facts`, in page order; empty items left out.
    public static func signs(of facts: PageFacts) -> [CardSign] {
        facts.cards.enumerated().filter { $0.element.kind.isCareLevel }.flatMap { cardIndex, card in
            card.items.enumerated().compactMap { itemIndex, item in
                let folded = fold(item.text)
                return folded.isEmpty
                    ? nil : CardSign(card: cardIndex, item: itemIndex, level: card.kind, foldedHash: FNV1a.hash(folded.utf8))
            }
        }
    }

    /// The text that identifies a sign: lower case, single spaces, no closing punctuation or
    /// space. Read as bytes when the text is ASCII, as nearly every sign is.
    public static func fold(_ text: String) -> String {
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else { return unicodeFold(text) }
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
        while let last = bytes.last, closingPunctuation.contains(last) || last == UInt8(ascii: " ") { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static let closingPunctuation: [UInt8] = Array(".,;:!".utf8)

    private static func unicodeFold(_ text: String) -> String {
        let words = text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return String(words.reversed().drop(while: { ".,;:!".contains($0) || $0.isWhitespace }).reversed())
    }
}

/// One `> - …` item of a card, as plain text.
public struct CardItemFact: Sendable, Hashable, Codable {
    public var text: String
    public var location: SourceLocation
}

/// A table; GFM tables always have a header row, but it may be left empty.
public struct TableFact: Sendable, Hashable, Codable {
    public var hasHeaderText: Bool
    public var location: SourceLocation
    /// Cells in all rows, the header row too.
    public var cells: Int
}

/// What the whole-site stages need to know about one page body, gathered in one pass over
/// the Markdown so the tree can be freed before the next page is parsed.
public struct PageFacts: Sendable, Hashable, Codable {
    public var headings: [HeadingFact] = []
    public var links: [LinkFact] = []
    public var textBlocks: [TextBlockFact] = []
    public var cards: [CardFact] = []
    public var tables: [TableFact] = []
    /// Markers such as `[!CAUTION]` that name no known card.
    public var unknownCardMarkers: [UnknownCardMarker] = []
    /// Raw HTML in the body, which is dropped unless the site allows it.
    public var rawHTML: [SourceLocation] = []
    /// What sanitizing the raw HTML removes, when the site allows it. Like the text blocks it
    /// serves only the page's own checks, so the page cache does not keep it.
    public var removedHTML: [RemovedHTML] = []
    /// Indexes into the glossary of the terms the page uses, with the first use of each.
    public var glossaryTerms: [GlossaryUse] = []

    public init(
        headings: [HeadingFact] = [], links: [LinkFact] = [], textBlocks: [TextBlockFact] = [], cards: [CardFact] = [],
        tables: [TableFact] = [], unknownCardMarkers: [UnknownCardMarker] = [], rawHTML: [SourceLocation] = [],
        removedHTML: [RemovedHTML] = [], glossaryTerms: [GlossaryUse] = []
    ) {
        self.headings = headings
        self.links = links
        self.textBlocks = textBlocks
        self.cards = cards
        self.tables = tables
        self.unknownCardMarkers = unknownCardMarkers
        self.rawHTML = rawHTML
        self.removedHTML = removedHTML
        self.glossaryTerms = glossaryTerms
    }

    /// Ids that `#fragment` links to this page may use.
    public var anchors: [String] { headings.map(\.id) }

    /// True when a `#fragment` link to this page finds its heading.
    public func hasAnchor(_ id: String) -> Bool {
        headings.contains { $0.id == id }
    }
}

/// An element or attribute the raw HTML sanitizer removes, and why.
public struct RemovedHTML: Sendable, Hashable, Codable {
    public var message: String
    public var location: SourceLocation
}

public struct UnknownCardMarker: Sendable, Hashable, Codable {
    public var name: String
    public var location: SourceLocation
}

public struct GlossaryUse: Sendable, Hashable, Codable {
    public var entryIndex: Int
    public var location: SourceLocation
}
