import Foundation

/// The search index: for each article its title, URL, summary, headings and the distinct
/// words of its body. Compact JSON that the search page loads once, so search works offline.
enum SearchIndex {
    static let fileName = "search-index.json"

    /// One article's entry, made while its prose is at hand; the page cache keeps it.
    static func entry(for page: Page) -> String {
        var seen = Set<Substring>()
        var words: [Substring] = []
        for block in page.facts.textBlocks {
            for word in Prose.words(in: block.text.lowercased()) where isLongEnough(word) && seen.insert(word).inserted {
                words.append(word)
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

    /// Words of three letters or more are indexed. Counting bytes answers for ASCII words
    /// without breaking the word into characters.
    private static func isLongEnough(_ word: Substring) -> Bool {
        let bytes = word.utf8
        guard bytes.count > 2 else { return false }
        return bytes.allSatisfy { $0 < 0x80 } || word.count > 2
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
}
