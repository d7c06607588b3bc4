import HealthGuideBase

/// The byte form of a page's facts, which the page cache keeps and a page decodes when first
/// read. Fields are written and read in the same order; a change here must bump
/// `PageCache.formatVersion`.

extension HeadingFact: ByteCodable {
    public init(from reader: inout ByteReader) throws(ByteReader.Malformed) {
        self.init(level: try reader.int(), text: try reader.string(), id: try reader.string(), location: try reader.value())
    }

    public func write(to writer: inout ByteWriter) {
        writer.write(level)
        writer.write(text)
        writer.write(id)
        writer.write(location)
    }
}

extension LinkFact: ByteCodable {
    public init(from reader: inout ByteReader) throws(ByteReader.Malformed) {
        self.init(destination: try reader.string(), text: try reader.string(), isImage: try reader.bool(), location: try reader.value())
    }

    public func write(to writer: inout ByteWriter) {
        writer.write(destination)
        writer.write(text)
        writer.write(isImage)
        writer.write(location)
    }
}

extension CardFact: ByteCodable {
    public init(from reader: inout ByteReader) throws(ByteReader.Malformed) {
        guard let kind = CareCardKind(rawValue: try reader.string()) else { throw ByteReader.Malformed() }
        self.init(kind: kind, items: try reader.array(), location: try reader.value())
    }

    public func write(to writer: inout ByteWriter) {
        writer.write(kind.rawValue)
        writer.write(items)
        writer.write(location)
    }
}

extension CardSign: ByteCodable {
    public init(from reader: inout ByteReader) throws(ByteReader.Malformed) {
        let card = try reader.int(), item = try reader.int()
        guard let level = CareCardKind(rawValue: try reader.string()) else { throw ByteReader.Malformed() }
        self.init(card: card, item: item, level: level, foldedHash: UInt64(bitPattern: Int64(try reader.int())))
    }

    public func write(to writer: inout ByteWriter) {
        writer.write(card)
        writer.write(item)
        writer.write(level.rawValue)
        writer.write(Int(Int64(bitPattern: foldedHash)))
    }
}

extension CardItemFact: ByteCodable {
    public init(from reader: inout ByteReader) throws(ByteReader.Malformed) {
        self.init(text: try reader.string(), location: try reader.value())
    }

    public func write(to writer: inout ByteWriter) {
        writer.write(text)
        writer.write(location)
    }
}

extension TableFact: ByteCodable {
    public init(from reader: inout ByteReader) throws(ByteReader.Malformed) {
        self.init(hasHeaderText: try reader.bool(), location: try reader.value(), cells: try reader.int())
    }

    public func write(to writer: inout ByteWriter) {
        writer.write(hasHeaderText)
        writer.write(location)
        writer.write(cells)
    }
}

extension UnknownCardMarker: ByteCodable {
    public init(from reader: inout ByteReader) throws(ByteReader.Malformed) {
        self.init(name: try reader.string(), location: try reader.value())
    }

    public func write(to writer: inout ByteWriter) {
        writer.write(name)
        writer.write(location)
    }
}

extension GlossaryUse: ByteCodable {
    public init(from reader: inout ByteReader) throws(ByteReader.Malformed) {
        self.init(entryIndex: try reader.int(), location: try reader.value())
    }

    public func write(to writer: inout ByteWriter) {
        writer.write(entryIndex)
        writer.write(location)
    }
}

extension PageFacts: ByteCodable {
    /// Everything but the prose: the text blocks serve only the checks of the page itself,
    /// which the cache keeps as their findings.
    public init(from reader: inout ByteReader) throws(ByteReader.Malformed) {
        self.init()
        headings = try reader.array()
        links = try reader.array()
        cards = try reader.array()
        tables = try reader.array()
        unknownCardMarkers = try reader.array()
        rawHTML = try reader.array()
        glossaryTerms = try reader.array()
    }

    public func write(to writer: inout ByteWriter) {
        writer.write(headings)
        writer.write(links)
        writer.write(cards)
        writer.write(tables)
        writer.write(unknownCardMarkers)
        writer.write(rawHTML)
        writer.write(glossaryTerms)
    }
}
