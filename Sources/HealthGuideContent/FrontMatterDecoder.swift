import HealthGuideBase
import Yams

/// Validates the YAML front matter of one page against the schema of its kind.
public struct FrontMatterDecoder {
    public static let articleFields = ["title", "summary", "reviewed", "reviewer", "sources", "tags", "related", "order", "draft"]
    public static let articleRequired = ["title", "summary", "reviewed", "sources"]
    public static let homeFields = ["title", "summary"]
    public static let sectionFields = ["title", "summary"]
    public static let topicFields = ["title", "summary", "order"]
    public static let sourceFields = ["title", "publisher", "url", "year"]

    public var reader: YAMLReader

    public init(displayPath: String, lineOffset: Int) {
        reader = YAMLReader(file: displayPath, lineOffset: lineOffset)
    }

    /// Reads the front matter of a page of `kind`. `yaml` is nil when the file has none.
    /// A translated article may say which version of its source it was made from (`source_reviewed`).
    public mutating func decode(yaml: String?, kind: PageKind, isTranslation: Bool = false) -> FrontMatter {
        var matter = FrontMatter()
        var (allowed, required) = Self.schema(for: kind)
        if isTranslation, case .article = kind { allowed += ["source_reviewed", "source_hash"] }
        guard let yaml else {
            if !required.isEmpty {
                reader.report(
                    at: .start,
                    "missing front matter: the file must start with a '---' line, then \(required.joined(separator: ", ")), then '---'",
                    rule: .missingFrontMatter)
            }
            return matter
        }
        let root: Node
        if yaml.isBlank {
            root = .mapping(Node.Mapping([]))
        } else {
            guard let composed = reader.compose(yaml) else { return matter }
            root = composed
        }
        guard let pairs = reader.mapping(root, named: "front matter", allowedKeys: allowed) else { return matter }
        for (key, keyNode, value) in pairs {
            if let location = reader.location(of: keyNode) { matter.locations[key] = location }
            read(key, value, into: &matter)
        }
        let present = Set(pairs.map(\.key))
        for field in required where !present.contains(field) {
            reader.report(
                at: SourceLocation(line: 1, column: 1), "missing required field '\(field)' in front matter",
                rule: .missingField)
        }
        return matter
    }

    private static func schema(for kind: PageKind) -> (allowed: [String], required: [String]) {
        switch kind {
        case .home: return (homeFields, ["title", "summary"])
        // A section's place comes from site.yml; a topic's from its own `order`.
        case let .section(folder): return (ContentFolder.depth(of: folder) > 1 ? topicFields : sectionFields, [])
        case .article: return (articleFields, articleRequired)
        }
    }

    private mutating func read(_ key: String, _ value: Node, into matter: inout FrontMatter) {
        switch key {
        case "title": matter.title = reader.string(value, field: key) ?? ""
        case "summary": matter.summary = reader.string(value, field: key) ?? ""
        case "reviewed": matter.reviewed = reader.date(value, field: key)
        case "reviewer": matter.reviewer = reader.string(value, field: key)
        case "sources": matter.sources = sources(value)
        case "tags": matter.tags = tags(value)
        case "related":
            matter.related = (reader.strings(value, field: key) ?? []).map { RelatedReference(path: $0.value, location: $0.location) }
        case "order": matter.order = reader.integer(value, field: key)
        case "draft": matter.draft = reader.bool(value, field: key) ?? false
        case "source_reviewed": matter.sourceReviewed = reader.date(value, field: key)
        case "source_hash": matter.sourceHash = reader.string(value, field: key)
        default: break
        }
    }

    private mutating func sources(_ node: Node) -> [SourceReference] {
        guard let items = reader.sequence(node, field: "sources") else { return [] }
        return items.compactMap { item in
            guard let pairs = reader.mapping(item, named: "a source", allowedKeys: Self.sourceFields) else { return nil }
            var source = SourceReference(location: reader.location(of: item))
            for (key, _, value) in pairs {
                switch key {
                case "title": source.title = reader.string(value, field: "sources.title")
                case "publisher": source.publisher = reader.string(value, field: "sources.publisher")
                case "url": source.url = reader.string(value, field: "sources.url")
                case "year": source.year = reader.integer(value, field: "sources.year")
                default: break
                }
            }
            return source
        }
    }

    private mutating func tags(_ node: Node) -> [String] {
        var tags: [String] = []
        for (tag, location) in reader.strings(node, field: "tags") ?? [] {
            if let problem = Slug.problem(with: tag) {
                reader.report(at: location, "tag '\(Slug.quoted(tag))' \(problem)", rule: .invalidTag)
                continue
            }
            if !tags.contains(tag) { tags.append(tag) }
        }
        return tags
    }
}
