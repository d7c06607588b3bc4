/// A small binary format for the page cache. The cache is read on every build, so it must
/// decode 10,000 pages in milliseconds: values are written in a fixed order with no keys,
/// integers as LEB128 varints and strings as length-prefixed UTF-8. Codable with JSON costs
/// about ten times as much here.
public protocol ByteCodable {
    init(from reader: inout ByteReader) throws(ByteReader.Malformed)
    func write(to writer: inout ByteWriter)
}

public struct ByteWriter {
    public private(set) var bytes: [UInt8] = []

    public init(bytes: [UInt8] = []) {
        self.bytes = bytes
    }

    public mutating func write(_ value: Int) {
        // Zig-zag, so small negative numbers stay short too.
        var rest = UInt64(bitPattern: Int64((value << 1) ^ (value >> 63)))
        while rest >= 0x80 {
            bytes.append(UInt8(rest & 0x7F) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    public mutating func write(_ value: Bool) {
        bytes.append(value ? 1 : 0)
    }

    public mutating func write(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            write(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    /// Makes room for `count` bytes in all, so a large file is not copied as it grows.
    public mutating func reserveCapacity(_ count: Int) {
        bytes.reserveCapacity(count)
    }

    /// Bytes another writer wrote, copied as they are.
    public mutating func write(encoded: ArraySlice<UInt8>) {
        bytes.append(contentsOf: encoded)
    }

    public mutating func write<Value: ByteCodable>(_ value: Value) {
        value.write(to: &self)
    }

    public mutating func write<Value: ByteCodable>(_ value: Value?) {
        write(value != nil)
        value?.write(to: &self)
    }

    public mutating func write(_ value: String?) {
        write(value != nil)
        if let value { write(value) }
    }

    public mutating func write(_ value: Int?) {
        write(value != nil)
        if let value { write(value) }
    }

    public mutating func write<Value: ByteCodable>(_ values: [Value]) {
        write(values.count)
        for value in values { value.write(to: &self) }
    }

    public mutating func write(_ values: [String]) {
        write(values.count)
        for value in values { write(value) }
    }

    public mutating func write(_ values: [Int]) {
        write(values.count)
        for value in values { write(value) }
    }
}

public struct ByteReader {
    /// The bytes end early or hold something no writer wrote; the cache is then ignored.
    public struct Malformed: Error {
        public init() {}
    }

    private let bytes: ArraySlice<UInt8>
    private var offset: Int

    public init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        offset = bytes.startIndex
    }

    public var isAtEnd: Bool { offset == bytes.endIndex }

    /// How many bytes are left: every value takes at least one, which bounds a corrupt count.
    private var remaining: Int { bytes.endIndex - offset }

    /// The next `count` bytes, as they are.
    public mutating func bytes(count: Int) throws(Malformed) -> ArraySlice<UInt8> {
        guard count >= 0, count <= remaining else { throw Malformed() }
        defer { offset += count }
        return bytes[offset..<offset + count]
    }

    public mutating func int() throws(Malformed) -> Int {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < bytes.endIndex, shift < 64 else { throw Malformed() }
            let byte = bytes[offset]
            offset += 1
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { break }
            shift += 7
        }
        let zigzag = Int64(bitPattern: result)
        return Int((zigzag >> 1) ^ -(zigzag & 1))
    }

    public mutating func bool() throws(Malformed) -> Bool {
        guard offset < bytes.endIndex, bytes[offset] <= 1 else { throw Malformed() }
        defer { offset += 1 }
        return bytes[offset] == 1
    }

    public mutating func string() throws(Malformed) -> String {
        let count = try int()
        guard count >= 0, count <= remaining else { throw Malformed() }
        // Decoded, not validated: the file's checksum has vouched for its bytes already, and
        // `String(validating:)` instantiated generic metadata for every string it read: an
        // eighth of a build after one edit. Bytes that are not UTF-8 would be repaired.
        let text = bytes[offset..<offset + count].withUnsafeBufferPointer { String(decoding: $0, as: UTF8.self) }
        offset += count
        return text
    }

    public mutating func value<Value: ByteCodable>(_: Value.Type = Value.self) throws(Malformed) -> Value {
        try Value(from: &self)
    }

    public mutating func optional<Value: ByteCodable>(_: Value.Type = Value.self) throws(Malformed) -> Value? {
        try bool() ? try Value(from: &self) : nil
    }

    public mutating func optionalString() throws(Malformed) -> String? {
        try bool() ? try string() : nil
    }

    public mutating func optionalInt() throws(Malformed) -> Int? {
        try bool() ? try int() : nil
    }

    public mutating func array<Value: ByteCodable>(_: Value.Type = Value.self) throws(Malformed) -> [Value] {
        try list { reader throws(Malformed) in try Value(from: &reader) }
    }

    public mutating func ints() throws(Malformed) -> [Int] {
        try list { reader throws(Malformed) in try reader.int() }
    }

    public mutating func strings() throws(Malformed) -> [String] {
        try list { reader throws(Malformed) in try reader.string() }
    }

    /// A count, then that many values read by `element`.
    public mutating func list<Element>(_ element: (inout ByteReader) throws(Malformed) -> Element) throws(Malformed) -> [Element] {
        let count = try int()
        guard count >= 0, count <= remaining else { throw Malformed() }
        var values: [Element] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try element(&self)) }
        return values
    }
}
