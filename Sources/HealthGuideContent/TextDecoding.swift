import Foundation
import HealthGuideBase

/// Turns file bytes into the text the pipeline works on: strict UTF-8, without a byte-order
/// mark, with `\n` line endings. Invalid bytes are reported at their line and column.
public enum TextDecoding {
    public enum Failure: Error, Equatable {
        case invalidUTF8(SourceLocation)
        case binary(SourceLocation)
    }

    public static func decode(_ data: Data) -> Result<String, Failure> {
        var bytes = data[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            bytes = bytes.dropFirst(3)
        }
        // Scanned through a buffer pointer, bytes looked for with `memchr`: `Data`'s own
        // iteration and a generic search are slow, and every file of every build comes through here.
        let scan = bytes.withUnsafeBytes { buffer in
            (
                nul: offset(of: 0, in: buffer), hasCarriageReturn: offset(of: UInt8(ascii: "\r"), in: buffer) != nil,
                text: String(validating: buffer, as: UTF8.self)
            )
        }
        if let nul = scan.nul {
            return .failure(.binary(location(ofByte: bytes.startIndex + nul, in: bytes)))
        }
        guard let text = scan.text else {
            return .failure(.invalidUTF8(location(ofByte: firstInvalidByte(in: bytes), in: bytes)))
        }
        guard scan.hasCarriageReturn else { return .success(text) }
        return .success(text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n"))
    }

    private static func offset(of byte: UInt8, in buffer: UnsafeRawBufferPointer) -> Int? {
        guard let base = buffer.baseAddress, let found = memchr(base, Int32(byte), buffer.count) else { return nil }
        return base.distance(to: UnsafeRawPointer(found))
    }

    /// The offset of the first byte that does not start or continue a valid UTF-8 sequence.
    private static func firstInvalidByte(in bytes: Data.SubSequence) -> Data.Index {
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let lead = bytes[index]
            let length: Int
            switch lead {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return index
            }
            guard index + length <= bytes.endIndex,
                String(validating: bytes[index..<index + length], as: UTF8.self) != nil
            else { return index }
            index += length
        }
        return index
    }

    /// Line and column (in characters) of a byte offset.
    private static func location(ofByte offset: Data.Index, in bytes: Data.SubSequence) -> SourceLocation {
        let before = bytes[bytes.startIndex..<offset]
        let line = before.reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
        let lineStart = before.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? bytes.startIndex
        let prefix = String(decoding: bytes[lineStart..<offset], as: UTF8.self)
        return SourceLocation(line: line, column: prefix.count + 1)
    }
}
