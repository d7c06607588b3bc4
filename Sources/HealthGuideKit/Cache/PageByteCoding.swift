/// The byte form of what the page cache keeps of each page. Fields are written and read in
/// the same order; a change here must bump `PageCache.formatVersion`.

extension SourceLocation: ByteCodable {
    init(from reader: inout ByteReader) throws(ByteReader.Malformed) {
        self.init(line: try reader.int(), column: try reader.int())
    }

    func write(to writer: inout ByteWriter) {
        writer.write(line)
        writer.write(column)
    }
}

extension Severity: ByteCodable {
    init(from reader: inout ByteReader) throws(ByteReader.Malformed) {
        self = try reader.bool() ? .error : .warning
    }

    func write(to writer: inout ByteWriter) {
        writer.write(self == .error)
    }
}

extension Diagnostic: ByteCodable {
    init(from reader: inout ByteReader) throws(ByteReader.Malformed) {
        self.init(file: try reader.string(), location: try reader.optional(), severity: try reader.value(),
                  message: try reader.string(), rule: try reader.string(), hint: try reader.optionalString())
    }

    func write(to writer: inout ByteWriter) {
        writer.write(file)
        writer.write(location)
        writer.write(severity)
        writer.write(message)
        writer.write(rule)
        writer.write(hint)
    }
}

extension CalendarDate: ByteCodable {
    init(from reader: inout ByteReader) throws(ByteReader.Malformed) {
        guard let date = CalendarDate(year: try reader.int(), month: try reader.int(), day: try reader.int()) else {
            throw ByteReader.Malformed()
        }
        self = date
    }

    func write(to writer: inout ByteWriter) {
        writer.write(year)
        writer.write(month)
        writer.write(day)
    }
}

extension SourceReference: ByteCodable {
    init(from reader: inout ByteReader) throws(ByteReader.Malformed) {
        self.init(title: try reader.optionalString(), publisher: try reader.optionalString(), url: try reader.optionalString(),
                  year: try reader.optionalInt(), location: try reader.optional())
    }

    func write(to writer: inout ByteWriter) {
        writer.write(title)
        writer.write(publisher)
        writer.write(url)
        writer.write(year)
        writer.write(location)
    }
}

extension RelatedReference: ByteCodable {
    init(from reader: inout ByteReader) throws(ByteReader.Malformed) {
        self.init(path: try reader.string(), location: try reader.optional())
    }

    func write(to writer: inout ByteWriter) {
        writer.write(path)
        writer.write(location)
    }
}

extension FrontMatter: ByteCodable {
    init(from reader: inout ByteReader) throws(ByteReader.Malformed) {
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
        let fields = try reader.strings()
        let positions: [SourceLocation] = try reader.array()
        guard fields.count == positions.count else { throw ByteReader.Malformed() }
        locations = Dictionary(zip(fields, positions), uniquingKeysWith: { first, _ in first })
    }

    func write(to writer: inout ByteWriter) {
        writer.write(title)
        writer.write(summary)
        writer.write(reviewed)
        writer.write(reviewer)
        writer.write(sources)
        writer.write(tags)
        writer.write(related)
        writer.write(order)
        writer.write(draft)
        // Sorted, so the same page always gives the same bytes.
        let sorted = locations.sorted { $0.key < $1.key }
        writer.write(sorted.map(\.key))
        writer.write(sorted.map(\.value))
    }
}

extension PageKind: ByteCodable {
    init(from reader: inout ByteReader) throws(ByteReader.Malformed) {
        switch try reader.int() {
        case 0: self = .home
        case 1: self = .section(id: try reader.string())
        case 2: self = .article(section: try reader.string(), slug: try reader.string())
        default: throw ByteReader.Malformed()
        }
    }

    func write(to writer: inout ByteWriter) {
        switch self {
        case .home:
            writer.write(0)
        case let .section(id):
            writer.write(1)
            writer.write(id)
        case let .article(section, slug):
            writer.write(2)
            writer.write(section)
            writer.write(slug)
        }
    }
}

extension HeadingFact: ByteCodable {
    init(from reader: inout ByteReader) throws(ByteReader.Malformed) {
        self.init(level: try reader.int(), text: try reader.string(), id: try reader.string(), location: try reader.value())
    }

    func write(to writer: inout ByteWriter) {
        writer.write(level)
        writer.write(text)
        writer.write(id)
        writer.write(location)
    }
}

extension LinkFact: ByteCodable {
    init(from reader: inout ByteReader) throws(ByteReader.Malformed) {
        self.init(destination: try reader.string(), text: try reader.string(), isImage: try reader.bool(), location: try reader.value())
    }

    func write(to writer: inout ByteWriter) {
        writer.write(destination)
        writer.write(text)
        writer.write(isImage)
        writer.write(location)
    }
}

extension CardFact: ByteCodable {
    init(from reader: inout ByteReader) throws(ByteReader.Malformed) {
        guard let kind = CareCardKind(rawValue: try reader.string()) else { throw ByteReader.Malformed() }
        self.init(kind: kind, items: try reader.array(), location: try reader.value())
    }

    func write(to writer: inout ByteWriter) {
        writer.write(kind.rawValue)
        writer.write(items)
        writer.write(location)
    }
}

extension CardSign: ByteCodable {
    init(from reader: inout ByteReader) throws(ByteReader.Malformed) {
        let card = try reader.int(), item = try reader.int()
        guard let level = CareCardKind(rawValue: try reader.string()) else { throw ByteReader.Malformed() }
        self.init(card: card, item: item, level: level, foldedHash: UInt64(bitPattern: Int64(try reader.int())))
    }

    func write(to writer: inout ByteWriter) {
        writer.write(card)
        writer.write(item)
        writer.write(level.rawValue)
        writer.write(Int(Int64(bitPattern: foldedHash)))
    }
}

extension CardItemFact: ByteCodable {
    init(from reader: inout ByteReader) throws(ByteReader.Malformed) {
        self.init(text: try reader.string(), location: try reader.value())
    }

    func write(to writer: inout ByteWriter) {
        writer.write(text)
        writer.write(location)
    }
}

extension TableFact: ByteCodable {
    init(from reader: inout ByteReader) throws(ByteReader.Malformed) {
        self.init(hasHeaderText: try reader.bool(), location: try reader.value(), cells: try reader.int())
    }

    func write(to writer: inout ByteWriter) {
        writer.write(hasHeaderText)
        writer.write(location)
        writer.write(cells)
    }
}

extension UnknownCardMarker: ByteCodable {
    init(from reader: inout ByteReader) throws(ByteReader.Malformed) {
        self.init(name: try reader.string(), location: try reader.value())
    }

    func write(to writer: inout ByteWriter) {
        writer.write(name)
        writer.write(location)
    }
}

extension GlossaryUse: ByteCodable {
    init(from reader: inout ByteReader) throws(ByteReader.Malformed) {
        self.init(entryIndex: try reader.int(), location: try reader.value())
    }

    func write(to writer: inout ByteWriter) {
        writer.write(entryIndex)
        writer.write(location)
    }
}

extension PageFacts: ByteCodable {
    /// Everything but the prose: the text blocks serve only the checks of the page itself,
    /// which the cache keeps as their findings.
    init(from reader: inout ByteReader) throws(ByteReader.Malformed) {
        self.init()
        headings = try reader.array()
        links = try reader.array()
        cards = try reader.array()
        tables = try reader.array()
        unknownCardMarkers = try reader.array()
        rawHTML = try reader.array()
        glossaryTerms = try reader.array()
    }

    func write(to writer: inout ByteWriter) {
        writer.write(headings)
        writer.write(links)
        writer.write(cards)
        writer.write(tables)
        writer.write(unknownCardMarkers)
        writer.write(rawHTML)
        writer.write(glossaryTerms)
    }
}

extension SourcePage: ByteCodable {
    /// The body is not kept: a page restored from the cache reads it again only if it is rendered.
    init(from reader: inout ByteReader) throws(ByteReader.Malformed) {
        self.init(kind: try reader.value(), path: try reader.string(), displayPath: try reader.string(), body: nil,
                  bodyLineOffset: try reader.int(), frontMatter: try reader.value(), contentHash: try reader.string())
    }

    func write(to writer: inout ByteWriter) {
        writer.write(kind)
        writer.write(path)
        writer.write(displayPath)
        writer.write(bodyLineOffset)
        writer.write(frontMatter)
        writer.write(contentHash)
    }
}

extension LinkResolver.Result: ByteCodable {
    init(from reader: inout ByteReader) throws(ByteReader.Malformed) {
        let count = try reader.int()
        guard count >= 0 else { throw ByteReader.Malformed() }
        for _ in 0..<count { destinations.append(try reader.optionalString()) }
        targets = try reader.ints()
        diagnostics = try reader.array()
    }

    func write(to writer: inout ByteWriter) {
        writer.write(destinations.count)
        for destination in destinations { writer.write(destination) }
        writer.write(targets)
        writer.write(diagnostics)
    }
}

extension SiteGraph.Record: ByteCodable {
    /// Every page index is checked against the number of pages: a damaged file is a cache
    /// miss, never an index out of range.
    init(from reader: inout ByteReader) throws(ByteReader.Malformed) {
        shape = try reader.string()
        pagePaths = try reader.strings()
        extras = try reader.string()
        let count = pagePaths.count
        func index(_ reader: inout ByteReader) throws(ByteReader.Malformed) -> Int {
            let value = try reader.int()
            guard value >= 0, value < count else { throw ByteReader.Malformed() }
            return value
        }
        func indexes(_ reader: inout ByteReader) throws(ByteReader.Malformed) -> [Int] {
            try reader.list(index)
        }
        func optionalIndex(_ reader: inout ByteReader) throws(ByteReader.Malformed) -> Int? {
            try reader.bool() ? try index(&reader) : nil
        }
        func named(_ reader: inout ByteReader) throws(ByteReader.Malformed) -> (String, [Int]) {
            (try reader.string(), try indexes(&reader))
        }
        let backlinks = try reader.list(indexes)
        let related = try reader.list(indexes)
        let previous = try reader.list(optionalIndex)
        let next = try reader.list(optionalIndex)
        let sections = try reader.list(named)
        let tags = try reader.list(named)
        let sectionPages = try reader.list { reader throws(ByteReader.Malformed) in (try reader.string(), try index(&reader)) }
        let homePage = try optionalIndex(&reader)
        let titleOrder = try indexes(&reader)
        guard backlinks.count == count, related.count == count, previous.count == count, next.count == count,
              titleOrder.count == count else { throw ByteReader.Malformed() }
        structure = SiteGraph.Structure(
            backlinks: backlinks, related: related, previous: previous, next: next,
            articlesBySection: Dictionary(sections, uniquingKeysWith: { first, _ in first }),
            tags: tags.map { (tag: $0.0, articles: $0.1) },
            sectionPages: Dictionary(sectionPages, uniquingKeysWith: { first, _ in first }),
            homePage: homePage, titleOrder: titleOrder)
    }

    func write(to writer: inout ByteWriter) {
        writer.write(shape)
        writer.write(pagePaths)
        writer.write(extras)
        for lists in [structure.backlinks, structure.related] {
            writer.write(lists.count)
            for list in lists { writer.write(list) }
        }
        for optionals in [structure.previous, structure.next] {
            writer.write(optionals.count)
            for value in optionals { writer.write(value) }
        }
        for named in [structure.articlesBySection.sorted { $0.key < $1.key }, structure.tags.map { ($0.tag, $0.articles) }] {
            writer.write(named.count)
            for (name, list) in named {
                writer.write(name)
                writer.write(list)
            }
        }
        let sectionPages = structure.sectionPages.sorted { $0.key < $1.key }
        writer.write(sectionPages.count)
        for (name, index) in sectionPages {
            writer.write(name)
            writer.write(index)
        }
        writer.write(structure.homePage)
        writer.write(structure.titleOrder)
    }
}

extension SearchEntry: ByteCodable {
    /// Written as a string is; read as a slice of the reader's bytes, without copying.
    init(from reader: inout ByteReader) throws(ByteReader.Malformed) {
        self.init(json: try reader.bytes(count: try reader.int()))
    }

    func write(to writer: inout ByteWriter) {
        writer.write(json.count)
        writer.write(encoded: json)
    }
}
