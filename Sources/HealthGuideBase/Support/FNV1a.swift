/// FNV-1a, 64 bits: a fast hash with no per-process seed, for small in-memory tables keyed by
/// runs of bytes or letters, and for the page cache's checksum.
public enum FNV1a {
    public static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    public static let prime: UInt64 = 0x100_0000_01b3

    /// The hash of `values`, one step per value.
    public static func hash<Values: Sequence>(_ values: Values) -> UInt64 where Values.Element: UnsignedInteger {
        values.reduce(offsetBasis) { ($0 ^ UInt64($1)) &* prime }
    }
}
