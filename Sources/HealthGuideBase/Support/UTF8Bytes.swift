/// Reading Unicode scalars straight from UTF-8 bytes, for the prose scanners that walk every
/// byte of every page and must not pay for `String` indices or `Character`s.
public enum UTF8Bytes {
    /// The length of the scalar whose first byte is `lead` (text is valid UTF-8).
    public static func scalarLength(_ lead: UInt8) -> Int {
        switch lead {
        case 0..<0x80: return 1
        case 0xC0..<0xE0: return 2
        case 0xE0..<0xF0: return 3
        default: return 4
        }
    }

    public static func scalar(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar {
        let lead = bytes[index]
        if lead < 0x80 { return Unicode.Scalar(lead) }
        let length = min(scalarLength(lead), bytes.count - index)
        var value = UInt32(lead) & (0xFF >> (length + 1))
        for offset in 1..<max(length, 1) {
            value = value << 6 | UInt32(bytes[index + offset] & 0x3F)
        }
        return Unicode.Scalar(value) ?? "\u{FFFD}"
    }
}
