import Foundation
import HealthGuideBase
import HealthGuideContent
import HealthGuideLinks
import HealthGuideMarkdown

/// One article's entry in the search index: a JSON object, kept as its UTF-8 bytes. Entries
/// restored from the page cache are slices of the cache file's bytes, taken without copying:
/// entries are only ever joined into the index, and after one edit decoding 10,000 of them
/// into strings copied 6 MB into 10,000 new allocations.
public struct SearchEntry: Sendable, Equatable {
    public let json: ArraySlice<UInt8>
}

/// The search index: for each article its title, URL, summary, headings and the distinct
/// words of its body, and the folders' titles. Compact JSON that the search page loads once, so search works offline.
public enum SearchIndex {
    public static let fileName = GeneratedPaths.searchIndex

    /// The index of a language's articles: `search-index.json` for the default language,
    /// `search-index.es.json` beside it for another.
    public static func fileName(for language: String?) -> String {
        language.map { "search-index.\($0).json" } ?? fileName
    }

    /// One article's entry, made while its prose and its words are at hand; the page cache keeps it.
    public static func entry(for page: Page, words: ProseWords) -> SearchEntry {
        let json = JSONValue.object([
            ("t", .string(page.title)),
            ("u", .string(page.url)),
            ("s", .string(page.source.frontMatter.summary)),
            ("h", .string(page.facts.headings.map(\.text).joined(separator: " "))),
            ("w", .string(words.distinct.joined(words.indexedNumbers))),
        ]).serialized()
        return SearchEntry(json: ArraySlice(json.utf8))
    }

    /// The index: `p`, the articles' entries, given in URL order; `f`, the trail of folders
    /// above each folder's pages (`treatments/medicines/` → `Treatments › Medicines`), which the
    /// search page shows with each result.
    public static func build(entries: [(url: String, entry: SearchEntry)], trails: [(folderURL: String, trail: String)]) -> Data {
        var index = Data()
        index.reserveCapacity(entries.reduce(64) { $0 + $1.entry.json.count + 1 })
        let folders = JSONValue.object(trails.map { ($0.folderURL, .string($0.trail)) }).serialized()
        index.append(contentsOf: Array("{\"f\":\(folders),\"p\":[".utf8))
        for (position, item) in entries.enumerated() {
            if position > 0 { index.append(UInt8(ascii: ",")) }
            item.entry.json.withUnsafeBufferPointer { index.append($0) }
        }
        index.append(contentsOf: Array("]}".utf8))
        return index
    }
}
