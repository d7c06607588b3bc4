import HealthGuideContent
import HealthGuideLinks

/// Turns the path of a request, exactly as it arrived, into the folders and file it names
/// inside the output folder, or refuses it. Anything that could climb out or hide a
/// separator is refused outright rather than normalised: `..` and `.` segments (plain or
/// %-encoded), encoded slashes and backslashes, double encoding (`%252e`), backslashes,
/// control characters, `//` and hidden names such as the build's own `.healthguide/`.
enum PathSanitizer {
    struct SafePath: Equatable {
        /// The path's segments, decoded: `["causes", "muscle-strain"]`.
        var segments: [String]
        /// The request ends in `/` (or is `/`): it asks for a folder's `index.html`.
        var namesFolder: Bool
    }

    static func sanitize(_ rawPath: String) -> SafePath? {
        guard rawPath.hasPrefix("/"), !rawPath.hasPrefix("//"), !rawPath.contains("\\") else { return nil }
        guard let decoded = percentDecoded(rawPath) else { return nil }
        // A `%` that survives one decoding was encoded twice: no file of a built site has one.
        guard !decoded.contains("%") else { return nil }
        var segments = decoded.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map(String.init)
        let namesFolder = segments.last == ""
        if namesFolder { segments.removeLast() }
        for segment in segments {
            guard !segment.isEmpty, !segment.hasPrefix("."),
                !segment.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F })
            else { return nil }
        }
        return SafePath(segments: segments, namesFolder: namesFolder || segments.isEmpty)
    }

    /// Decodes `%XX` escapes once. Nil when an escape is malformed, when it encodes a
    /// separator (`%2f`, `%5c`), or when the bytes are not UTF-8.
    private static func percentDecoded(_ text: String) -> String? {
        var bytes: [UInt8] = []
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else { return nil }
            let value = high << 4 | low
            guard value != UInt8(ascii: "/"), value != UInt8(ascii: "\\") else { return nil }
            bytes.append(value)
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return digit - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
