import Foundation
import HealthGuideBase

/// The distinct words of a page, each numbered in the order first seen.
///
/// An open-addressed table of FNV-1a hashes of the words' bytes, over one buffer that holds
/// the words back to back: with a `Set<String>`, hashing every word of every article through
/// `Hasher`, and making a `String` of each before knowing whether it was new, cost more than
/// finding the words. Repeats are told apart with `memcmp` on that buffer; comparing with a
/// `String`'s UTF-8 view went byte by byte through its iterator, and most words are repeats.
public struct DistinctWords: Sendable {
    /// The words so far, back to back.
    private var bytes: [UInt8] = []
    /// Where each word starts in `bytes`, and its length and hash, by number.
    private var starts: [Int] = []
    private var lengths: [Int] = []
    private var hashes: [UInt64] = []
    /// Numbers of words, or -1 where empty; a power of two, at most half full.
    private var slots = [Int32](repeating: -1, count: 2048)

    /// How many distinct words there are; they are numbered from 0.
    public var count: Int { starts.count }

    /// The number of `word` (UTF-8), which is added when it is new.
    public mutating func number(of word: UnsafeBufferPointer<UInt8>) -> (number: Int, isNew: Bool) {
        let hash = FNV1a.hash(word)
        var slot = position(of: hash)
        while slots[slot] >= 0 {
            let number = Int(slots[slot])
            if hashes[number] == hash, isWord(number, equalTo: word) { return (number, false) }
            slot = (slot + 1) & (slots.count - 1)
        }
        add(word, hash: hash, at: slot)
        return (starts.count - 1, true)
    }

    /// The number of an ASCII `word` in lower case, which is added when it is new; nil when
    /// the word has a byte beyond ASCII. The word is lower-cased as it is hashed and compared,
    /// in one pass over its bytes and without a copy: every word of every page comes here.
    public mutating func number(ofLowercasedASCII word: UnsafeBufferPointer<UInt8>) -> (number: Int, isNew: Bool)? {
        var hash = FNV1a.offsetBasis
        for byte in word {
            guard byte < 0x80 else { return nil }
            hash = (hash ^ UInt64(Self.lowercased(byte))) &* FNV1a.prime
        }
        var slot = position(of: hash)
        while slots[slot] >= 0 {
            let number = Int(slots[slot])
            if hashes[number] == hash, isLowercased(word, equalTo: number) { return (number, false) }
            slot = (slot + 1) & (slots.count - 1)
        }
        add(word.lazy.map(Self.lowercased), hash: hash, at: slot)
        return (starts.count - 1, true)
    }

    /// "A"–"Z" as "a"–"z"; every other byte as it is.
    private static func lowercased(_ byte: UInt8) -> UInt8 {
        byte &- 0x41 < 26 ? byte | 0x20 : byte
    }

    private mutating func add(_ word: some Collection<UInt8>, hash: UInt64, at slot: Int) {
        slots[slot] = Int32(starts.count)
        starts.append(bytes.count)
        lengths.append(word.count)
        hashes.append(hash)
        bytes.append(contentsOf: word)
        if starts.count * 2 > slots.count { grow() }
    }

    /// The words whose numbers are in `numbers`, in that order, joined by single spaces.
    public func joined(_ numbers: [Int]) -> String {
        var text: [UInt8] = []
        text.reserveCapacity(numbers.reduce(0) { $0 + lengths[$1] + 1 })
        for number in numbers {
            if !text.isEmpty { text.append(UInt8(ascii: " ")) }
            text.append(contentsOf: bytes[starts[number]..<starts[number] + lengths[number]])
        }
        return String(decoding: text, as: UTF8.self)
    }

    private func isWord(_ number: Int, equalTo word: UnsafeBufferPointer<UInt8>) -> Bool {
        guard lengths[number] == word.count else { return false }
        guard let other = word.baseAddress else { return true }
        return bytes.withUnsafeBufferPointer { memcmp($0.baseAddress! + starts[number], other, word.count) == 0 }
    }

    private func isLowercased(_ word: UnsafeBufferPointer<UInt8>, equalTo number: Int) -> Bool {
        guard lengths[number] == word.count else { return false }
        return bytes.withUnsafeBufferPointer { stored in
            let start = starts[number]
            for index in 0..<word.count where stored[start + index] != Self.lowercased(word[index]) { return false }
            return true
        }
    }

    private func position(of hash: UInt64) -> Int {
        Int(truncatingIfNeeded: hash) & (slots.count - 1)
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        for (number, hash) in hashes.enumerated() {
            var slot = position(of: hash)
            while slots[slot] >= 0 { slot = (slot + 1) & (slots.count - 1) }
            slots[slot] = Int32(number)
        }
    }
}
