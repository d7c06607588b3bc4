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
    var runs: [TextRun] = []

    init(kind: Kind, line: Int) {
        self.kind = kind
        self.text = ""
        self.line = line
    }

    mutating func append(_ literal: String, at location: SourceLocation) {
        runs.append(TextRun(offset: text.utf8.count, location: location))
        text += literal
    }

    /// Trims the text; runs keep pointing at the same characters (a run starting in the
    /// trimmed space gets a negative offset, which `location(atUTF8Offset:)` handles).
    mutating func trimWhitespace() {
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
    func location(atUTF8Offset offset: Int) -> SourceLocation {
        guard let run = runs.last(where: { $0.offset <= offset }) else { return SourceLocation(line: line, column: 1) }
        return SourceLocation(line: run.location.line, column: run.location.column + offset - run.offset)
    }
}

/// The start of one text node inside a `TextBlockFact`.
struct TextRun: Sendable, Hashable, Codable {
    /// UTF-8 offset into the block's text.
    var offset: Int
    var location: SourceLocation
}

/// A `> [!…]` block quote.
public struct CardFact: Sendable, Hashable, Codable {
    public var kind: CareCardKind
    /// The items of the lists directly inside the card, in order: the signs a care card lists.
    public var items: [CardItemFact]
    public var location: SourceLocation

    public var listItemCount: Int { items.count }
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

    /// Ids that `#fragment` links to this page may use.
    public var anchors: [String] { headings.map(\.id) }

    /// True when a `#fragment` link to this page finds its heading.
    func hasAnchor(_ id: String) -> Bool {
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
