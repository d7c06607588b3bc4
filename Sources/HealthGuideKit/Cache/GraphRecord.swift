import HealthGuideBase
import HealthGuideLinks

/// What the page cache keeps of a site graph, for the next build's `KnownGraph`: its shape, its
/// pages' paths, the rest of its shape, and the structure made from that shape.
struct GraphRecord: Sendable {
    var shape: String
    /// The content paths of its pages, in order.
    var pagePaths: [String]
    /// `SiteShape.extras` of its media files, drafts and failed files.
    var extras: String
    var structure: SiteGraph.Structure

    init(shape: String, pagePaths: [String], extras: String, structure: SiteGraph.Structure) {
        self.shape = shape
        self.pagePaths = pagePaths
        self.extras = extras
        self.structure = structure
    }

    init(of graph: SiteGraph) {
        self.init(shape: graph.shape, pagePaths: graph.pages.map(\.source.path), extras: graph.extras, structure: graph.structure)
    }
}

/// The byte form; fields are written and read in the same order, and a change here must bump
/// `PageCache.formatVersion`.
extension GraphRecord: ByteCodable {
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
        let folderArticles = try reader.list(named)
        let tags = try reader.list(named)
        let folderPages = try reader.list { reader throws(ByteReader.Malformed) in (try reader.string(), try index(&reader)) }
        let subfolders = try reader.list { reader throws(ByteReader.Malformed) in (try reader.string(), try reader.strings()) }
        let folders = try reader.strings()
        let homePage = try optionalIndex(&reader)
        let titleOrder = try indexes(&reader)
        guard backlinks.count == count, related.count == count, previous.count == count, next.count == count,
            titleOrder.count == count
        else { throw ByteReader.Malformed() }
        structure = SiteGraph.Structure(
            backlinks: backlinks, related: related, previous: previous, next: next,
            articlesByFolder: Dictionary(folderArticles, uniquingKeysWith: { first, _ in first }),
            subfolders: Dictionary(subfolders, uniquingKeysWith: { first, _ in first }), folders: folders,
            tags: tags.map { (tag: $0.0, articles: $0.1) },
            folderPages: Dictionary(folderPages, uniquingKeysWith: { first, _ in first }),
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
        for named in [structure.articlesByFolder.sorted { $0.key < $1.key }, structure.tags.map { ($0.tag, $0.articles) }] {
            writer.write(named.count)
            for (name, list) in named {
                writer.write(name)
                writer.write(list)
            }
        }
        let folderPages = structure.folderPages.sorted { $0.key < $1.key }
        writer.write(folderPages.count)
        for (name, index) in folderPages {
            writer.write(name)
            writer.write(index)
        }
        let subfolders = structure.subfolders.sorted { $0.key < $1.key }
        writer.write(subfolders.count)
        for (name, topics) in subfolders {
            writer.write(name)
            writer.write(topics)
        }
        writer.write(structure.folders)
        writer.write(structure.homePage)
        writer.write(structure.titleOrder)
    }
}
