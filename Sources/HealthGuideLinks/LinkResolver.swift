import HealthGuideBase
import HealthGuideContent
import HealthGuideMarkdown

/// Resolves the links of one page against the whole site: internal `.md` links become the
/// target's URL relative to the page, anchors are checked, media must exist (and an image be
/// one a page can show), and every broken link is an error at its own line and column with a
/// did-you-mean.
public struct LinkResolver: Sendable {
    /// Content path → page index.
    public let pagesByPath: [String: Int]
    public let pages: [Page]
    /// The media files copied to the output, with each image's size.
    public let media: MediaFiles
    /// Content paths of drafts left out of this build.
    public let draftPaths: Set<String>
    /// Content paths of Markdown files that failed to become pages, each with its own error.
    public let failedPaths: Set<String>
    /// Did-you-mean for broken links to pages and to media, shared by every page's links.
    private let pageSuggestions: Suggestion
    private let mediaSuggestions: Suggestion
    /// Every folder holding a page, so a link to the `_index.md` of a folder that has none
    /// still reaches its generated landing page. Made at the first such link: most sites have none.
    private let folders: Lazy<Set<String>>

    public init(pagesByPath: [String: Int], pages: [Page], media: MediaFiles, draftPaths: Set<String>, failedPaths: Set<String>) {
        self.pagesByPath = pagesByPath
        self.pages = pages
        self.media = media
        self.draftPaths = draftPaths
        self.failedPaths = failedPaths
        pageSuggestions = Suggestion(candidates: { Array(pagesByPath.keys) })
        mediaSuggestions = Suggestion(candidates: { Array(media.paths) })
        folders = Lazy {
            var folders = Set<String>()
            // By content path, so a translation's folders are those of its language folder.
            let holding = Set(pages.compactMap { page in page.source.path.lastIndex(of: "/").map { String(page.source.path[..<$0]) } })
            for folder in holding { folders.formUnion(ContentFolder.lineage(of: folder)) }
            return folders
        }
    }

    /// One page's links resolved. It depends on the page's own file and on the site's shape
    /// (`SiteShape`) only, so the page cache keeps it for the next build of the same shape.
    public struct Result: Sendable, Equatable {
        public var destinations: [String?] = []
        /// Indexes of the pages this page links to, ascending, each once. An array, not a set:
        /// the page cache reads one for each of 10,000 pages, and a set is hashed as it is made.
        public var targets: [Int] = []
        public var diagnostics: [Diagnostic] = []
    }

    public func resolve(pageIndex: Int) -> Result {
        let page = pages[pageIndex]
        var result = Result()
        for link in page.facts.links {
            let destination = resolve(link, in: page, pageIndex: pageIndex, result: &result)
            result.destinations.append(destination)
        }
        result.targets = Set(result.targets).sorted()
        return result
    }

    private func resolve(_ link: LinkFact, in page: Page, pageIndex: Int, result: inout Result) -> String? {
        let raw = link.destination
        func fail(_ message: String, rule: RuleID, hint: String? = nil, severity: Severity = .error) {
            result.diagnostics.append(
                Diagnostic(
                    file: page.source.displayPath, location: link.location,
                    severity: severity, message: message, rule: rule, hint: hint))
        }
        if raw.isEmpty {
            fail("empty link target", rule: .brokenLink)
            return nil
        }
        if let scheme = LinkDestination.droppedScheme(of: raw) {
            fail("'\(scheme):' link removed: only web, mail and phone links are allowed", rule: .unsafeLink, severity: .warning)
            return ""
        }
        if LinkDestination.scheme(of: raw) != nil { return nil }
        if raw.hasPrefix("//") { return nil }
        let (pathPart, fragment) = Self.splitFragment(raw)
        if pathPart.isEmpty {
            if let fragment, !page.facts.hasAnchor(fragment) {
                fail(
                    "no heading '#\(fragment)' on this page" + didYouMean(fragment, page.facts.anchors, prefix: "#"),
                    rule: .brokenAnchor)
            }
            return nil
        }
        guard let decoded = pathPart.percentDecoded else {
            fail("malformed %-escape in link '\(raw)'", rule: .brokenLink)
            return nil
        }
        guard var target = SitePath.resolve(decoded, fromFile: page.source.path) else {
            fail("link '\(raw)' points outside the content folder", rule: .linkOutsideContent)
            return nil
        }
        if let language = page.source.language {
            let translated = self.translated(target, rooted: decoded.hasPrefix("/"), language: language)
            target = translated.path
            if translated.untranslated {
                fail(
                    "link '\(raw)' goes to '\(target)', which has no '\(language)' translation yet", rule: .linkToUntranslated,
                    severity: .note)
            }
        }
        if let targetIndex = pagesByPath[target] {
            let target = pages[targetIndex]
            if let fragment, !target.facts.hasAnchor(fragment) {
                fail(
                    "no heading '#\(fragment)' in '\(target.source.path)'"
                        + didYouMean(fragment, target.facts.anchors, prefix: "#"), rule: .brokenAnchor)
            }
            if targetIndex != pageIndex { result.targets.append(targetIndex) }
            return SitePath.relative(from: page.url, to: target.url) + (fragment.map { "#" + $0 } ?? "")
        }
        if let folder = Self.landingFolder(of: target), folders.value.contains(folder) {
            if let fragment {
                fail("no heading '#\(fragment)' in '\(target)': the page is made from the folder's lists", rule: .brokenAnchor)
            }
            return SitePath.relative(from: page.url, to: folder + "/")
        }
        if media.paths.contains(target) {
            if link.isImage, let problem = imageProblem(target) {
                fail("image '\(raw)' cannot be shown: \(problem)", rule: .brokenImage)
            }
            return SitePath.relative(from: page.url, to: target) + (fragment.map { "#" + $0 } ?? "")
        }
        let rule: RuleID = link.isImage ? .brokenImage : .brokenLink
        let what = link.isImage ? "image" : "link"
        // The file is there but has an error of its own, which fails the build already: one
        // error for it, not one more for every link to it.
        if failedPaths.contains(target) { return nil }
        if draftPaths.contains(target) {
            fail(
                "\(what) '\(raw)' points to a draft, which is left out of this build", rule: rule,
                hint: "publish the draft, or build with --drafts to preview it")
            return nil
        }
        let suggestions = link.isImage ? mediaSuggestions : pageSuggestions
        let suggestion =
            suggestions.closest(to: target).map {
                " (did you mean '\(SitePath.reference(to: $0, fromFile: page.source.path, rooted: decoded.hasPrefix("/")))'?)"
            } ?? ""
        if !link.isImage, !target.hasSuffix(".md"), suggestion.isEmpty, pagesByPath[target + ".md"] == nil {
            fail("broken \(what) '\(raw)': link to an article's .md file, or to a file in images/", rule: rule)
        } else {
            fail("broken \(what) '\(raw)'\(suggestion)", rule: rule)
        }
        return nil
    }

    /// `living-well/eating-well/_index.md` → `living-well/eating-well`; nil for any other path.
    private static func landingFolder(of target: String) -> String? {
        let name = "/_index.md"
        return target.hasSuffix(name) ? String(target.dropLast(name.count)) : nil
    }

    /// Where a translation's link goes. Its language folder mirrors the content folder, so
    /// `../causes/a.md` from `es/stretches/b.md` is `es/causes/a.md`, and a rooted
    /// `/causes/a.md` starts at `es/`. A page with no translation yet is its source page
    /// (`untranslated`); media files are shared by every language.
    private func translated(_ target: String, rooted: Bool, language: String) -> (path: String, untranslated: Bool) {
        let prefix = language + "/"
        let inFolder = rooted ? prefix + target : target
        if pagesByPath[inFolder] != nil || media.paths.contains(inFolder) { return (inFolder, false) }
        guard inFolder.hasPrefix(prefix) else { return (target, false) }
        let source = String(inFolder.dropFirst(prefix.count))
        if pagesByPath[source] != nil { return (source, true) }
        if media.paths.contains(source) { return (source, false) }
        return (target, false)
    }

    /// Why the media file at `target` is no image a page can show, if it is not.
    private func imageProblem(_ target: String) -> String? {
        switch media.images[target] {
        case .size?: return nil
        case let .unreadable(reason)?: return reason
        case nil: return "not an image (pages show .svg, .png, .jpg, .webp and .gif files)"
        }
    }

    private func didYouMean(_ word: String, _ candidates: [String], prefix: String) -> String {
        Suggestion.closest(to: word, in: candidates).map { " (did you mean '\(prefix)\($0)'?)" } ?? ""
    }

    public static func splitFragment(_ destination: String) -> (path: String, fragment: String?) {
        // Searched as bytes: '#' is ASCII, and a search by Character walks grapheme clusters.
        guard let hash = destination.utf8.firstIndex(of: UInt8(ascii: "#")) else { return (destination, nil) }
        let fragment = String(destination[destination.utf8.index(after: hash)...])
        return (String(destination[..<hash]), fragment.isEmpty ? nil : (fragment.percentDecoded ?? fragment))
    }
}
