import CCmarkGFM

/// What the renderer needs from the whole site to turn one body into HTML.
struct BodyRenderPlan {
    /// New destination for each link or image, in document order; nil leaves it unchanged.
    var linkDestinations: [String?]
    var emergencyNumber: String
    var allowRawHTML: Bool
    var glossary: GlossaryMatcher
    var glossaryEntries: [GlossaryEntry]
    /// The glossary page, relative to the page being rendered: `../../glossary/`.
    var glossaryURL: String
    /// The size of the image each link shows, in document order (`MediaFiles.sizes`); empty
    /// or nil where it is not known, and the `<img>` then has no width and height.
    var imageSizes: [ImageSize?] = []
}

/// Rewrites a parsed body (links, images, heading ids, care cards, glossary terms) and renders it.
/// Inserted markup goes in as cmark custom nodes, which the renderer writes as they are even
/// in safe mode, while the author's own raw HTML is still dropped.
struct MarkdownRenderer {
    let plan: BodyRenderPlan

    func render(_ document: MarkdownDocument, targets: EditTargets) -> String {
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
        return document.renderHTML(allowRawHTML: plan.allowRawHTML)
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
            var tag = ImageTag(source: node.url, alt: node.plainText, size: index < plan.imageSizes.count ? plan.imageSizes[index] : nil,
                               loadsLazily: order > 0, allowRawHTML: plan.allowRawHTML)
            if !title.isEmpty, let paragraph = node.parent, paragraph.type == CMARK_NODE_PARAGRAPH,
               paragraph.children.count == 1 {
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
        let heading = HTML.escape(kind.heading(emergencyNumber: plan.emergencyNumber))
        let prefix = "<span class=\"visually-hidden\">\(HTML.escape(kind.screenReaderPrefix))</span>"
        let enter: String
        if kind.isCareLevel {
            enter = "<div class=\"care-card care-card--\(kind.cssName)\">"
                + "<h\(headingLevel) class=\"care-card__heading\">\(prefix)\(heading)</h\(headingLevel)>"
                + "<div class=\"care-card__content\">"
        } else {
            enter = "<div class=\"callout callout--\(kind.cssName)\">"
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
    /// tooltip that CSS shows on hover and keyboard focus.
    private func linkGlossaryTerms(_ textNodes: [OpaquePointer]) {
        guard !plan.glossary.isEmpty else { return }
        var used = Set<Int>()
        for textNode in textNodes {
            var current = textNode
            while true {
                let characters = Array(MarkdownNode(pointer: current).literal)
                guard let match = plan.glossary.firstMatch(in: characters, skipping: used) else { break }
                used.insert(match.entryIndex)
                let entry = plan.glossaryEntries[match.entryIndex]
                let before = String(characters[..<match.range.lowerBound])
                let word = String(characters[match.range])
                let after = String(characters[match.range.upperBound...])
                cmark_node_set_literal(current, before)
                let term = cmark_node_new(CMARK_NODE_CUSTOM_INLINE)!
                let href = HTML.escape(plan.glossaryURL + "#" + entry.anchor)
                cmark_node_set_on_enter(term, "<span class=\"term\"><a class=\"term__link\" href=\"\(href)\">")
                cmark_node_set_on_exit(term, "</a><span class=\"term__tip\" role=\"tooltip\">\(HTML.escape(entry.definition))</span></span>")
                let wordNode = cmark_node_new(CMARK_NODE_TEXT)!
                cmark_node_set_literal(wordNode, word)
                cmark_node_append_child(term, wordNode)
                cmark_node_insert_after(current, term)
                let rest = cmark_node_new(CMARK_NODE_TEXT)!
                cmark_node_set_literal(rest, after)
                cmark_node_insert_after(term, rest)
                current = rest
            }
        }
    }
}
