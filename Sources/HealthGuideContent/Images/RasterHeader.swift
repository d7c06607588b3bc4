/// Readers of the width and height in PNG, JPEG, WebP and GIF headers. Each reads bytes only
/// through `Bytes`, which answers nil past the end, so a truncated or damaged file gives nil.
public enum RasterHeader {
    /// Enough for the PNG, WebP and GIF headers; JPEG is walked segment by segment.
    public static let bytesNeeded = 64

    /// The signature, then the IHDR chunk: width and height as 32-bit big-endian numbers.
    public static func png(_ data: [UInt8]) -> ImageSize? {
        let bytes = Bytes(data)
        guard data.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), bytes.ascii(12, 4) == "IHDR",
            let width = bytes.bigEndian(16, 4), let height = bytes.bigEndian(20, 4)
        else { return nil }
        return ImageSize(width: width, height: height)
    }

    /// "GIF87a" or "GIF89a", then the screen's width and height, 16-bit little-endian.
    public static func gif(_ data: [UInt8]) -> ImageSize? {
        let bytes = Bytes(data)
        guard bytes.ascii(0, 6) == "GIF87a" || bytes.ascii(0, 6) == "GIF89a",
            let width = bytes.littleEndian(6, 2), let height = bytes.littleEndian(8, 2)
        else { return nil }
        return ImageSize(width: width, height: height)
    }

    /// A RIFF file of type WEBP whose first chunk is a lossy (`VP8 `), lossless (`VP8L`) or
    /// extended (`VP8X`) image, each with its own way of writing the size.
    public static func webp(_ data: [UInt8]) -> ImageSize? {
        let bytes = Bytes(data)
        guard bytes.ascii(0, 4) == "RIFF", bytes.ascii(8, 4) == "WEBP" else { return nil }
        switch bytes.ascii(12, 4) {
        case "VP8 ":
            // A key frame's start code, then 14-bit width and height (the top two bits scale).
            guard data.count >= 30, data[23] == 0x9D, data[24] == 0x01, data[25] == 0x2A,
                let width = bytes.littleEndian(26, 2), let height = bytes.littleEndian(28, 2)
            else { return nil }
            return ImageSize(width: width & 0x3FFF, height: height & 0x3FFF)
        case "VP8L":
            // A signature byte, then width − 1 and height − 1 in 14 bits each.
            guard data.count >= 25, data[20] == 0x2F, let bits = bytes.littleEndian(21, 4) else { return nil }
            return ImageSize(width: (bits & 0x3FFF) + 1, height: ((bits >> 14) & 0x3FFF) + 1)
        case "VP8X":
            // Flags and reserved bytes, then width − 1 and height − 1 in 24 bits each.
            guard let width = bytes.littleEndian(24, 3), let height = bytes.littleEndian(27, 3) else { return nil }
            return ImageSize(width: width + 1, height: height + 1)
        default:
            return nil
        }
    }

    /// Walks the segments after the start-of-image marker to the first start-of-frame, which
    /// holds the height and then the width. Every step moves forward, so the walk ends.
    public static func jpeg(_ data: [UInt8]) -> ImageSize? {
        let bytes = Bytes(data)
        guard data.starts(with: [0xFF, 0xD8]) else { return nil }
        var offset = 2
        while offset < data.count {
            guard data[offset] == 0xFF else { return nil }
            // Any number of 0xFF bytes may pad the space before a marker.
            while offset < data.count, data[offset] == 0xFF { offset += 1 }
            guard offset < data.count else { return nil }
            let marker = data[offset]
            offset += 1
            // Markers that stand alone, without a length.
            if marker == 0x01 || (0xD0...0xD7).contains(marker) { continue }
            if marker == 0xD9 || marker == 0xDA { return nil }
            guard let length = bytes.bigEndian(offset, 2), length >= 2 else { return nil }
            if Self.startOfFrame.contains(marker) {
                guard let height = bytes.bigEndian(offset + 3, 2), let width = bytes.bigEndian(offset + 5, 2) else { return nil }
                return ImageSize(width: width, height: height)
            }
            offset += length
        }
        return nil
    }

    /// SOF0–SOF15 less DHT (C4), JPG (C8) and DAC (CC), which share the range.
    private static let startOfFrame: Set<UInt8> = Set(0xC0...0xCF).subtracting([0xC4, 0xC8, 0xCC])

    /// Bounds-checked reads from a header.
    private struct Bytes {
        let data: [UInt8]

        init(_ data: [UInt8]) { self.data = data }

        func bigEndian(_ offset: Int, _ count: Int) -> Int? {
            guard offset >= 0, offset + count <= data.count else { return nil }
            return data[offset..<offset + count].reduce(0) { $0 << 8 | Int($1) }
        }

        func littleEndian(_ offset: Int, _ count: Int) -> Int? {
            guard offset >= 0, offset + count <= data.count else { return nil }
            return data[offset..<offset + count].reversed().reduce(0) { $0 << 8 | Int($1) }
        }

        func ascii(_ offset: Int, _ count: Int) -> String? {
            guard offset >= 0, offset + count <= data.count else { return nil }
            return String(decoding: data[offset..<offset + count], as: UTF8.self)
        }
    }
}
