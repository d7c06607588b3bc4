import Foundation

/// The distinct words of an article in the order first seen, joined by spaces as its search
/// entry lists them.
///
/// An open-addressed table of FNV-1a hashes of the words' bytes, over one buffer that holds
/// the joined words: with a `Set<String>`, hashing every word of every article through
/// `Hasher`, and making a `String` of each before knowing whether it was new, cost more than
/// finding the words. Repeats are told apart with `memcmp` on that buffer; comparing with a
/// `String`'s UTF-8 view went byte by byte through its iterator, and most words are repeats.
struct DistinctWords {
    /// The words so far, a space between each two.
    private var joined: [UInt8] = []
    /// Where each word starts in `joined`, and its length and hash, in the order first seen.
    private var starts: [Int] = []
    private var lengths: [Int] = []
    private var hashes: [UInt64] = []
    /// Indexes into `starts`, or -1 where empty; a power of two, at most half full.
    private var slots = [Int32](repeating: -1, count: 2048)

    /// The words, joined by single spaces.
    var joinedText: String { String(decoding: joined, as: UTF8.self) }

    /// Adds `word` (UTF-8, as the index keeps it) unless it is there already.
    mutating func insert(_ word: UnsafeBufferPointer<UInt8>) {
        let hash = FNV1a.hash(word)
        var slot = position(of: hash)
        while slots[slot] >= 0 {
            let index = Int(slots[slot])
            if hashes[index] == hash, isWord(index, equalTo: word) { return }
            slot = (slot + 1) & (slots.count - 1)
        }
        slots[slot] = Int32(starts.count)
        if !joined.isEmpty { joined.append(UInt8(ascii: " ")) }
        starts.append(joined.count)
        lengths.append(word.count)
        hashes.append(hash)
        joined.append(contentsOf: word)
        if starts.count * 2 > slots.count { grow() }
    }

    private func isWord(_ index: Int, equalTo word: UnsafeBufferPointer<UInt8>) -> Bool {
        guard lengths[index] == word.count else { return false }
        guard let other = word.baseAddress else { return true }
        return joined.withUnsafeBufferPointer { memcmp($0.baseAddress! + starts[index], other, word.count) == 0 }
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
