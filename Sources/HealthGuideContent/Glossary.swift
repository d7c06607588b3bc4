import HealthGuideBase

/// One entry of `glossary.yml`.
public struct GlossaryEntry: Sendable, Hashable, Codable {
    public let term: String
    public let definition: String
    public let aliases: [String]
    /// Marks medicines, so pages that name one carry the site's medicines note.
    public let medicine: Bool

    /// The fragment id of the entry on the glossary page, in the headings' scheme; made once, since every first use of
    /// a term on every page links to it.
    public let anchor: String
    /// The definition escaped for HTML, for the tooltip at every first use.
    public let definitionHTML: String

    public init(term: String, definition: String, aliases: [String], medicine: Bool) {
        self.term = term
        self.definition = definition
        self.aliases = aliases
        self.medicine = medicine
        anchor = "term-" + FragmentID.make(from: term)
        definitionHTML = HTML.escape(definition)
    }

    /// Every spelling that should link to this entry.
    public var spellings: [String] { [term] + aliases }
}

/// Reads `glossary.yml`: a list of `{term, definition, aliases?, medicine?}`.
public struct GlossaryLoader {
    public static let fields = ["term", "definition", "aliases", "medicine"]
    public let displayPath: String

    public func load(text: String) -> ([GlossaryEntry], [Diagnostic]) {
        var reader = YAMLReader(file: displayPath)
        guard let root = reader.compose(text) else { return ([], reader.diagnostics) }
        guard let items = reader.sequence(root, field: "glossary") else { return ([], reader.diagnostics) }
        var entries: [GlossaryEntry] = []
        var clashes = GlossaryClashes()
        for item in items {
            guard let pairs = reader.mapping(item, named: "a glossary entry", allowedKeys: Self.fields) else { continue }
            var (term, definition, aliases, medicine) = ("", "", [String](), false)
            var termNode = item
            for (key, _, value) in pairs {
                switch key {
                case "term":
                    term = reader.string(value, field: key) ?? ""
                    termNode = value
                case "definition": definition = reader.string(value, field: key) ?? ""
                case "aliases": aliases = reader.strings(value, field: key)?.map(\.value) ?? []
                case "medicine": medicine = reader.bool(value, field: key) ?? false
                default: break
                }
            }
            let entry = GlossaryEntry(term: term, definition: definition, aliases: aliases, medicine: medicine)
            if entry.term.isEmpty || entry.definition.isEmpty {
                reader.report(at: reader.location(of: item), "every glossary entry needs a 'term' and a 'definition'", rule: .missingField)
                continue
            }
            if FragmentID.make(from: entry.term).isEmpty {
                reader.report(
                    at: reader.location(of: termNode), "glossary term '\(entry.term)' needs a letter or a digit, for its link",
                    rule: .invalidValue)
                continue
            }
            clashes.check(entry, at: reader.location(of: termNode), reader: &reader)
            entries.append(entry)
        }
        return (entries.sorted { $0.term.lowercased() < $1.term.lowercased() }, reader.diagnostics)
    }
}

/// Finds glossary entries that clash with an earlier one: a spelling used twice (in any case),
/// or a term with the id of an earlier term, so that both links would land on one definition.
private struct GlossaryClashes {
    /// Each spelling so far, lower-cased, with where its entry's term is.
    private var spellings: [String: SourceLocation?] = [:]
    /// Each term so far by its id, with where it is.
    private var terms: [String: (term: String, location: SourceLocation?)] = [:]

    /// Reports the clashes of `entry`, whose term is at `location`, and remembers it.
    mutating func check(_ entry: GlossaryEntry, at location: SourceLocation?, reader: inout YAMLReader) {
        var termSpelledBefore = false
        for spelling in entry.spellings {
            let key = spelling.lowercased()
            if let first = spellings[key] {
                reader.report(
                    at: location, "glossary term '\(spelling)' is defined twice\(Self.place(first, prefix: " (first at ", suffix: ")"))",
                    rule: .duplicateTerm)
                termSpelledBefore = termSpelledBefore || spelling == entry.term
            } else {
                spellings[key] = location
            }
        }
        let anchor = entry.anchor
        if let first = terms[anchor] {
            // The same word twice is reported above; this is two words that look alike to the id scheme.
            guard !termSpelledBefore else { return }
            reader.report(
                at: location,
                "glossary term '\(entry.term)' would have the same id '#\(anchor)' as '\(first.term)'"
                    + Self.place(first.location, prefix: " at ", suffix: ""),
                rule: .duplicateTerm, hint: "reword one of the two terms")
        } else {
            terms[anchor] = (entry.term, location)
        }
    }

    private static func place(_ location: SourceLocation?, prefix: String, suffix: String) -> String {
        location.map { "\(prefix)\($0.line):\($0.column)\(suffix)" } ?? ""
    }
}
