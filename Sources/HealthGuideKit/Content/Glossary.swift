/// One entry of `glossary.yml`.
public struct GlossaryEntry: Sendable, Hashable, Codable {
    public var term: String
    public var definition: String
    public var aliases: [String]
    /// Marks medicines, so pages that name one carry the site's medicines note.
    public var medicine: Bool

    /// The fragment id of the entry on the glossary page, in the headings' scheme.
    public var anchor: String { Self.anchor(of: term) }

    static func anchor(of term: String) -> String {
        "term-" + FragmentID.make(from: term)
    }

    /// Every spelling that should link to this entry.
    public var spellings: [String] { [term] + aliases }
}

/// Reads `glossary.yml`: a list of `{term, definition, aliases?, medicine?}`.
struct GlossaryLoader {
    static let fields = ["term", "definition", "aliases", "medicine"]
    let displayPath: String

    func load(text: String) -> ([GlossaryEntry], [Diagnostic]) {
        var reader = YAMLReader(file: displayPath)
        guard let root = reader.compose(text) else { return ([], reader.diagnostics) }
        guard let items = reader.sequence(root, field: "glossary") else { return ([], reader.diagnostics) }
        var entries: [GlossaryEntry] = []
        var seen = Set<String>()
        /// The terms so far by id, with where they are: two terms with one id would share one anchor.
        var termsByAnchor: [String: (term: String, location: SourceLocation?)] = [:]
        for item in items {
            guard let pairs = reader.mapping(item, named: "a glossary entry", allowedKeys: Self.fields) else { continue }
            var entry = GlossaryEntry(term: "", definition: "", aliases: [], medicine: false)
            var termNode = item
            for (key, _, value) in pairs {
                switch key {
                case "term":
                    entry.term = reader.string(value, field: key) ?? ""
                    termNode = value
                case "definition": entry.definition = reader.string(value, field: key) ?? ""
                case "aliases": entry.aliases = reader.strings(value, field: key)?.map(\.value) ?? []
                case "medicine": entry.medicine = reader.bool(value, field: key) ?? false
                default: break
                }
            }
            if entry.term.isEmpty || entry.definition.isEmpty {
                reader.report(at: reader.location(of: item), "every glossary entry needs a 'term' and a 'definition'", rule: "missing-field")
                continue
            }
            var spelledTwice = false
            for spelling in entry.spellings where !seen.insert(spelling.lowercased()).inserted {
                reader.report(at: reader.location(of: item), "glossary term '\(spelling)' is defined twice", rule: "duplicate-term")
                spelledTwice = spelledTwice || spelling == entry.term
            }
            let anchor = entry.anchor
            if let first = termsByAnchor[anchor] {
                if !spelledTwice {
                    let place = first.location.map { " at \($0.line):\($0.column)" } ?? ""
                    reader.report(at: reader.location(of: termNode),
                                  "glossary term '\(entry.term)' would have the same id '#\(anchor)' as '\(first.term)'\(place)",
                                  rule: "duplicate-term", hint: "reword one of the two terms")
                }
            } else {
                termsByAnchor[anchor] = (entry.term, reader.location(of: termNode))
            }
            entries.append(entry)
        }
        return (entries.sorted { $0.term.lowercased() < $1.term.lowercased() }, reader.diagnostics)
    }
}
