import HealthGuideBase

/// The byte form of a page's source as the page cache keeps it. Fields are written and read in
/// the same order; a change here must bump `PageCache.formatVersion`.

extension CalendarDate: ByteCodable {
    public init(from reader: inout ByteReader) throws(ByteReader.Malformed) {
        guard let date = CalendarDate(year: try reader.int(), month: try reader.int(), day: try reader.int()) else {
            throw ByteReader.Malformed()
        }
        self = date
    }

    public func write(to writer: inout ByteWriter) {
        writer.write(year)
        writer.write(month)
        writer.write(day)
    }
}

extension SourceReference: ByteCodable {
    public init(from reader: inout ByteReader) throws(ByteReader.Malformed) {
        self.init(
            title: try reader.optionalString(), publisher: try reader.optionalString(), url: try reader.optionalString(),
            year: try reader.optionalInt(), location: try reader.optional())
    }

    public func write(to writer: inout ByteWriter) {
        writer.write(title)
        writer.write(publisher)
        writer.write(url)
        writer.write(year)
        writer.write(location)
    }
}

extension RelatedReference: ByteCodable {
    public init(from reader: inout ByteReader) throws(ByteReader.Malformed) {
        self.init(path: try reader.string(), location: try reader.optional())
    }

    public func write(to writer: inout ByteWriter) {
        writer.write(path)
        writer.write(location)
    }
}

extension FrontMatter: ByteCodable {
    public init(from reader: inout ByteReader) throws(ByteReader.Malformed) {
        self.init()
        title = try reader.string()
        summary = try reader.string()
        reviewed = try reader.optional()
        reviewer = try reader.optionalString()
        sources = try reader.array()
        tags = try reader.strings()
        related = try reader.array()
        order = try reader.optionalInt()
        draft = try reader.bool()
        sourceReviewed = try reader.optional()
        sourceHash = try reader.optionalString()
        let fields = try reader.strings()
        let positions: [SourceLocation] = try reader.array()
        guard fields.count == positions.count else { throw ByteReader.Malformed() }
        locations = Dictionary(zip(fields, positions), uniquingKeysWith: { first, _ in first })
    }

    public func write(to writer: inout ByteWriter) {
        writer.write(title)
        writer.write(summary)
        writer.write(reviewed)
        writer.write(reviewer)
        writer.write(sources)
        writer.write(tags)
        writer.write(related)
        writer.write(order)
        writer.write(draft)
        writer.write(sourceReviewed)
        writer.write(sourceHash)
        // Sorted, so the same page always gives the same bytes.
        let sorted = locations.sorted { $0.key < $1.key }
        writer.write(sorted.map(\.key))
        writer.write(sorted.map(\.value))
    }
}

extension PageKind: ByteCodable {
    public init(from reader: inout ByteReader) throws(ByteReader.Malformed) {
        switch try reader.int() {
        case 0: self = .home
        case 1: self = .section(folder: try reader.string())
        case 2: self = .article(folder: try reader.string(), slug: try reader.string())
        default: throw ByteReader.Malformed()
        }
    }

    public func write(to writer: inout ByteWriter) {
        switch self {
        case .home:
            writer.write(0)
        case let .section(folder):
            writer.write(1)
            writer.write(folder)
        case let .article(folder, slug):
            writer.write(2)
            writer.write(folder)
            writer.write(slug)
        }
    }
}

extension SourcePage: ByteCodable {
    /// The body is not kept: a page restored from the cache reads it again only if it is rendered.
    public init(from reader: inout ByteReader) throws(ByteReader.Malformed) {
        self.init(
            kind: try reader.value(), language: try reader.optionalString(), path: try reader.string(),
            displayPath: try reader.string(), body: nil, bodyLineOffset: try reader.int(), frontMatter: try reader.value(),
            contentHash: try reader.string(), bodyHash: try reader.string(), bodyLines: try reader.array(),
            includedInputs: try reader.string())
    }

    public func write(to writer: inout ByteWriter) {
        writer.write(kind)
        writer.write(language)
        writer.write(path)
        writer.write(displayPath)
        writer.write(bodyLineOffset)
        writer.write(frontMatter)
        writer.write(contentHash)
        writer.write(bodyHash)
        writer.write(bodyLines)
        writer.write(includedInputs)
    }
}
