import HealthGuideBase

/// The byte form of a page's resolved links, which the page cache keeps. Fields are written and
/// read in the same order; a change here must bump `PageCache.formatVersion`.

extension LinkResolver.Result: ByteCodable {
    public init(from reader: inout ByteReader) throws(ByteReader.Malformed) {
        let count = try reader.int()
        guard count >= 0 else { throw ByteReader.Malformed() }
        for _ in 0..<count { destinations.append(try reader.optionalString()) }
        targets = try reader.ints()
        diagnostics = try reader.array()
    }

    public func write(to writer: inout ByteWriter) {
        writer.write(destinations.count)
        for destination in destinations { writer.write(destination) }
        writer.write(targets)
        writer.write(diagnostics)
    }
}
