import HealthGuideBase
import HealthGuideContent

/// The site as a graph: every page with its URL, resolved links, backlinks, related pages,
/// neighbours in its folder, the tree of sections and topics, and tags. Built once per build from the pages' facts; every
/// step is linear in pages plus links (no page compares itself with every other page).
public struct SiteGraph: Sendable {
    /// In content-path order, as the loader lists the files.
    public private(set) var pages: [Page]
    public let sections: [SectionConfig]
    /// Per page, its links resolved: the new destination of each link in document order, the
    /// pages it links to, and its broken links.
    public private(set) var links: [LinkResolver.Result]
    /// `SiteShape` of this site.
    public let shape: String
    /// `SiteShape.extras` of this site: its media files, image sizes, drafts and failed files.
    public let extras: String
    /// Everything made from the shape alone.
    public let structure: Structure
    /// Content path → page index.
    public let pagesByPath: [String: Int]
    /// The media files links may point to, with each image's size.
    public let media: MediaFiles
    /// Content paths of drafts left out of this build, so links to them get a clear message.
    public let draftPaths: Set<String>
    /// Content paths of Markdown files that could not be made into pages (unreadable, bad front
    /// matter…): each has its own error, so links to them are not reported again as broken.
    public let failedPaths: Set<String>

    public static let relatedLimit = 5
    /// How many members of one tag are considered as related candidates; keeps huge tags linear.
    public static let candidatesPerTag = 64

    /// The parts of the graph made from the site's shape alone, by page index: equal shapes
    /// make equal structures, so a caller that kept the structure of a graph of the same shape
    /// may give it instead of having titles sorted and related pages chosen again.
    public struct Structure: Sendable {
        /// Per page, the pages whose bodies link to it (sorted by title).
        public var backlinks: [[Int]]
        /// Per article, at most five related articles: `related:` first, then by shared tags.
        public var related: [[Int]]
        public var previous: [Int?]
        public var next: [Int?]
        /// Folder (`causes`, `treatments/medicines`; a translation's `es:causes`, see
        /// `LanguageScope`) → the articles directly in it, in reading order (`order`, then title).
        public var articlesByFolder: [String: [Int]]
        /// Folder → the topic folders directly in it, in reading order (their `_index.md`'s
        /// `order`, then title); folders without topics are left out.
        public var subfolders: [String: [String]]
        /// Every folder holding a page, at any depth, sorted.
        public var folders: [String]
        /// Tag → its articles, sorted by title; tags sorted.
        public var tags: [(tag: String, articles: [Int])]
        /// Folder → the page index of its `_index.md`, if it has one; `es:` → the home page of a
        /// translation.
        public var folderPages: [String: Int]
        public var homePage: Int?
        /// Every page's index, in title order (trimmed, case-insensitive, then path).
        public var titleOrder: [Int]

        public init(
            backlinks: [[Int]], related: [[Int]], previous: [Int?], next: [Int?], articlesByFolder: [String: [Int]],
            subfolders: [String: [String]], folders: [String], tags: [(tag: String, articles: [Int])], folderPages: [String: Int],
            homePage: Int?, titleOrder: [Int]
        ) {
            self.backlinks = backlinks
            self.related = related
            self.previous = previous
            self.next = next
            self.articlesByFolder = articlesByFolder
            self.subfolders = subfolders
            self.folders = folders
            self.tags = tags
            self.folderPages = folderPages
            self.homePage = homePage
            self.titleOrder = titleOrder
        }
    }

    public var backlinks: [[Int]] { structure.backlinks }
    public var related: [[Int]] { structure.related }
    public var previous: [Int?] { structure.previous }
    public var next: [Int?] { structure.next }
    public var articlesByFolder: [String: [Int]] { structure.articlesByFolder }
    public var subfolders: [String: [String]] { structure.subfolders }
    public var folders: [String] { structure.folders }
    public var tags: [(tag: String, articles: [Int])] { structure.tags }
    public var folderPages: [String: Int] { structure.folderPages }
    public var homePage: Int? { structure.homePage }
    public var titleOrder: [Int] { structure.titleOrder }

    /// The graph of `pages`: every link resolved and the structure worked out.
    public init(
        pages: [Page], sections: [SectionConfig], media: MediaFiles, draftPaths: Set<String>, failedPaths: Set<String> = [],
        log: DiagnosticLog
    ) {
        let index = Index(pages: pages, log: log)
        let extras = SiteShape.extras(media: media, draftPaths: draftPaths, failedPaths: failedPaths)
        let resolver = LinkResolver(
            pagesByPath: index.pagesByPath, pages: pages, media: media, draftPaths: draftPaths,
            failedPaths: failedPaths)
        let links = Array(pages.indices).parallelMap(resolver.resolve)
        // Gathered, then logged at once: one lock, not one for each of 10,000 pages.
        log.add(contentsOf: links.flatMap(\.diagnostics))
        self.init(
            pages: pages, sections: sections, media: media, draftPaths: draftPaths, failedPaths: failedPaths, index: index,
            links: links, shape: SiteShape.fingerprint(pages: pages, extras: extras), extras: extras,
            structure: Self.structure(pages: pages, links: links, index: index, log: log))
    }

    /// A graph from its parts, made by the steps above: the way a caller that keeps some parts
    /// from an earlier graph of the same shape puts one together.
    public init(
        pages: [Page], sections: [SectionConfig], media: MediaFiles, draftPaths: Set<String>, failedPaths: Set<String>,
        index: Index, links: [LinkResolver.Result], shape: String, extras: String, structure: Structure
    ) {
        self.pages = pages
        self.sections = sections
        self.media = media
        self.draftPaths = draftPaths
        self.failedPaths = failedPaths
        pagesByPath = index.pagesByPath
        self.links = links
        self.shape = shape
        self.extras = extras
        self.structure = structure
    }

    /// Pages by content path, and those whose URL an earlier page has (each reported).
    public struct Index: Sendable {
        public let pagesByPath: [String: Int]
        public let duplicated: Set<Int>

        public init(pages: [Page], log: DiagnosticLog) {
            var pagesByPath: [String: Int] = [:]
            var urls: [String: Int] = [:]
            pagesByPath.reserveCapacity(pages.count)
            urls.reserveCapacity(pages.count)
            var duplicated = Set<Int>()
            for (index, page) in pages.enumerated() {
                pagesByPath[page.source.path] = index
                if let other = urls[page.url] {
                    duplicated.insert(index)
                    log.add(
                        Diagnostic(
                            file: page.source.displayPath, location: nil, severity: .error,
                            message: "maps to the same URL '/\(page.url)' as \(pages[other].source.displayPath)",
                            rule: .duplicateURL, hint: "rename one of the files"))
                } else {
                    urls[page.url] = index
                }
            }
            self.pagesByPath = pagesByPath
            self.duplicated = duplicated
        }
    }

    /// Works out the structure of a graph from its pages and resolved links.
    public static func structure(pages: [Page], links: [LinkResolver.Result], index: Index, log: DiagnosticLog) -> Structure {
        let (pagesByPath, duplicated) = (index.pagesByPath, index.duplicated)
        var backlinkSets = [Set<Int>](repeating: [], count: pages.count)
        for (source, result) in links.enumerated() {
            for target in result.targets { backlinkSets[target].insert(source) }
        }
        let order = TitleOrder(pages: pages)
        let backlinks = backlinkSets.map { set in set.sorted(by: order.byTitle) }

        var byFolder: [String: [Int]] = [:]
        var folderPages: [String: Int] = [:]
        var home: Int?
        var byTag: [String: [Int]] = [:]
        for (index, page) in pages.enumerated() where !duplicated.contains(index) {
            // Each language has lists of its own (`LanguageScope`).
            let language = page.source.language
            switch page.source.kind {
            case .home where language == nil: home = index
            case .home: folderPages[LanguageScope.key("", language: language)] = index
            case let .section(folder): folderPages[LanguageScope.key(folder, language: language)] = index
            case let .article(folder, _):
                byFolder[LanguageScope.key(folder, language: language), default: []].append(index)
                for tag in page.source.frontMatter.tags { byTag[LanguageScope.key(tag, language: language), default: []].append(index) }
            }
        }
        for (folder, members) in byFolder {
            byFolder[folder] = members.sorted(by: order.byReadingOrder)
        }
        // A translation's home page is kept with the landing pages, but is no folder.
        let landingFolders = folderPages.keys.filter { !LanguageScope.split($0).key.isEmpty }
        let tree = FolderTree(pages: pages, folders: Set(byFolder.keys).union(landingFolders), landingPages: folderPages)
        let sortedTags = byTag.map { ($0.key, $0.value.sorted(by: order.byTitle)) }.sorted { $0.0 < $1.0 }

        var previous = [Int?](repeating: nil, count: pages.count)
        var next = [Int?](repeating: nil, count: pages.count)
        for members in byFolder.values {
            for (position, index) in members.enumerated() {
                previous[index] = position > 0 ? members[position - 1] : nil
                next[index] = position + 1 < members.count ? members[position + 1] : nil
            }
        }
        let related = relatedPages(
            pages: pages, pagesByPath: pagesByPath, byTag: Dictionary(uniqueKeysWithValues: sortedTags),
            order: order, log: log)
        return Structure(
            backlinks: backlinks, related: related, previous: previous, next: next, articlesByFolder: byFolder,
            subfolders: tree.subfolders, folders: tree.folders, tags: sortedTags, folderPages: folderPages, homePage: home,
            titleOrder: order.sorted)
    }

    /// The graph with some pages replaced by new versions of the same shape (`SiteShape`):
    /// backlinks, related pages, neighbours and lists cannot have changed, so only the new
    /// pages' own links are resolved again. Returns the diagnostics of those links.
    public func replacing(_ replacements: [Int: Page]) -> (graph: SiteGraph, diagnostics: [Diagnostic]) {
        var graph = self
        for (index, page) in replacements { graph.pages[index] = page }
        let resolver = LinkResolver(
            pagesByPath: pagesByPath, pages: graph.pages, media: media, draftPaths: draftPaths,
            failedPaths: failedPaths)
        var diagnostics: [Diagnostic] = []
        for index in replacements.keys {
            let result = resolver.resolve(pageIndex: index)
            graph.links[index] = result
            diagnostics += result.diagnostics
        }
        return (graph, diagnostics)
    }

    private static func relatedPages(
        pages: [Page], pagesByPath: [String: Int], byTag: [String: [Int]], order: TitleOrder, log: DiagnosticLog
    ) -> [[Int]] {
        let suggestions = Suggestion(candidates: { Array(pagesByPath.keys) })
        return Array(pages.indices).parallelMap { index -> [Int] in
            let page = pages[index]
            guard page.isArticle else { return [] }
            var chosen: [Int] = []
            for reference in page.source.frontMatter.related {
                let path = reference.path.hasSuffix(".md") ? reference.path : reference.path + ".md"
                let normalized = path.hasPrefix("/") ? String(path.dropFirst()) : path
                // A translation's related article is its translation where there is one.
                let translated = page.source.language.flatMap { pagesByPath[$0 + "/" + normalized] }
                guard let target = translated ?? pagesByPath[normalized], pages[target].isArticle else {
                    let suggestion =
                        suggestions.closest(to: normalized).map {
                            " (did you mean '\($0.dropLast(3))'?)"
                        } ?? ""
                    log.add(
                        Diagnostic(
                            file: page.source.displayPath, location: reference.location, severity: .error,
                            message: "related article '\(reference.path)' not found\(suggestion)", rule: .brokenLink))
                    continue
                }
                if target != index, !chosen.contains(target) { chosen.append(target) }
            }
            guard chosen.count < relatedLimit else { return Array(chosen.prefix(relatedLimit)) }
            // Each candidate once per tag it shares; sorted, equal candidates sit together.
            var candidates: [Int] = []
            for tag in page.source.frontMatter.tags {
                for candidate in (byTag[LanguageScope.key(tag, language: page.source.language)] ?? []).prefix(candidatesPerTag)
                where candidate != index && !chosen.contains(candidate) {
                    candidates.append(candidate)
                }
            }
            candidates.sort()
            // The best few: most shared tags, then title.
            let wanted = relatedLimit - chosen.count
            var best: [(key: Int, value: Int)] = []
            var start = 0
            while start < candidates.count {
                var end = start + 1
                while end < candidates.count, candidates[end] == candidates[start] { end += 1 }
                let candidate = (key: candidates[start], value: end - start)
                start = end
                let place =
                    best.firstIndex { other in
                        candidate.value != other.value ? candidate.value > other.value : order.byTitle(candidate.key, other.key)
                    } ?? best.count
                if place < wanted {
                    best.insert(candidate, at: place)
                    if best.count > wanted { best.removeLast() }
                }
            }
            return chosen + best.map(\.key)
        }
    }

}

/// Orders pages by title (trimmed and case-insensitive, then path) or by `order` then title. The pages
/// are sorted by title once; every later comparison is of two integers, which keeps the
/// sorts of backlinks, tag lists and related candidates cheap at 10,000 pages.
public struct TitleOrder: Sendable {
    /// The page indexes in title order.
    public let sorted: [Int]
    /// Each page's place in title order.
    private let ranks: [Int]
    private let orders: [Int]

    public init(pages: [Page]) {
        let keys = pages.map(\.titleKey)
        let sorted = pages.indices.sorted { lhs, rhs in
            keys[lhs] != keys[rhs] ? keys[lhs] < keys[rhs] : pages[lhs].source.path < pages[rhs].source.path
        }
        var ranks = [Int](repeating: 0, count: pages.count)
        for (rank, index) in sorted.enumerated() { ranks[index] = rank }
        self.sorted = sorted
        self.ranks = ranks
        orders = pages.map { $0.source.frontMatter.order ?? Int.max }
    }

    public func byTitle(_ lhs: Int, _ rhs: Int) -> Bool {
        ranks[lhs] < ranks[rhs]
    }

    public func byReadingOrder(_ lhs: Int, _ rhs: Int) -> Bool {
        orders[lhs] != orders[rhs] ? orders[lhs] < orders[rhs] : byTitle(lhs, rhs)
    }
}

/// The folders of a site as a tree: every folder that holds a page, with the folders above it,
/// and each folder's topics in reading order.
struct FolderTree {
    let folders: [String]
    let subfolders: [String: [String]]

    /// `folders` are those holding pages; `landingPages` their `_index.md` pages, which give a
    /// topic its place (`order`) and title. A topic without one sorts by its folder's name.
    init(pages: [Page], folders holding: Set<String>, landingPages: [String: Int]) {
        var all = Set<String>()
        for folder in holding { all.formUnion(ContentFolder.lineage(of: folder)) }
        var children: [String: [String]] = [:]
        for folder in all {
            if let parent = ContentFolder.parent(of: folder) { children[parent, default: []].append(folder) }
        }
        func key(_ folder: String) -> (order: Int, title: String) {
            guard let index = landingPages[folder] else { return (Int.max, ContentFolder.readableName(of: folder).lowercased()) }
            let page = pages[index]
            return (page.source.frontMatter.order ?? Int.max, page.titleKey)
        }
        subfolders = children.mapValues { topics in
            topics.map { (folder: $0, key: key($0)) }.sorted { lhs, rhs in
                if lhs.key.order != rhs.key.order { return lhs.key.order < rhs.key.order }
                return lhs.key.title != rhs.key.title ? lhs.key.title < rhs.key.title : lhs.folder < rhs.folder
            }.map(\.folder)
        }
        folders = all.sorted()
    }
}
