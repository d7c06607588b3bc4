import HealthGuideBase
import HealthGuideLinks

/// The byte form of a search entry, which the page cache keeps. A change here must bump
/// `PageCache.formatVersion`.

extension SearchEntry: ByteCodable {
    /// Written as a string is; read as a slice of the reader's bytes, without copying.
    public init(from reader: inout ByteReader) throws(ByteReader.Malformed) {
        self.init(json: try reader.bytes(count: try reader.int()))
    }

    public func write(to writer: inout ByteWriter) {
        writer.write(json.count)
        writer.write(encoded: json)
    }
}
