import CCmarkGFM
import HealthGuideBase
import HealthGuideContent

/// What the renderer needs from the whole site to turn one body into HTML.
public struct BodyRenderPlan {
    /// New destination for each link or image, in document order; nil leaves it unchanged.
    public var linkDestinations: [String?]
    public var emergencyNumber: String
    /// The page's language, which care cards' headings are written in.
    public var language: String
    /// The emergency card's heading, `{number}` standing for the emergency number; nil gives
    /// the language's own wording (`CareCardKind.heading`).
    public var emergencyText: String?
    public var allowRawHTML: Bool
    public var glossary: GlossaryMatcher
    public var glossaryEntries: [GlossaryEntry]
    /// The glossary page, relative to the page being rendered: `../../glossary/`.
    public var glossaryURL: String
    /// The size of the image each link shows, in document order (`MediaFiles.sizes`); empty
    /// or nil where it is not known, and the `<img>` then has no width and height.
    public var imageSizes: [ImageSize?] = []

    public init(
        linkDestinations: [String?], emergencyNumber: String, allowRawHTML: Bool, glossary: GlossaryMatcher,
        glossaryEntries: [GlossaryEntry], glossaryURL: String, imageSizes: [ImageSize?] = [], language: String = "en",
        emergencyText: String? = nil
    ) {
        self.emergencyText = emergencyText
        self.linkDestinations = linkDestinations
        self.emergencyNumber = emergencyNumber
        self.language = language
        self.allowRawHTML = allowRawHTML
        self.glossary = glossary
        self.glossaryEntries = glossaryEntries
        self.glossaryURL = glossaryURL
        self.imageSizes = imageSizes
    }
}

/// Rewrites a parsed body (links, images, heading ids, care cards, glossary terms) and renders it.
/// Inserted markup goes in as cmark custom nodes, which the renderer writes as they are even
/// in safe mode, while the author's own raw HTML is dropped, or sanitized when the site
/// allows it (`RawHTMLSanitizer`).
public struct MarkdownRenderer {
    public let plan: BodyRenderPlan

    public init(plan: BodyRenderPlan) {
        self.plan = plan
    }

    public func render(_ document: MarkdownDocument, targets: EditTargets) -> String {
        for (index, link) in targets.links.enumerated() where index < plan.linkDestinations.count {
            if let destination = plan.linkDestinations[index] {
                cmark_node_set_url(link, destination)
            }
        }
        renderImages(targets.links)
        linkGlossaryTerms(targets.glossaryText)
        for (heading, id) in targets.headings {
            let level = cmark_node_get_heading_level(heading)
            let anchor = level >= 2 && level <= 4 ? " id=\"\(HTML.escape(id))\"" : ""
            wrapChildren(of: heading, enter: "<h\(level)\(anchor)>", exit: "</h\(level)>", block: true)
        }
        for card in targets.cards {
            renderCard(card.quote, marker: card.marker, headingLevel: card.headingLevel)
        }
        if plan.allowRawHTML {
            sanitizeRawHTML(targets.rawHTML, in: document)
        }
        return document.renderHTML(allowRawHTML: plan.allowRawHTML)
    }

    /// Sanitizes each raw HTML node in document order, then closes at the end of the body the
    /// elements they left open, so no article's markup can swallow or close the page's own.
    private func sanitizeRawHTML(_ nodes: [OpaquePointer], in document: MarkdownDocument) {
        var open = RawHTMLSanitizer.OpenElements()
        for node in nodes {
            cmark_node_set_literal(node, RawHTMLSanitizer.sanitize(MarkdownNode(pointer: node).literal, open: &open).html)
        }
        let closing = open.closingTags
        guard !closing.isEmpty else { return }
        let closer = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK)!
        cmark_node_set_on_enter(closer, closing)
        cmark_node_append_child(document.root, closer)
    }

    /// Writes each image as an `<img>` with its size, lazily loaded after the page's first
    /// image, and an image alone in its paragraph with a title as a `<figure>` captioned with
    /// the title. An image inside another's description is left to cmark-gfm, which writes it
    /// as text of that description, so it is never replaced after being freed with it.
    private func renderImages(_ links: [OpaquePointer]) {
        let images = links.indices.filter { index in
            cmark_node_get_type(links[index]) == CMARK_NODE_IMAGE && !Self.isInsideImage(links[index])
        }
        for (order, index) in images.enumerated() {
            let node = MarkdownNode(pointer: links[index])
            let title = cmark_node_get_title(node.pointer).map { String(cString: $0) } ?? ""
            var tag = ImageTag(
                source: node.url, alt: node.plainText, size: index < plan.imageSizes.count ? plan.imageSizes[index] : nil,
                loadsLazily: order > 0, allowRawHTML: plan.allowRawHTML)
            if !title.isEmpty, let paragraph = node.parent, paragraph.type == CMARK_NODE_PARAGRAPH,
                paragraph.children.count == 1
            {
                replace(paragraph.pointer, with: tag.figure(caption: title), block: true)
            } else {
                tag.title = title
                replace(node.pointer, with: tag.html, block: false)
            }
        }
    }

    private static func isInsideImage(_ node: OpaquePointer) -> Bool {
        var parent = MarkdownNode(pointer: node).parent
        while let current = parent {
            if current.type == CMARK_NODE_IMAGE { return true }
            parent = current.parent
        }
        return false
    }

    /// Replaces `node` and its children with a custom node writing `html`.
    private func replace(_ node: OpaquePointer, with html: String, block: Bool) {
        let replacement = cmark_node_new(block ? CMARK_NODE_CUSTOM_BLOCK : CMARK_NODE_CUSTOM_INLINE)!
        cmark_node_set_on_enter(replacement, html)
        cmark_node_replace(node, replacement)
        cmark_node_free(node)
    }

    private func renderCard(_ quote: OpaquePointer, marker: CareCardMarker, headingLevel: Int) {
        guard let kind = marker.kind else { return }
        for node in marker.markerNodes {
            cmark_node_unlink(node.pointer)
            cmark_node_free(node.pointer)
        }
        if !marker.rest.isEmpty {
            let text = cmark_node_new(CMARK_NODE_TEXT)!
            cmark_node_set_literal(text, marker.rest)
            cmark_node_prepend_child(marker.paragraph.pointer, text)
        } else if marker.paragraph.firstChild == nil {
            cmark_node_unlink(marker.paragraph.pointer)
            cmark_node_free(marker.paragraph.pointer)
        }
        let written = kind == .emergency ? plan.emergencyText?.replacingOccurrences(of: "{number}", with: plan.emergencyNumber) : nil
        let heading = HTML.escape(written ?? kind.heading(emergencyNumber: plan.emergencyNumber, language: plan.language))
        let prefix = "<span class=\"visually-hidden\">\(HTML.escape(kind.screenReaderPrefix(language: plan.language)))</span>"
        let enter: String
        if kind.isCareLevel {
            enter =
                "<div class=\"care-card care-card--\(kind.cssName)\">"
                + "<h\(headingLevel) class=\"care-card__heading\">\(prefix)\(heading)</h\(headingLevel)>"
                + "<div class=\"care-card__content\">"
        } else {
            enter =
                "<div class=\"callout callout--\(kind.cssName)\">"
                + "<p class=\"callout__label\"><strong>\(heading)</strong></p>"
                + "<div class=\"callout__content\">"
        }
        wrapChildren(of: quote, enter: enter, exit: "</div></div>", block: true)
    }

    /// Replaces `node` with a custom node carrying `enter`/`exit` markup and the same children.
    private func wrapChildren(of node: OpaquePointer, enter: String, exit: String, block: Bool) {
        let wrapper = cmark_node_new(block ? CMARK_NODE_CUSTOM_BLOCK : CMARK_NODE_CUSTOM_INLINE)!
        cmark_node_set_on_enter(wrapper, enter)
        cmark_node_set_on_exit(wrapper, exit)
        while let child = cmark_node_first_child(node) {
            cmark_node_unlink(child)
            cmark_node_append_child(wrapper, child)
        }
        cmark_node_replace(node, wrapper)
        cmark_node_free(node)
    }

    /// Links the first use of each glossary term to its entry, with the definition as a
    /// tooltip that CSS shows on hover and keyboard focus. Each text node that holds a use is
    /// replaced by one node of ready HTML: one node for the text, not three for each term.
    private func linkGlossaryTerms(_ texts: [(node: OpaquePointer, matches: [GlossaryMatcher.Match])]) {
        guard !texts.isEmpty else { return }
        var glossaryURL: [UInt8] = []
        HTML.appendEscaped(plan.glossaryURL + "#", to: &glossaryURL)
        for (textNode, matches) in texts {
            var literal = MarkdownNode(pointer: textNode).literal
            var html: [UInt8] = []
            literal.withUTF8 { bytes in
                html.reserveCapacity(bytes.count + matches.count * 200)
                var from = 0
                for match in matches {
                    HTML.appendEscapedText(UnsafeBufferPointer(rebasing: bytes[from..<match.range.lowerBound]), to: &html)
                    html += "<span class=\"term\"><a class=\"term__link\" href=\"".utf8
                    html += glossaryURL
                    HTML.appendEscaped(plan.glossaryEntries[match.entryIndex].anchor, to: &html)
                    html += "\">".utf8
                    HTML.appendEscapedText(UnsafeBufferPointer(rebasing: bytes[match.range]), to: &html)
                    html += "</a><span class=\"term__tip\" role=\"tooltip\">".utf8
                    html += plan.glossaryEntries[match.entryIndex].definitionHTML.utf8
                    html += "</span></span>".utf8
                    from = match.range.upperBound
                }
                HTML.appendEscapedText(UnsafeBufferPointer(rebasing: bytes[from...]), to: &html)
            }
            replace(textNode, with: String(decoding: html, as: UTF8.self), block: false)
        }
    }
}
