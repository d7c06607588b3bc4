import Crypto
import Foundation

/// Short SHA-256 fingerprints: of file contents for the build manifest, of assets for their
/// cache-busting names.
public enum ContentHash {
    public static func of(_ data: Data) -> String {
        hex(SHA256.hash(data: data))
    }

    /// A fingerprint of several parts; the separator keeps ("ab","c") apart from ("a","bc").
    public static func of(parts: [String]) -> String {
        var fingerprint = Parts()
        for part in parts { fingerprint.add(part) }
        return fingerprint.finish()
    }

    /// A fingerprint of several parts given one at a time, for a caller that would otherwise
    /// join strings only to hash them: two parts of each of 10,000 pages joined into one
    /// string made 10,000 allocations.
    public struct Parts {
        private var hasher = SHA256()

        public init() {}

        public mutating func add(_ part: String) {
            var part = part
            // Hashed in place: a `Data` copy of each part was a fifth of hashing 10,000 of them.
            part.withUTF8 { add(bytes: UnsafeRawBufferPointer($0)) }
        }

        /// Adds a part given as bytes; the same bytes as a `String` add the same part.
        public mutating func add(bytes part: UnsafeRawBufferPointer) {
            hasher.update(bufferPointer: part)
            withUnsafeBytes(of: UInt8(0)) { hasher.update(bufferPointer: $0) }
        }

        public func finish() -> String {
            ContentHash.hex(hasher.finalize())
        }
    }

    /// The first 7 bytes in hex: 14 characters, which a Swift string holds in itself (up to
    /// 15 bytes) instead of on the heap. A build stores and compares tens of thousands of
    /// fingerprints; 56 bits still leave two versions of one file about one chance in 10^16 of
    /// looking the same.
    private static func hex(_ digest: SHA256.Digest) -> String {
        String(unsafeUninitializedCapacity: length) { buffer in
            for (index, byte) in digest.prefix(length / 2).enumerated() {
                buffer[2 * index] = digits[Int(byte >> 4)]
                buffer[2 * index + 1] = digits[Int(byte & 0x0F)]
            }
            return length
        }
    }

    private static let length = 14
    private static let digits = Array("0123456789abcdef".utf8)
}
