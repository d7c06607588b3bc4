import Foundation

/// The search index: for each article its title, URL, summary, headings and the distinct
/// words of its body. Compact JSON that the search page loads once, so search works offline.
enum SearchIndex {
    static let fileName = "search-index.json"

    static func build(graph: SiteGraph) -> Data {
        let articles = graph.pages.filter(\.isArticle).sorted { $0.url < $1.url }
        let entries = articles.parallelMap { page -> String in
            var seen = Set<Substring>()
            var words: [Substring] = []
            for block in page.facts.textBlocks {
                for word in Prose.words(in: block.text.lowercased()) where word.count > 2 && seen.insert(word).inserted {
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
        return Data(("[" + entries.joined(separator: ",") + "]").utf8)
    }
}
