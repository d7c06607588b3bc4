import Foundation
import HealthGuideBase
import HealthGuideContent
import HealthGuideLinks
import HealthGuideMarkdown
import HealthGuideOutput

/// The page cache's two files in `<output>/.healthguide/`:
///
/// - `pages`: a random id, the key, the graph record and every entry, as one build wrote them;
/// - `pages-recent`: the id of the `pages` it follows, the key, the graph record when it
///   differs, the entries that differ and the paths that are gone.
///
/// A save writes `pages-recent` alone while it stays under an eighth of `pages`, and otherwise
/// both afresh. Each is replaced in one rename, and a `pages-recent` whose id is not that of
/// `pages` is ignored, so a build stopped between the two renames leaves an older cache, never a
/// mixed one.
public extension PageCache {
    static let formatVersion = 13
    private static let magic = "healthguide-pages"
    private static let recentMagic = "healthguide-pages-recent"

    static func path(in output: String) -> String {
        output + "/" + BuildManifest.folder + "/pages"
    }

    static func recentPath(in output: String) -> String {
        output + "/" + BuildManifest.folder + "/pages-recent"
    }

    /// The cache the last build left in `output`, if there is a readable one.
    static func load(from output: String) -> PageCache? {
        StoredFiles.read(from: output).flatMap(decode)
    }

    /// The two files' checked bytes, read but not decoded, so that a build can read them while
    /// it waits for something else and decode them when it knows it needs them.
    struct StoredFiles: Sendable {
        fileprivate let pages: ArraySlice<UInt8>
        fileprivate let recent: ArraySlice<UInt8>?

        static func read(from output: String) -> StoredFiles? {
            guard let pages = ByteFile.checkedPayload(of: PageCache.path(in: output)) else { return nil }
            return StoredFiles(pages: pages, recent: ByteFile.checkedPayload(of: PageCache.recentPath(in: output)))
        }
    }

    /// The cache in `files`, if they hold a readable one.
    static func decode(_ files: StoredFiles) -> PageCache? {
        guard let file = ByteFile.decode(BaseFile.self, from: files.pages, magic: magic, version: formatVersion) else {
            return nil
        }
        var cache = file.cache
        if let recentBytes = files.recent,
            let recent = ByteFile.decode(RecentFile.self, from: recentBytes, magic: recentMagic, version: formatVersion),
            recent.baseID == file.cache.base?.id
        {
            recent.apply(to: &cache)
        }
        return cache
    }

    /// Deletes the cache the last build left, so the next build reads every file.
    static func remove(from output: String) {
        FileSystem.removeFile(path(in: output))
        FileSystem.removeFile(recentPath(in: output))
    }

    /// Writes what changed since `pages` into `pages-recent`, or both files afresh when that
    /// is no longer small. Afterwards every entry knows the bytes it was saved as.
    mutating func save(in output: String, temporaryFolder: String) throws {
        var unsaved: [(path: String, entry: Entry)] = []
        for (path, entry) in entries where entry.saved == nil {
            unsaved.append((path, entry))
        }
        // Encoded on every core: after a full build, all 10,000 entries are new.
        let encoded = unsaved.parallelMap { item in item.entry.prepared.page.map { Self.encode(item.entry, page: $0) } }
        for ((path, _), bytes) in zip(unsaved, encoded) {
            guard let bytes else {
                // Only pages are kept; a file that could not be read as one is read again next time.
                entries[path] = nil
                continue
            }
            entries[path]?.saved = SavedBytes(bytes: bytes, inBase: false)
        }
        // Without a `pages` file there is nothing to write changes against.
        if let base {
            let recent = RecentFile(changesOf: self)
            if recent.size * 8 <= base.size {
                try FileSystem.replace(
                    Self.recentPath(in: output), with: ByteFile.encode(recent, magic: Self.recentMagic, version: Self.formatVersion),
                    through: temporaryFolder + "/pages-recent")
                return
            }
        }
        let file = BaseFile(cache: self, id: UInt64.random(in: .min ... .max))
        try FileSystem.replace(
            Self.path(in: output), with: ByteFile.encode(file, magic: Self.magic, version: Self.formatVersion),
            through: temporaryFolder + "/pages")
        // The old `pages-recent` names the old id and would be ignored; removed to save reading it.
        FileSystem.removeFile(Self.recentPath(in: output))
        self = file.cache
    }

    private static func encode(_ entry: Entry, page: Page) -> ArraySlice<UInt8> {
        var writer = ByteWriter()
        writer.write(entry.stamp)
        writer.write(page.source)
        // With its length, so a reader can keep the bytes and decode them only when asked.
        let facts = entry.encodedFacts ?? Self.encoded(page.facts)
        writer.write(facts.count)
        writer.write(encoded: facts)
        writer.write(page.cardSigns)
        writer.write(entry.prepared.diagnostics)
        writer.write(entry.prepared.searchEntry)
        writer.write(entry.links)
        return writer.bytes[...]
    }

    /// Each entry is written with its length, so a reader can find them all first and then
    /// decode them on every core: decoding was the largest part of a build after one edit.
    fileprivate static func readEntries(from reader: inout ByteReader, inBase: Bool) throws(ByteReader.Malformed) -> [String: Entry] {
        let count = try reader.int()
        guard count >= 0 else { throw ByteReader.Malformed() }
        var encodedEntries: [ArraySlice<UInt8>] = []
        for _ in 0..<count {
            encodedEntries.append(try reader.bytes(count: try reader.int()))
        }
        var decoded = encodedEntries.parallelMap { encoded -> Entry? in
            var entryReader = ByteReader(encoded)
            guard let entry = try? entry(from: &entryReader, saved: SavedBytes(bytes: encoded, inBase: inBase)),
                entryReader.isAtEnd
            else { return nil }
            return entry
        }
        var entries: [String: Entry] = [:]
        entries.reserveCapacity(count)
        // Moved out of the array, not copied: copying each entry, and releasing the array's
        // copies afterwards, was a quarter of this serial step of a build after one edit.
        while let entry = decoded.popLast() {
            guard let entry, let path = entry.prepared.page?.source.path else { throw ByteReader.Malformed() }
            entries[path] = entry
        }
        return entries
    }

    private static func entry(from reader: inout ByteReader, saved: SavedBytes) throws(ByteReader.Malformed) -> Entry {
        let stamp: FileStamp = try reader.value()
        let source: SourcePage = try reader.value()
        let facts = try reader.bytes(count: try reader.int())
        let page = Page(
            source: source, url: SitePath.url(for: source.kind, language: source.language), facts: Lazy { Self.decodedFacts(facts) },
            cardSigns: try reader.array())
        let prepared = PreparedPage(page: page, diagnostics: try reader.array(), searchEntry: try reader.optional())
        return Entry(stamp: stamp, prepared: prepared, links: try reader.optional(), saved: saved, encodedFacts: facts)
    }

    private static func encoded(_ facts: PageFacts) -> ArraySlice<UInt8> {
        var writer = ByteWriter()
        writer.write(facts)
        return writer.bytes[...]
    }

    /// The cache file's checksum and format version vouch for bytes `encoded` wrote, and a
    /// test reads them back; were they unreadable anyway, the page would have no facts rather
    /// than stop the build.
    private static func decodedFacts(_ bytes: ArraySlice<UInt8>) -> PageFacts {
        var reader = ByteReader(bytes)
        return (try? PageFacts(from: &reader)) ?? PageFacts()
    }

    fileprivate static func write(_ entries: [(path: String, entry: Entry)], to writer: inout ByteWriter) {
        writer.write(entries.count)
        for (_, entry) in entries {
            // `save` has given every entry its bytes.
            let bytes = entry.saved?.bytes ?? []
            writer.write(bytes.count)
            writer.write(encoded: bytes)
        }
    }
}

/// The `pages` file: the whole cache.
private struct BaseFile: ByteCodable {
    var cache: PageCache
    /// The most bytes a length can take written (see `ByteWriter`), also more than a checksum.
    private static let maximumLengthBytes = 10

    /// `cache` as it will be once written as the `pages` with `id`.
    init(cache: PageCache, id: UInt64) {
        var cache = cache
        cache.entries = cache.entries.mapValues { entry in
            var entry = entry
            entry.saved?.inBase = true
            return entry
        }
        cache.base = PageCache.Base(
            id: id, paths: Array(cache.entries.keys),
            size: cache.entries.values.reduce(0) { $0 + ($1.saved?.bytes.count ?? 0) })
        cache.graphInBase = true
        self.cache = cache
    }

    init(from reader: inout ByteReader) throws(ByteReader.Malformed) {
        let id = UInt64(bitPattern: Int64(try reader.int()))
        var cache = PageCache(key: try reader.string(), following: nil)
        cache.graph = try reader.optional()
        // Read as in the base already: no pass over the entries to mark them.
        cache.entries = try PageCache.readEntries(from: &reader, inBase: true)
        cache.base = PageCache.Base(
            id: id, paths: Array(cache.entries.keys),
            size: cache.entries.values.reduce(0) { $0 + ($1.saved?.bytes.count ?? 0) })
        cache.graphInBase = true
        self.cache = cache
    }

    func write(to writer: inout ByteWriter) {
        writer.write(Int(Int64(bitPattern: cache.base?.id ?? 0)))
        writer.write(cache.key)
        writer.write(cache.graph)
        // In the table's order: each entry holds its own path, and the file's random id makes
        // its bytes differ from save to save anyway.
        let entries = cache.entries.map { ($0.key, $0.value) }
        // Room for them all, their lengths and the file's checksum at once: grown by doubling,
        // the 18 MB of 10,000 pages were copied again and again into fresh memory.
        let entryBytes = entries.reduce(0) { $0 + ($1.1.saved?.bytes.count ?? 0) + Self.maximumLengthBytes }
        writer.reserveCapacity(writer.bytes.count + entryBytes + 2 * Self.maximumLengthBytes)
        PageCache.write(entries, to: &writer)
    }
}

/// The `pages-recent` file: what differs from the `pages` with `baseID`.
private struct RecentFile: ByteCodable {
    var baseID: UInt64
    var key: String
    /// The graph record, when it is not the one `pages` holds.
    var graph: GraphRecord??
    var changed: [(path: String, entry: PageCache.Entry)]
    var removed: [String]

    init(changesOf cache: PageCache) {
        baseID = cache.base?.id ?? 0
        key = cache.key
        graph = cache.graphInBase ? nil : .some(cache.graph)
        var changed: [(path: String, entry: PageCache.Entry)] = []
        var keptFromBase = 0
        for (path, entry) in cache.entries {
            if entry.saved?.inBase == true {
                keptFromBase += 1
            } else {
                changed.append((path, entry))
            }
        }
        self.changed = changed.sorted { $0.path < $1.path }
        // Each entry from the base stands for one of its paths: when all are there, none is gone.
        let basePaths = cache.base?.paths ?? []
        removed = keptFromBase == basePaths.count ? [] : basePaths.filter { cache.entries[$0] == nil }.sorted()
    }

    /// The bytes of the changed entries, weighed against the base's.
    var size: Int {
        changed.reduce(0) { $0 + ($1.entry.saved?.bytes.count ?? 0) }
    }

    func apply(to cache: inout PageCache) {
        cache.key = key
        if let graph { cache.graph = graph }
        for path in removed { cache.entries[path] = nil }
        for (path, entry) in changed { cache.entries[path] = entry }
    }

    init(from reader: inout ByteReader) throws(ByteReader.Malformed) {
        baseID = UInt64(bitPattern: Int64(try reader.int()))
        key = try reader.string()
        graph = try reader.bool() ? .some(try reader.optional()) : nil
        changed = try PageCache.readEntries(from: &reader, inBase: false).map { ($0.key, $0.value) }
        removed = try reader.strings()
    }

    func write(to writer: inout ByteWriter) {
        writer.write(Int(Int64(bitPattern: baseID)))
        writer.write(key)
        writer.write(graph != nil)
        if let graph { writer.write(graph) }
        PageCache.write(changed, to: &writer)
        writer.write(removed)
    }
}
