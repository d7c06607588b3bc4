import CCmarkGFM
import HealthGuideBase
import HealthGuideContent

/// The nodes the renderer rewrites, found by the same walk that gathers the facts, so the
/// two can never disagree about which link is which or which word is a glossary term.
public struct EditTargets {
    /// Links and images in document order: the same order as `PageFacts.links`.
    public var links: [OpaquePointer] = []
    public var headings: [(node: OpaquePointer, id: String)] = []
    public var cards: [(quote: OpaquePointer, marker: CareCardMarker, headingLevel: Int)] = []
    /// Text nodes of prose outside links and headings that hold a page's first use of a
    /// glossary term, with those uses.
    public var glossaryText: [(node: OpaquePointer, matches: [GlossaryMatcher.Match])] = []
    /// Raw HTML blocks and inline tags, which are sanitized when the site allows raw HTML.
    public var rawHTML: [OpaquePointer] = []

    public init(
        links: [OpaquePointer] = [], headings: [(node: OpaquePointer, id: String)] = [],
        cards: [(quote: OpaquePointer, marker: CareCardMarker, headingLevel: Int)] = [],
        glossaryText: [(node: OpaquePointer, matches: [GlossaryMatcher.Match])] = [], rawHTML: [OpaquePointer] = []
    ) {
        self.links = links
        self.headings = headings
        self.cards = cards
        self.glossaryText = glossaryText
        self.rawHTML = rawHTML
    }
}

/// Reads a parsed body once and gathers its `PageFacts`: headings with ids, links, prose,
/// cards, tables, raw HTML and glossary terms. Changes nothing.
public struct MarkdownScanner {
    public let glossary: GlossaryMatcher
    /// File lines before the body, so positions point into the file.
    public let lineOffset: Int

    public init(glossary: GlossaryMatcher, lineOffset: Int) {
        self.glossary = glossary
        self.lineOffset = lineOffset
    }

    public func scan(_ document: MarkdownDocument) -> PageFacts {
        walk(document, gathersProse: true).facts
    }

    /// The nodes to rewrite, for rendering a page whose facts are known already. The walk is
    /// the same; only the prose (text blocks, link texts, glossary uses), which the renderer
    /// does not need, is not gathered.
    public func targets(in document: MarkdownDocument) -> EditTargets {
        walk(document, gathersProse: false).targets
    }

    public func scanWithTargets(_ document: MarkdownDocument) -> (facts: PageFacts, targets: EditTargets) {
        walk(document, gathersProse: true)
    }

    private func walk(_ document: MarkdownDocument, gathersProse: Bool) -> (facts: PageFacts, targets: EditTargets) {
        var facts = PageFacts()
        var targets = EditTargets()
        var lastHeadingLevel = 1
        var headingIDs = HeadingIDs()
        var block: TextBlockFact?
        var openLink: Int?
        // A few nodes a page at most: searched faster than hashed, and every node is looked up.
        var skipped: [OpaquePointer] = []
        var usedTerms = GlossaryMatcher.Uses()
        var openHTML = RawHTMLSanitizer.OpenElements()
        var lastPosition = SourceLocation(line: lineOffset + 1, column: 1)

        for (pointer, entering) in document.nodes() {
            let node = MarkdownNode(pointer: pointer)
            let type = node.type
            if skipped.contains(pointer) { continue }
            // cmark-gfm gives the `https://…` URLs it autolinks no position; they start where the text before them ends.
            let at = node.line > 0 ? location(of: node) : lastPosition
            if entering { lastPosition = at }
            switch type {
            case CMARK_NODE_HEADING where entering:
                let text = node.plainText.trimmingWhitespace
                let id = headingIDs.next(for: text)
                facts.headings.append(HeadingFact(level: node.headingLevel, text: text, id: id, location: location(of: node)))
                targets.headings.append((pointer, id))
                lastHeadingLevel = node.headingLevel
                block = TextBlockFact(kind: .heading, line: node.line + lineOffset)
            case CMARK_NODE_PARAGRAPH where entering:
                let inItem = node.parent?.type == CMARK_NODE_ITEM
                block = TextBlockFact(kind: inItem ? .listItem : .paragraph, line: node.line + lineOffset)
            case CMARK_NODE_HEADING, CMARK_NODE_PARAGRAPH:
                finish(&block, into: &facts, keeping: gathersProse)
            case CMARK_NODE_BLOCK_QUOTE where entering:
                if let marker = CareCardMarker.find(in: node) {
                    markerFound(marker, in: node, facts: &facts, skipped: &skipped, gathersProse: gathersProse)
                    if marker.kind != nil {
                        targets.cards.append((pointer, marker, min(4, max(2, lastHeadingLevel + 1))))
                    }
                }
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                if entering {
                    facts.links.append(
                        LinkFact(
                            destination: node.url, text: "", isImage: type == CMARK_NODE_IMAGE,
                            location: at))
                    openLink = facts.links.count - 1
                    targets.links.append(pointer)
                } else {
                    openLink = nil
                }
            case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
                facts.rawHTML.append(location(of: node))
                targets.rawHTML.append(pointer)
                guard gathersProse else { continue }
                recordRemovals(in: node, open: &openHTML, facts: &facts)
                // A line break parts words as a Markdown one does: "one<br>two" is two words.
                if type == CMARK_NODE_HTML_INLINE, Self.isLineBreak(node.literal) { block?.text += " " }
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                let mayHoldTerms = type == CMARK_NODE_TEXT && openLink == nil && block != nil && block?.kind != .heading
                let literal = node.literal
                if mayHoldTerms, !glossary.isEmpty {
                    let matches = glossary.matches(in: literal, used: &usedTerms)
                    if !matches.isEmpty {
                        targets.glossaryText.append((pointer, matches))
                        if gathersProse { recordGlossaryUses(matches, node: node, facts: &facts) }
                    }
                }
                // The text and the positions after it are prose; the renderer's walk reads neither.
                guard gathersProse else { continue }
                lastPosition = SourceLocation(line: at.line, column: at.column + literal.utf8.count)
                if let openLink { facts.links[openLink].text += literal }
                block?.append(literal, at: at)
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                if gathersProse { block?.text += " " }
            default:
                scanExtension(node, entering: entering, facts: &facts, block: &block, gathersProse: gathersProse)
            }
        }
        return (facts, targets)
    }

    private func markerFound(
        _ marker: CareCardMarker, in node: MarkdownNode, facts: inout PageFacts, skipped: inout [OpaquePointer],
        gathersProse: Bool
    ) {
        let at = location(of: node)
        if let kind = marker.kind {
            // The items' text is prose, which the renderer's walk does not read.
            let items = CareCardMarker.listItems(in: node).map {
                CardItemFact(text: gathersProse ? $0.plainText.trimmingWhitespace : "", location: location(of: $0))
            }
            facts.cards.append(CardFact(kind: kind, items: items, location: at))
        } else {
            facts.unknownCardMarkers.append(UnknownCardMarker(name: marker.name, location: at))
        }
        for markerNode in marker.markerNodes {
            skipped.append(markerNode.pointer)
        }
    }

    /// Tables come from the GFM extension, whose node types have no fixed C constant.
    private func scanExtension(
        _ node: MarkdownNode, entering: Bool, facts: inout PageFacts, block: inout TextBlockFact?,
        gathersProse: Bool
    ) {
        if node.isTable, entering {
            let headerText = node.firstChild?.plainText.trimmingWhitespace ?? ""
            facts.tables.append(TableFact(hasHeaderText: !headerText.isEmpty, location: location(of: node), cells: 0))
        } else if node.isTableCell {
            if entering {
                // cmark-gfm gives cells only inside tables; a cell found otherwise counts nowhere.
                if !facts.tables.isEmpty { facts.tables[facts.tables.count - 1].cells += 1 }
                block = TextBlockFact(kind: .tableCell, line: node.line + lineOffset)
            } else {
                finish(&block, into: &facts, keeping: gathersProse)
            }
        }
    }

    /// `<br>`, `<br/>` or `<br />`, in any case.
    static func isLineBreak(_ html: String) -> Bool {
        let tag = html.lowercased().filter { !$0.isWhitespace }
        return tag == "<br>" || tag == "<br/>"
    }

    private func finish(_ block: inout TextBlockFact?, into facts: inout PageFacts, keeping: Bool) {
        if keeping, var finished = block {
            finished.trimWhitespace()
            if !finished.text.isEmpty { facts.textBlocks.append(finished) }
        }
        block = nil
    }

    private func recordGlossaryUses(_ matches: [GlossaryMatcher.Match], node: MarkdownNode, facts: inout PageFacts) {
        for match in matches {
            // cmark-gfm counts columns in bytes, as the match's offsets are.
            let column = node.column + match.range.lowerBound
            facts.glossaryTerms.append(
                GlossaryUse(
                    entryIndex: match.entryIndex,
                    location: SourceLocation(line: node.line + lineOffset, column: column)))
        }
    }

    /// What the sanitizer would remove from a raw HTML node, each at its own line and column:
    /// lines after the node's first start at the node's column, inside the same list item or
    /// quote.
    private func recordRemovals(in node: MarkdownNode, open: inout RawHTMLSanitizer.OpenElements, facts: inout PageFacts) {
        let literal = Array(node.literal.utf8)
        let start = location(of: node)
        // Removals come in the order of their offsets: lines are counted once, as they pass.
        var line = start.line, lineStart = 0, counted = 0
        for removal in RawHTMLSanitizer.sanitize(node.literal, open: &open).removals {
            while counted < removal.offset {
                if literal[counted] == UInt8(ascii: "\n") {
                    line += 1
                    lineStart = counted + 1
                }
                counted += 1
            }
            facts.removedHTML.append(
                RemovedHTML(
                    message: removal.message,
                    location: SourceLocation(line: line, column: start.column + removal.offset - lineStart)))
        }
    }

    private func location(of node: MarkdownNode) -> SourceLocation {
        SourceLocation(line: node.line + lineOffset, column: max(1, node.column))
    }
}
