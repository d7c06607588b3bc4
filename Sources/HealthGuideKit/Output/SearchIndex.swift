import Foundation

/// The search index: for each article its title, URL, summary, headings and the distinct
/// words of its body. Compact JSON that the search page loads once, so search works offline.
enum SearchIndex {
    static let fileName = "search-index.json"

    /// One article's entry, made while its prose is at hand; the page cache keeps it.
    static func entry(for page: Page) -> String {
        // Room for the distinct words of a long article, so the set is not rehashed as it grows.
        var seen = Set<IndexedWord>(minimumCapacity: 1024)
        var words: [String] = []
        words.reserveCapacity(1024)
        for block in page.facts.textBlocks {
            var text = block.text
            text.withUTF8 { bytes in
                Prose.forEachWord(in: bytes) { range in
                    let word = UnsafeBufferPointer(rebasing: bytes[range])
                    guard let form = indexedForm(of: word) else { return }
                    if seen.insert(IndexedWord(text: form)).inserted { words.append(form) }
                }
            }
        }
        return JSONValue.object([
            ("t", .string(page.title)),
            ("u", .string(page.url)),
            ("s", .string(page.source.frontMatter.summary)),
            ("h", .string(page.facts.headings.map(\.text).joined(separator: " "))),
            ("w", .string(words.joined(separator: " "))),
        ]).serialized()
    }

    /// The word as the index keeps it, lower-cased; nil for words of fewer than three letters.
    /// ASCII words, nearly all of them, are lower-cased byte by byte: most fit in a `String`
    /// without a heap allocation, where `lowercased()` of each block made a new one.
    private static func indexedForm(of word: UnsafeBufferPointer<UInt8>) -> String? {
        guard word.count > 2 else { return nil }
        guard word.allSatisfy({ $0 < 0x80 }) else {
            let lowercased = String(decoding: word, as: UTF8.self).lowercased()
            return lowercased.count > 2 ? lowercased : nil
        }
        return String(unsafeUninitializedCapacity: word.count) { buffer in
            for (index, byte) in word.enumerated() {
                buffer[index] = (0x41...0x5A).contains(byte) ? byte | 0x20 : byte
            }
            return word.count
        }
    }

    /// The index of the articles' entries, given in URL order.
    static func build(entries: [(url: String, entry: String)]) -> Data {
        var index = Data()
        index.reserveCapacity(entries.reduce(2) { $0 + $1.entry.utf8.count + 1 })
        index.append(UInt8(ascii: "["))
        for (position, item) in entries.enumerated() {
            if position > 0 { index.append(UInt8(ascii: ",")) }
            var entry = item.entry
            entry.withUTF8 { index.append($0) }
        }
        index.append(UInt8(ascii: "]"))
        return index
    }

    /// A word with a cheap hash of its bytes: hashing every word of every article as a
    /// `String` cost more than finding them. Equal words still compare in full.
    private struct IndexedWord: Hashable {
        let text: String
        let fingerprint: UInt64

        init(text: String) {
            var text = text
            fingerprint = text.withUTF8 { bytes in
                bytes.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
            }
            self.text = text
        }

        static func == (left: IndexedWord, right: IndexedWord) -> Bool {
            left.fingerprint == right.fingerprint && left.text == right.text
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(fingerprint)
        }
    }
}
