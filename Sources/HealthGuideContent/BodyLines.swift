import HealthGuideBase

/// Lines of a page's assembled body, with blocks in place, that came from one place of one
/// file: a finding in them is reported there, with the page that placed the block.
public struct BodyLines: Sendable, Hashable {
    /// The first line, counted as the page's file lines are (front matter included).
    public var firstLine: Int
    public var lineCount: Int
    /// The file they were written in, as diagnostics name it, and the line of `firstLine` there.
    public var file: String
    public var fileLine: Int
    /// Where the block was placed, innermost first (`Content/causes/x.md:12:1`); empty for the
    /// page's own lines.
    public var usedBy: [String]

    public init(firstLine: Int, lineCount: Int, file: String, fileLine: Int, usedBy: [String]) {
        self.firstLine = firstLine
        self.lineCount = lineCount
        self.file = file
        self.fileLine = fileLine
        self.usedBy = usedBy
    }

    /// What a finding in a block adds to its message: ` (in a block used by Content/x.md:12:1)`.
    public static func note(usedBy places: [String]) -> String {
        places.isEmpty ? "" : " (in a block used by " + places.joined(separator: ", used by ") + ")"
    }

    public func contains(line: Int) -> Bool {
        line >= firstLine && line < firstLine + lineCount
    }
}

extension SourcePage {
    /// The page's own fingerprint with that of the blocks and values it takes in: what its
    /// rendered page depends on besides the rest of the site.
    public var fingerprint: String {
        includedInputs.isEmpty ? contentHash : contentHash + "+" + includedInputs
    }

    /// `file:line:column` of a position in the assembled body, in the file the line came from.
    public func place(of location: SourceLocation) -> String {
        let lines = bodyLines.first { $0.contains(line: location.line) }
        let line = lines.map { $0.fileLine + location.line - $0.firstLine } ?? location.line
        return "\(lines?.file ?? displayPath):\(line):\(location.column)"
    }

    /// `diagnostic` pointed at the file a body line came from, when it is about a line of this
    /// page's assembled body; a line of a block names the page that placed it.
    public func relocated(_ diagnostic: Diagnostic) -> Diagnostic {
        guard !bodyLines.isEmpty, diagnostic.file == displayPath, let location = diagnostic.location,
            let lines = bodyLines.first(where: { $0.contains(line: location.line) })
        else { return diagnostic }
        var moved = diagnostic
        moved.file = lines.file
        moved.location = SourceLocation(line: lines.fileLine + location.line - lines.firstLine, column: location.column)
        if !lines.usedBy.isEmpty {
            moved.message += BodyLines.note(usedBy: lines.usedBy)
        }
        return moved
    }
}

extension Diagnostic {
    /// Whether this is a finding in a block's lines as the page at `file` placed it, which
    /// goes with that page's next version.
    public func isInBlock(placedBy file: String) -> Bool {
        message.contains(" used by \(file):")
    }
}

extension BodyLines: ByteCodable {
    public init(from reader: inout ByteReader) throws(ByteReader.Malformed) {
        self.init(
            firstLine: try reader.int(), lineCount: try reader.int(), file: try reader.string(), fileLine: try reader.int(),
            usedBy: try reader.strings())
    }

    public func write(to writer: inout ByteWriter) {
        writer.write(firstLine)
        writer.write(lineCount)
        writer.write(file)
        writer.write(fileLine)
        writer.write(usedBy)
    }
}
