import Crypto
import Foundation

/// Short SHA-256 fingerprints: of file contents for the build manifest, of assets for their
/// cache-busting names.
enum ContentHash {
    static func of(_ data: Data) -> String {
        hex(SHA256.hash(data: data))
    }

    /// A fingerprint of several parts; the separator keeps ("ab","c") apart from ("a","bc").
    static func of(parts: [String]) -> String {
        var hasher = SHA256()
        let separator: [UInt8] = [0]
        for var part in parts {
            // Hashed in place: a `Data` copy of each part was a fifth of hashing 10,000 of them.
            part.withUTF8 { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }
            separator.withUnsafeBytes { hasher.update(bufferPointer: $0) }
        }
        return hex(hasher.finalize())
    }

    private static func hex(_ digest: SHA256.Digest) -> String {
        digest.prefix(12).map { byte in
            let text = String(byte, radix: 16)
            return byte < 16 ? "0" + text : text
        }.joined()
    }
}
