import Foundation
import HealthGuideLinks
import HealthGuideOutput

/// The prepared pages of the last build, kept in `<output>/.healthguide/`, each with the stamp
/// of the file it was made from. A build takes an unchanged file's page, facts, findings and
/// search entry from here instead of reading, parsing and checking it again: after one edit,
/// one file is prepared. It also keeps the last site graph's record (`KnownGraph`), so a build
/// of the same shape resolves only the changed pages' links and takes the structure.
///
/// Everything that decides how a file is prepared besides the file itself (the program, the
/// settings, the glossary, the day) is the cache's `key`; a build with another key starts afresh.
///
/// On disk the cache is two files: `pages`, the whole cache as some build wrote it, and
/// `pages-recent`, what later builds changed since (see `PageCacheFiles`). After one edit a
/// build writes the few kilobytes of the second, not the 18 MB of 10,000 pages again.
public struct PageCache: Sendable {
    public struct Entry: Sendable {
        public var stamp: FileStamp
        public var prepared: PreparedPage
        /// The page's links as the last build resolved them, valid while the site keeps `shape`.
        public var links: LinkResolver.Result?
        /// The entry's bytes as a cache file holds them, while the entry is unchanged since it
        /// was read or saved: encoding the 10,000 others again after one edit cost about as
        /// much as decoding them.
        public var saved: SavedBytes?
        /// The page's facts as a cache file holds them, for an entry read from one: an entry
        /// whose links changed is written again without encoding its facts again.
        public var encodedFacts: ArraySlice<UInt8>?

        public init(
            stamp: FileStamp, prepared: PreparedPage, links: LinkResolver.Result? = nil, saved: SavedBytes? = nil,
            encodedFacts: ArraySlice<UInt8>? = nil
        ) {
            self.stamp = stamp
            self.prepared = prepared
            self.links = links
            self.saved = saved
            self.encodedFacts = encodedFacts
        }
    }

    public struct SavedBytes: Sendable {
        public var bytes: ArraySlice<UInt8>
        /// True when `pages` itself holds these bytes, so `pages-recent` need not repeat them.
        public var inBase: Bool
    }

    /// What the `pages` file on disk holds, to write only what differs from it.
    public struct Base: Sendable {
        /// Chosen at random each time `pages` is written; `pages-recent` names the one it follows.
        public var id: UInt64
        public var paths: [String]
        /// The bytes of its entries, against which `pages-recent` is weighed.
        public var size: Int
    }

    public var key: String
    /// The graph of the build that saved the cache, whose shape its entries' links hold for.
    var graph: GraphRecord? {
        didSet { graphInBase = false }
    }
    /// By path inside the content folder.
    public var entries: [String: Entry]
    /// The `pages` file this cache was read from or last saved as; nil before the first save.
    public var base: Base?
    /// True while `graph` is the one `pages` holds.
    public var graphInBase = false

    /// An empty cache with `key`, to be filled from `previous`, the cache read for this build.
    public init(key: String, following previous: PageCache?) {
        self.key = key
        entries = [:]
        graph = previous?.graph
        base = previous?.base
        graphInBase = previous?.graphInBase ?? false
    }

    /// What the last build knew of the site graph, for a graph of the same shape to take.
    func knownGraph() -> KnownGraph? {
        guard let graph else { return nil }
        return KnownGraph(record: graph) { path in
            guard let entry = entries[path], let page = entry.prepared.page else { return nil }
            return (page, entry.links)
        }
    }

    /// Records `graph` and each page's links as it resolved them. Returns whether anything
    /// changed. An entry whose links changed is encoded afresh. Only the pages whose links the
    /// graph resolved are looked at: the others' links are the ones their entries hold.
    mutating func keepGraph(of site: LinkedSite) -> Bool {
        let graph = site.graph
        var changed = self.graph?.shape != graph.shape
        if changed || site.structureIsNew { self.graph = GraphRecord(of: graph) }
        for index in site.resolvedPages {
            let page = graph.pages[index]
            guard var entry = entries[page.source.path] else { continue }
            // Links belong to the version of the page they were resolved for: an entry holding
            // any other version takes none.
            let links = entry.prepared.page === page ? graph.links[index] : nil
            guard entry.links != links else { continue }
            entry.links = links
            entry.saved = nil
            entries[page.source.path] = entry
            changed = true
        }
        return changed
    }

    /// The page prepared from the file at `path` when it had `stamp`, if that is what it still has.
    public func page(at path: String, stamp: FileStamp?) -> PreparedPage? {
        guard let stamp, let entry = entries[path], entry.stamp == stamp else { return nil }
        return entry.prepared
    }
}
