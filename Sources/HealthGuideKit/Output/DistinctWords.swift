/// The distinct words of an article in the order first seen, as its search entry lists them.
///
/// An open-addressed table of FNV-1a hashes of the words' bytes: with a `Set<String>`, hashing
/// every word of every article through `Hasher`, and making a `String` of each before knowing
/// whether it was new, cost more than finding the words.
struct DistinctWords {
    private(set) var words: [String] = []
    private var hashes: [UInt64] = []
    /// Indexes into `words`, or -1 where empty; a power of two, at most half full.
    private var slots = [Int32](repeating: -1, count: 2048)

    /// Adds `word` (UTF-8, as the index keeps it) unless it is there already.
    mutating func insert(_ word: UnsafeBufferPointer<UInt8>) {
        let hash = FNV1a.hash(word)
        var slot = position(of: hash)
        while slots[slot] >= 0 {
            let index = Int(slots[slot])
            if hashes[index] == hash, words[index].utf8.elementsEqual(word) { return }
            slot = (slot + 1) & (slots.count - 1)
        }
        slots[slot] = Int32(words.count)
        hashes.append(hash)
        words.append(String(decoding: word, as: UTF8.self))
        if words.count * 2 > slots.count { grow() }
    }

    private func position(of hash: UInt64) -> Int {
        Int(truncatingIfNeeded: hash) & (slots.count - 1)
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        for (index, hash) in hashes.enumerated() {
            var slot = position(of: hash)
            while slots[slot] >= 0 { slot = (slot + 1) & (slots.count - 1) }
            slots[slot] = Int32(index)
        }
    }
}
