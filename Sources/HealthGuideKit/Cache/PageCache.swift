import Foundation

/// The prepared pages of the last build, kept in `<output>/.healthguide/pages`, each with the
/// stamp of the file it was made from. A build takes an unchanged file's page, facts, findings
/// and search entry from here instead of reading, parsing and checking it again: after one
/// edit, one file is prepared. It also keeps the last site graph's record (`KnownGraph`), so
/// a build of the same shape resolves only the changed pages' links and takes the structure.
///
/// Everything that decides how a file is prepared besides the file itself (the program, the
/// settings, the glossary, the day) is the cache's `key`; a build with another key starts afresh.
struct PageCache: Sendable {
    struct Entry: Sendable {
        var stamp: FileStamp
        var prepared: PreparedPage
        /// The page's links as the last build resolved them, valid while the site keeps `shape`.
        var links: LinkResolver.Result?
        /// The entry as the cache file held it: an unchanged entry is written back as these
        /// bytes, since after one edit encoding the 10,000 others again cost about as much as
        /// decoding them.
        var encoded: ArraySlice<UInt8>?
    }

    static let formatVersion = 4
    private static let magic = "healthguide-pages"

    var key: String
    /// The graph of the build that saved the cache, whose shape its entries' links hold for.
    var graph: SiteGraph.Record?
    /// By path inside the content folder.
    var entries: [String: Entry]

    /// What the last build knew of the site graph, for a graph of the same shape to take.
    func knownGraph() -> KnownGraph? {
        guard let graph else { return nil }
        return KnownGraph(record: graph) { path in
            guard let entry = entries[path], let page = entry.prepared.page else { return nil }
            return (page, entry.links)
        }
    }

    /// Records `graph` and each page's links as it resolved them. Returns whether anything
    /// changed. An entry whose links changed is encoded afresh.
    mutating func keepGraph(_ graph: SiteGraph) -> Bool {
        var changed = self.graph?.shape != graph.shape
        if changed || graph.structureIsNew { self.graph = graph.record }
        for (index, page) in graph.pages.enumerated() {
            guard var entry = entries[page.source.path] else { continue }
            // An entry kept for a file saved a moment ago holds an older version of the page,
            // whose links these are not.
            let links = entry.prepared.page === page ? graph.links[index] : nil
            guard entry.links != links else { continue }
            entry.links = links
            entry.encoded = nil
            entries[page.source.path] = entry
            changed = true
        }
        return changed
    }

    /// The page prepared from the file at `path` when it had `stamp`, if that is what it still has.
    func page(at path: String, stamp: FileStamp?) -> PreparedPage? {
        guard let stamp, let entry = entries[path], entry.stamp == stamp else { return nil }
        return entry.prepared
    }

    static func path(in output: String) -> String {
        output + "/" + BuildManifest.folder + "/pages"
    }

    /// The cache the last build left in `output`, if there is a readable one.
    static func load(from output: String) -> PageCache? {
        ByteFile.read(PageCache.self, from: path(in: output), magic: magic, version: formatVersion)
    }

    /// Deletes the cache the last build left, so the next build reads every file.
    static func remove(from output: String) {
        try? FileManager.default.removeItem(atPath: path(in: output))
    }

    /// Replaces the cache file in one rename, so a reader never sees half of it.
    func save(in output: String, temporaryFolder: String) throws {
        let temporary = temporaryFolder + "/pages"
        guard FileManager.default.createFile(atPath: temporary, contents: ByteFile.encode(self, magic: Self.magic, version: Self.formatVersion)),
              rename(temporary, Self.path(in: output)) == 0 else {
            throw CocoaError(.fileWriteUnknown)
        }
    }
}

extension PageCache: ByteCodable {
    /// Each entry is written with its length, so a reader can find them all first and then
    /// decode them on every core: decoding was the largest part of a build after one edit.
    init(from reader: inout ByteReader) throws(ByteReader.Malformed) {
        key = try reader.string()
        graph = try reader.optional()
        let count = try reader.int()
        guard count >= 0 else { throw ByteReader.Malformed() }
        var encodedEntries: [ArraySlice<UInt8>] = []
        for _ in 0..<count {
            encodedEntries.append(try reader.bytes(count: try reader.int()))
        }
        let decoded = encodedEntries.parallelMap { encoded -> Entry? in
            var entryReader = ByteReader(encoded)
            guard let entry = try? Self.entry(from: &entryReader, encoded: encoded), entryReader.isAtEnd else { return nil }
            return entry
        }
        entries = [:]
        entries.reserveCapacity(count)
        for entry in decoded {
            guard let entry, let path = entry.prepared.page?.source.path else { throw ByteReader.Malformed() }
            entries[path] = entry
        }
    }

    private static func entry(from reader: inout ByteReader, encoded: ArraySlice<UInt8>) throws(ByteReader.Malformed) -> Entry {
        let stamp: FileStamp = try reader.value()
        let source: SourcePage = try reader.value()
        let facts: PageFacts = try reader.value()
        let page = Page(source: source, url: SitePath.url(for: source.kind), facts: facts)
        let prepared = PreparedPage(page: page, diagnostics: try reader.array(), searchEntry: try reader.optionalString())
        return Entry(stamp: stamp, prepared: prepared, links: try reader.optional(), encoded: encoded)
    }

    func write(to writer: inout ByteWriter) {
        writer.write(key)
        writer.write(graph)
        // Only pages are kept; a file that could not be read as one is read again next time.
        let kept = entries.sorted { $0.key < $1.key }.compactMap { _, entry in entry.prepared.page.map { (entry, $0) } }
        writer.write(kept.count)
        for (entry, page) in kept {
            let encoded = entry.encoded ?? Self.encode(entry, page: page)
            writer.write(encoded.count)
            writer.write(encoded: encoded)
        }
    }

    private static func encode(_ entry: Entry, page: Page) -> ArraySlice<UInt8> {
        var writer = ByteWriter()
        writer.write(entry.stamp)
        writer.write(page.source)
        writer.write(page.facts)
        writer.write(entry.prepared.diagnostics)
        writer.write(entry.prepared.searchEntry)
        writer.write(entry.links)
        return writer.bytes[...]
    }
}
