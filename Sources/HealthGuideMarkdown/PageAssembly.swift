import CCmarkGFM
import Foundation
import HealthGuideBase
import HealthGuideContent

/// Makes a page as readers see it from what its author wrote: site values in its title and
/// summary, blocks placed into its body, and values in the body's text. Every later step (the
/// facts, the rules, the links, the renderer) reads the result, so a rule judges a block's
/// text on each page that shows it.
public struct PageAssembly: Sendable {
    public let values: SiteValues
    public let blocks: BlockLibrary

    public init(values: SiteValues, blocks: BlockLibrary) {
        self.values = values
        self.blocks = blocks
    }

    public init(content: LoadedContent) {
        self.init(values: content.values, blocks: content.blocks)
    }

    /// Puts the values into `source`'s title and summary, records where its body's lines came
    /// from and what it takes in, and returns its parsed body with the problems found on the way.
    public func assemble(_ source: inout SourcePage, body: String) -> (document: MarkdownDocument, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var used: [String] = []
        for field in ["title", "summary"] {
            let text = field == "title" ? source.frontMatter.title : source.frontMatter.summary
            let (substituted, unknown, names) = values.substitute(in: text)
            for name in unknown {
                diagnostics.append(unknownValue(name.name, in: source.displayPath, at: source.frontMatter.locations[field]))
            }
            used += names
            if field == "title" { source.frontMatter.title = substituted } else { source.frontMatter.summary = substituted }
        }
        let expansion = BlockExpansion(library: blocks).expand(body: body, lineOffset: source.bodyLineOffset, page: source)
        source.bodyLines = expansion.map { Self.bodyLines(of: $0.lines, lineOffset: source.bodyLineOffset) } ?? []
        diagnostics += expansion?.diagnostics ?? []
        let markdown = expansion?.text ?? body
        let document = MarkdownDocument(markdown: markdown)
        if let expansion { Self.rebaseLinks(in: document, lines: expansion.lines) }
        // Most bodies name no value: their tree is not walked again.
        let substitution =
            Self.holds("[[", in: markdown)
            ? ValueSubstitution(values: values).apply(to: document) : (unknown: [], used: [])
        for name in substitution.unknown {
            let at = SourceLocation(line: name.line + source.bodyLineOffset, column: name.column)
            diagnostics.append(source.relocated(unknownValue(name.name, in: source.displayPath, at: at)))
        }
        used += substitution.used
        var inputs = (expansion?.used ?? []).map { "block " + $0.name + "=" + $0.contentHash }
        for name in Set(used).sorted() { inputs.append("value " + name + "=" + (values.value(named: name) ?? "")) }
        source.includedInputs = inputs.isEmpty ? "" : ContentHash.of(parts: inputs)
        return (document, diagnostics)
    }

    /// Whether `text` holds `marker`, searched as bytes by the C library: a `String` search
    /// compares characters, and a loop over the bytes in Swift was a fiftieth of a full build.
    static func holds(_ marker: StaticString, in text: String) -> Bool {
        let needle = UnsafeRawPointer(marker.utf8Start)
        let length = marker.utf8CodeUnitCount
        let first = Int32(marker.utf8Start.pointee)
        var text = text
        return text.withUTF8 { (bytes: UnsafeBufferPointer<UInt8>) -> Bool in
            guard let base = bytes.baseAddress, length > 0 else { return false }
            var offset = 0
            // memchr finds each place the first byte is; memcmp checks the rest there.
            while bytes.count - offset >= length {
                guard let found = memchr(base + offset, first, bytes.count - offset - length + 1) else { return false }
                if memcmp(found, needle, length) == 0 { return true }
                offset = UnsafeRawPointer(found) - UnsafeRawPointer(base) + 1
            }
            return false
        }
    }

    /// The parsed body of a page assembled before, for rendering it again.
    public func document(for source: SourcePage, body: String) -> MarkdownDocument {
        var source = source
        return assemble(&source, body: body).document
    }

    private func unknownValue(_ name: String, in file: String, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(
            file: file, location: location, severity: .error, message: values.unknownMessage(name), rule: .unknownValue,
            hint: SiteValues.hint)
    }

    /// Links written in a block lead where they led from the block's file.
    private static func rebaseLinks(in document: MarkdownDocument, lines: [BlockExpansion.Line]) {
        for (pointer, entering) in document.nodes() where entering {
            let node = MarkdownNode(pointer: pointer)
            guard node.type == CMARK_NODE_LINK || node.type == CMARK_NODE_IMAGE, node.line > 0, node.line <= lines.count else { continue }
            let line = lines[node.line - 1]
            guard !line.usedBy.isEmpty else { continue }
            let destination = node.url
            let rebased = BlockExpansion.rebased(destination, from: line.path)
            if rebased != destination { cmark_node_set_url(pointer, rebased) }
        }
    }

    /// The assembled lines as runs from one place of one file, counted as file lines.
    private static func bodyLines(of lines: [BlockExpansion.Line], lineOffset: Int) -> [BodyLines] {
        var runs: [BodyLines] = []
        for (index, line) in lines.enumerated() {
            let assembledLine = lineOffset + index + 1
            if var last = runs.last, last.file == line.file, last.usedBy == line.usedBy,
                last.fileLine + last.lineCount == line.fileLine
            {
                last.lineCount += 1
                runs[runs.count - 1] = last
            } else {
                runs.append(
                    BodyLines(firstLine: assembledLine, lineCount: 1, file: line.file, fileLine: line.fileLine, usedBy: line.usedBy))
            }
        }
        return runs
    }
}
