import Foundation

/// The search index: for each article its title, URL, summary, headings and the distinct
/// words of its body. Compact JSON that the search page loads once, so search works offline.
enum SearchIndex {
    static let fileName = "search-index.json"

    static func build(graph: SiteGraph) -> Data {
        let entries = graph.pages.filter(\.isArticle).sorted { $0.url < $1.url }.map { page -> [String: Any] in
            var seen = Set<String>()
            var words: [String] = []
            for block in page.facts.textBlocks {
                for word in Prose.words(in: block.text) {
                    let folded = word.lowercased()
                    if folded.count > 2, seen.insert(folded).inserted { words.append(folded) }
                }
            }
            return [
                "t": page.title,
                "u": page.url,
                "s": page.source.frontMatter.summary,
                "h": page.facts.headings.map(\.text).joined(separator: " "),
                "w": words.joined(separator: " "),
            ]
        }
        return (try? JSONSerialization.data(withJSONObject: entries, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("[]".utf8)
    }
}
