import Foundation

/// One article's entry in the search index: a JSON object, kept as its UTF-8 bytes. Entries
/// restored from the page cache are slices of the cache file's bytes, taken without copying:
/// entries are only ever joined into the index, and after one edit decoding 10,000 of them
/// into strings copied 6 MB into 10,000 new allocations.
struct SearchEntry: Sendable, Equatable {
    let json: ArraySlice<UInt8>
}

/// The search index: for each article its title, URL, summary, headings and the distinct
/// words of its body. Compact JSON that the search page loads once, so search works offline.
enum SearchIndex {
    static let fileName = "search-index.json"

    /// One article's entry, made while its prose and its words are at hand; the page cache keeps it.
    static func entry(for page: Page, words: ProseWords) -> SearchEntry {
        var distinct = DistinctWords()
        for (index, block) in page.facts.textBlocks.enumerated() {
            var text = block.text
            text.withUTF8 { bytes in
                for range in words.inBlock(index) {
                    addIndexedForm(of: UnsafeBufferPointer(rebasing: bytes[range]), to: &distinct)
                }
            }
        }
        let json = JSONValue.object([
            ("t", .string(page.title)),
            ("u", .string(page.url)),
            ("s", .string(page.source.frontMatter.summary)),
            ("h", .string(page.facts.headings.map(\.text).joined(separator: " "))),
            ("w", .string(distinct.joinedText)),
        ]).serialized()
        return SearchEntry(json: ArraySlice(json.utf8))
    }

    /// Adds the word as the index keeps it, lower-cased, if it has three letters or more.
    /// ASCII words, nearly all of them, are lower-cased byte by byte on the stack, where
    /// `lowercased()` of each block made a new string.
    private static func addIndexedForm(of word: UnsafeBufferPointer<UInt8>, to distinct: inout DistinctWords) {
        guard word.count > 2 else { return }
        // One pass lowers the case and finds out whether the word is ASCII after all.
        let isASCII = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: word.count) { buffer in
            for index in 0..<word.count {
                let byte = word[index]
                guard byte < 0x80 else { return false }
                buffer[index] = byte &- 0x41 < 26 ? byte | 0x20 : byte
            }
            distinct.insert(UnsafeBufferPointer(buffer))
            return true
        }
        guard !isASCII else { return }
        var lowercased = String(decoding: word, as: UTF8.self).lowercased()
        if lowercased.count > 2 { lowercased.withUTF8 { distinct.insert($0) } }
    }

    /// The index of the articles' entries, given in URL order.
    static func build(entries: [(url: String, entry: SearchEntry)]) -> Data {
        var index = Data()
        index.reserveCapacity(entries.reduce(2) { $0 + $1.entry.json.count + 1 })
        index.append(UInt8(ascii: "["))
        for (position, item) in entries.enumerated() {
            if position > 0 { index.append(UInt8(ascii: ",")) }
            item.entry.json.withUnsafeBufferPointer { index.append($0) }
        }
        index.append(UInt8(ascii: "]"))
        return index
    }
}
