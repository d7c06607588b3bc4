/// One entry of `glossary.yml`.
public struct GlossaryEntry: Sendable, Hashable, Codable {
    public let term: String
    public let definition: String
    public let aliases: [String]
    /// Marks medicines, so pages that name one carry the site's medicines note.
    public let medicine: Bool

    /// The fragment id of the entry on the glossary page; made once, since every first use of
    /// a term on every page links to it.
    public let anchor: String
    /// The definition escaped for HTML, for the tooltip at every first use.
    let definitionHTML: String

    public init(term: String, definition: String, aliases: [String], medicine: Bool) {
        self.term = term
        self.definition = definition
        self.aliases = aliases
        self.medicine = medicine
        anchor = "term-" + Slug.make(from: term)
        definitionHTML = HTML.escape(definition)
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
        for item in items {
            guard let pairs = reader.mapping(item, named: "a glossary entry", allowedKeys: Self.fields) else { continue }
            var (term, definition, aliases, medicine) = ("", "", [String](), false)
            for (key, _, value) in pairs {
                switch key {
                case "term": term = reader.string(value, field: key) ?? ""
                case "definition": definition = reader.string(value, field: key) ?? ""
                case "aliases": aliases = reader.strings(value, field: key)?.map(\.value) ?? []
                case "medicine": medicine = reader.bool(value, field: key) ?? false
                default: break
                }
            }
            let entry = GlossaryEntry(term: term, definition: definition, aliases: aliases, medicine: medicine)
            if entry.term.isEmpty || entry.definition.isEmpty {
                reader.report(at: reader.location(of: item), "every glossary entry needs a 'term' and a 'definition'", rule: "missing-field")
                continue
            }
            for spelling in entry.spellings where !seen.insert(spelling.lowercased()).inserted {
                reader.report(at: reader.location(of: item), "glossary term '\(spelling)' is defined twice", rule: "duplicate-term")
            }
            entries.append(entry)
        }
        return (entries.sorted { $0.term.lowercased() < $1.term.lowercased() }, reader.diagnostics)
    }
}
