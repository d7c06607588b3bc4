import Foundation

/// A file of the build's own state (`.healthguide/manifest`, `.healthguide/pages`): a magic
/// word and format version, one `ByteCodable` value, and a checksum of all that. Anything
/// unreadable, truncated, damaged or from another version reads as nil, and the build starts
/// from scratch.
public enum ByteFile {
    public static func read<Value: ByteCodable>(_ type: Value.Type, from path: String, magic: String, version: Int) -> Value? {
        checkedPayload(of: path).flatMap { decode(type, from: $0, magic: magic, version: version) }
    }

    /// The file's bytes with the checksum taken off, if it matches; nil when unreadable or damaged.
    public static func checkedPayload(of path: String) -> ArraySlice<UInt8>? {
        guard let bytes = contents(of: path), bytes.count > checksumSize else { return nil }
        let payload = bytes[..<(bytes.count - checksumSize)]
        guard Array(bytes.suffix(checksumSize)) == checksum(of: payload) else { return nil }
        return payload
    }

    /// The value in a payload `checkedPayload` gave, if it has the magic word and version.
    public static func decode<Value: ByteCodable>(_: Value.Type, from payload: ArraySlice<UInt8>, magic: String, version: Int) -> Value? {
        var reader = ByteReader(payload)
        do throws(ByteReader.Malformed) {
            guard try reader.string() == magic, try reader.int() == version else { return nil }
            let value = try Value(from: &reader)
            return reader.isAtEnd ? value : nil
        } catch {
            return nil
        }
    }

    /// The file's bytes, read straight into the array the reader works on: through `Data`,
    /// the 18 MB page cache of 10,000 pages was copied twice.
    private static func contents(of path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return nil }
        let size = Int(status.st_size)
        var complete = true
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            complete = FileSystem.read(descriptor, into: buffer.baseAddress, count: size)
            count = complete ? size : 0
        }
        return complete ? bytes : nil
    }

    public static func encode<Value: ByteCodable>(_ value: Value, magic: String, version: Int) -> [UInt8] {
        var writer = ByteWriter()
        writer.write(magic)
        writer.write(version)
        writer.write(value)
        // Appended in place and copied once: the page cache of 10,000 pages is 18 MB.
        writer.write(encoded: checksum(of: writer.bytes[...])[...])
        return writer.bytes
    }

    private static let checksumSize = 8

    /// FNV-1a over 64-bit words: it catches damage, not tampering, and costs a few
    /// milliseconds on the cache of 10,000 pages where SHA-256 would cost tens.
    private static func checksum(of bytes: ArraySlice<UInt8>) -> [UInt8] {
        var hash = FNV1a.offsetBasis
        let prime = FNV1a.prime
        bytes.withUnsafeBytes { raw in
            let words = raw.count / 8
            for index in 0..<words {
                hash = (hash ^ raw.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self)) &* prime
            }
            for index in (words * 8)..<raw.count {
                hash = (hash ^ UInt64(raw[index])) &* prime
            }
        }
        // The length too, so zero bytes cut from the end are noticed.
        hash = (hash ^ UInt64(bytes.count)) &* prime
        return (0..<checksumSize).map { UInt8(truncatingIfNeeded: hash >> (8 * UInt64($0))) }
    }
}
