import HealthGuideContent

/// Finds glossary terms in running text: whole words, any case, the longest spelling first,
/// each entry once.
///
/// The spellings, lower-cased, are stored as a trie of UTF-8 bytes. A text is read once: at
/// each place a word may start, the trie is walked along the text for as long as it follows a
/// spelling, so the cost grows with the text, not with the number of spellings or matches.
public struct GlossaryMatcher: Sendable {
    public struct Match: Equatable {
        /// UTF-8 offsets into the searched text.
        public var range: Range<Int>
        public var entryIndex: Int
    }

    private let trie: SpellingTrie

    public init(entries: [GlossaryEntry]) {
        trie = SpellingTrie(
            entries.enumerated().flatMap { index, entry in
                entry.spellings.map { (FoldedText($0).bytes, index) }
            })
    }

    public var isEmpty: Bool { trie.isEmpty }

    /// The entries a page has used so far, one bit each: asked at almost every word of a
    /// glossary-dense text, where hashing the entry's number cost more than the search.
    public struct Uses {
        private var bits: [UInt64] = []

        public func contains(_ entry: Int) -> Bool {
            entry / 64 < bits.count && bits[entry / 64] & (1 << UInt64(entry % 64)) != 0
        }

        public mutating func insert(_ entry: Int) {
            while bits.count <= entry / 64 { bits.append(0) }
            bits[entry / 64] |= 1 << UInt64(entry % 64)
        }
    }

    /// The first use in `text` of each entry not in `used`, in text order; adds their entries
    /// to `used`. Where spellings overlap, the one that starts first wins, then the longest.
    public func matches(in text: String, used: inout Uses) -> [Match] {
        guard !trie.isEmpty, !text.isEmpty else { return [] }
        let folded = FoldedText(text)
        let bytes = folded.bytes
        var found: [Match] = []
        var position = 0
        var previousIsWord = false
        while position < bytes.count {
            if !previousIsWord, let match = longestSpelling(at: position, in: folded, skipping: used) {
                used.insert(match.entryIndex)
                found.append(
                    Match(
                        range: folded.originalOffset(match.range.lowerBound)..<folded.originalOffset(match.range.upperBound),
                        entryIndex: match.entryIndex))
                position = match.range.upperBound
                previousIsWord = folded.isWordScalar(endingAt: position)
                continue
            }
            let next = folded.scalarEnd(from: position)
            previousIsWord = folded.isWordScalar(at: position)
            position = next
        }
        return found
    }

    /// The longest spelling of an entry not in `skipping` that starts at `start` and ends at
    /// the end of a word; offsets into the folded text.
    private func longestSpelling(at start: Int, in text: FoldedText, skipping: Uses) -> Match? {
        var node = SpellingTrie.root
        var best: Match?
        var position = start
        let bytes = text.bytes
        while position < bytes.count, let child = trie.child(of: node, byte: bytes[position]) {
            node = child
            position += 1
            let entry = trie.entryIndex(of: node)
            if entry >= 0, !skipping.contains(entry), position == bytes.count || !text.isWordScalar(at: position) {
                best = Match(range: start..<position, entryIndex: entry)
            }
        }
        return best
    }
}

/// A text lower-cased for matching, as UTF-8 bytes, with the way back to the original's offsets.
public struct FoldedText {
    public private(set) var bytes: [UInt8]
    /// For each folded byte offset that starts a scalar, the original text's offset; empty when
    /// folding kept every offset (all of the text that changed was ASCII).
    private var originalOffsets: [Int] = []

    public init(_ text: String) {
        var utf8 = Array(text.utf8)
        if !utf8.contains(where: { $0 >= 0x80 }) {
            for index in utf8.indices where utf8[index] >= UInt8(ascii: "A") && utf8[index] <= UInt8(ascii: "Z") {
                utf8[index] |= 0x20
            }
            bytes = utf8
            return
        }
        bytes = []
        bytes.reserveCapacity(utf8.count)
        var offsets: [Int] = []
        offsets.reserveCapacity(utf8.count + 1)
        var original = 0
        for scalar in text.unicodeScalars {
            let lowered = scalar.properties.changesWhenLowercased ? scalar.properties.lowercaseMapping : String(scalar)
            for byte in lowered.utf8 {
                bytes.append(byte)
                offsets.append(original)
            }
            original += UTF8.width(scalar)
        }
        offsets.append(original)
        originalOffsets = offsets
    }

    public func originalOffset(_ folded: Int) -> Int {
        originalOffsets.isEmpty ? folded : originalOffsets[folded]
    }

    /// The offset just past the scalar that starts at `offset`.
    public func scalarEnd(from offset: Int) -> Int {
        let lead = bytes[offset]
        let width = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        return min(bytes.count, offset + width)
    }

    /// Whether the scalar at `offset` belongs inside a word: a letter, a digit or a mark
    /// that combines with the letter before it.
    public func isWordScalar(at offset: Int) -> Bool {
        let lead = bytes[offset]
        if lead < 0x80 { return Self.isASCIIWordByte(lead) }
        return Self.isWord(decode(at: offset))
    }

    /// Whether the scalar that ends at `offset` belongs inside a word.
    public func isWordScalar(endingAt offset: Int) -> Bool {
        guard offset > 0 else { return false }
        var start = offset - 1
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return isWordScalar(at: start)
    }

    private func decode(at offset: Int) -> Unicode.Scalar {
        var iterator = bytes[offset..<scalarEnd(from: offset)].makeIterator()
        var decoder = UTF8()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) { return scalar }
        return "\u{FFFD}"
    }

    private static func isASCIIWordByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }

    private static func isWord(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return properties.isAlphabetic || properties.numericType != nil
        }
    }
}

/// Spellings as a trie of bytes. Nodes are numbers; each node's children sit together in one
/// sorted run of edges, so a step reads a few adjacent bytes instead of hashing, and the root,
/// where every walk starts, has a table of all 256 bytes.
public struct SpellingTrie: Sendable {
    public static let root: Int32 = 0

    /// The entry whose spelling ends at each node, or -1.
    private let entryIndices: [Int32]
    /// Node `n`'s edges are `edgeBytes[edgeStarts[n]..<edgeStarts[n + 1]]`, sorted.
    private let edgeStarts: [Int32]
    private let edgeBytes: [UInt8]
    private let edgeTargets: [Int32]
    private let rootChildren: [Int32]

    /// Builds the trie of `spellings`, each with the index of its entry. Where two spellings
    /// are equal, the first keeps the place (the glossary reports such duplicates).
    public init(_ spellings: [(bytes: [UInt8], entryIndex: Int)]) {
        var children: [[UInt8: Int32]] = [[:]]
        var entries: [Int32] = [-1]
        for (bytes, entryIndex) in spellings where !bytes.isEmpty {
            var node = 0
            for byte in bytes {
                if let child = children[node][byte] {
                    node = Int(child)
                } else {
                    children[node][byte] = Int32(children.count)
                    node = children.count
                    children.append([:])
                    entries.append(-1)
                }
            }
            if entries[node] < 0 { entries[node] = Int32(entryIndex) }
        }
        var starts: [Int32] = [0]
        var bytes: [UInt8] = []
        var targets: [Int32] = []
        for edges in children {
            for (byte, target) in edges.sorted(by: { $0.key < $1.key }) {
                bytes.append(byte)
                targets.append(target)
            }
            starts.append(Int32(bytes.count))
        }
        var rootChildren = [Int32](repeating: -1, count: 256)
        for (byte, target) in children[0] { rootChildren[Int(byte)] = target }
        self.entryIndices = entries
        self.edgeStarts = starts
        self.edgeBytes = bytes
        self.edgeTargets = targets
        self.rootChildren = rootChildren
    }

    public var isEmpty: Bool { entryIndices.count == 1 }

    public func child(of node: Int32, byte: UInt8) -> Int32? {
        if node == Self.root {
            let child = rootChildren[Int(byte)]
            return child < 0 ? nil : child
        }
        var low = Int(edgeStarts[Int(node)])
        var high = Int(edgeStarts[Int(node) + 1])
        while low < high {
            let middle = (low + high) / 2
            if edgeBytes[middle] < byte { low = middle + 1 } else { high = middle }
        }
        return low < Int(edgeStarts[Int(node) + 1]) && edgeBytes[low] == byte ? edgeTargets[low] : nil
    }

    /// The entry whose spelling ends at `node`, or -1.
    public func entryIndex(of node: Int32) -> Int { Int(entryIndices[Int(node)]) }
}
