import Foundation
import HealthGuideBase

/// A source the article cites, from front matter `sources:`.
public struct SourceReference: Sendable, Hashable, Codable {
    public var title: String?
    public var publisher: String?
    public var url: String?
    public var year: Int?
    public var location: SourceLocation?
}

/// An entry of front matter `related:`, kept with its position for the broken-link check.
public struct RelatedReference: Sendable, Hashable, Codable {
    public var path: String
    public var location: SourceLocation?
}

/// The validated front matter of one page.
public struct FrontMatter: Sendable, Hashable, Codable {
    public var title: String = ""
    public var summary: String = ""
    public var reviewed: CalendarDate?
    public var reviewer: String?
    public var sources: [SourceReference] = []
    public var tags: [String] = []
    public var related: [RelatedReference] = []
    public var order: Int?
    public var draft = false
    /// A translation's `source_reviewed`: the `reviewed` date of the source it was made from.
    public var sourceReviewed: CalendarDate?
    /// A translation's `source_hash`: the `bodyHash` of the source it was made from.
    public var sourceHash: String?
    /// Where each field is written, for diagnostics raised by later stages.
    public var locations: [String: SourceLocation] = [:]
}

/// What a content file is, which decides its URL and its template. A folder is a content path
/// without a trailing slash: `causes` (a section) or `treatments/medicines` (a topic within it).
public enum PageKind: Sendable, Hashable, Codable {
    case home
    /// A folder's landing page, from its `_index.md`.
    case section(folder: String)
    case article(folder: String, slug: String)

    /// The folder the page belongs to: its own for a landing page, the one it sits in for an article.
    public var folder: String? {
        switch self {
        case .home: return nil
        case let .section(folder): return folder
        case let .article(folder, _): return folder
        }
    }

    /// The top-level section (from `site.yml`) the page is in.
    public var sectionID: String? {
        folder.map { ContentFolder.section(of: $0) }
    }
}

/// Folder paths as the content tree uses them: `treatments/medicines` is a topic of the
/// section `treatments`, one level below it.
public enum ContentFolder {
    /// The top-level section of a folder: `treatments/medicines` → `treatments`.
    public static func section(of folder: String) -> String {
        firstSlash(in: folder).map { String(folder[..<$0]) } ?? folder
    }

    /// The folder holding `folder`, or nil for a section.
    public static func parent(of folder: String) -> String? {
        lastSlash(in: folder).map { String(folder[..<$0]) }
    }

    /// Slashes are found among the bytes: a search by `Character` reads the text as letters
    /// a reader sees, and these run for every page rendered.
    private static func firstSlash(in folder: String) -> String.Index? {
        folder.utf8.firstIndex(of: UInt8(ascii: "/"))
    }

    private static func lastSlash(in folder: String) -> String.Index? {
        folder.utf8.lastIndex(of: UInt8(ascii: "/"))
    }

    /// `treatments/medicines` → [`treatments`, `treatments/medicines`].
    public static func lineage(of folder: String) -> [String] {
        var folders: [String] = []
        var current: String? = folder
        while let each = current {
            folders.append(each)
            current = parent(of: each)
        }
        return folders.reversed()
    }

    /// How many folders deep: 1 for a section.
    public static func depth(of folder: String) -> Int {
        folder.utf8.reduce(1) { $1 == UInt8(ascii: "/") ? $0 + 1 : $0 }
    }

    /// The folder's own name made readable, for a topic without a title of its own:
    /// `living-well` → `Living well`.
    public static func readableName(of folder: String) -> String {
        let name = lastSlash(in: folder).map { String(folder[folder.index(after: $0)...]) } ?? folder
        let words = name.replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }
}

/// One Markdown file after loading: front matter read, body split off, contents hashed.
public struct SourcePage: Sendable, Hashable {
    public var kind: PageKind
    /// The code of a translation's language (`es`), from the language folder it is in; nil
    /// for a page in the site's default language.
    public var language: String?
    /// Path inside the content folder with `/` separators: `causes/muscle-strain.md`,
    /// `es/causes/muscle-strain.md`.
    public var path: String
    /// Path as the user sees it in diagnostics: `Content/causes/muscle-strain.md`.
    public var displayPath: String
    /// The Markdown after the front matter; nil for a page restored from the page cache, and
    /// for one whose body was rendered as it was prepared (`PrerenderedBody`). Either is read
    /// again only if it has to be rendered from its Markdown.
    public var body: String?
    /// File lines before the body, added to Markdown positions to point into the file.
    public var bodyLineOffset: Int
    public var frontMatter: FrontMatter
    /// Fingerprint of the whole file, for the incremental build.
    public var contentHash: String
    /// Where the lines of the body came from, when it places blocks (see `BodyLines`).
    public var bodyLines: [BodyLines] = []
    /// Fingerprint of the blocks and site values the page takes in; empty when it takes none.
    public var includedInputs = ""
    /// Short fingerprint of the Markdown body alone, which a translation records as its
    /// `source_hash` to know when its source's text changed; empty on a site in one language.
    public var bodyHash: String

    /// The short fingerprint of a body, as `bodyHash` and `source_hash` give it.
    public static func bodyHash(of body: String) -> String {
        String(ContentHash.of(Data(body.utf8)).prefix(16))
    }

    public init(
        kind: PageKind, language: String? = nil, path: String, displayPath: String, body: String?, bodyLineOffset: Int,
        frontMatter: FrontMatter, contentHash: String, bodyHash: String = "", bodyLines: [BodyLines] = [],
        includedInputs: String = ""
    ) {
        self.bodyLines = bodyLines
        self.includedInputs = includedInputs
        self.bodyHash = bodyHash
        self.kind = kind
        self.language = language
        self.path = path
        self.displayPath = displayPath
        self.body = body
        self.bodyLineOffset = bodyLineOffset
        self.frontMatter = frontMatter
        self.contentHash = contentHash
    }
}

/// A file copied to the output unchanged (images and other media under `Content/images/`).
public struct StaticFile: Sendable, Hashable {
    /// Path inside the content folder: `images/cat-cow.png`.
    public var path: String
    public var absolutePath: String
    /// Path as the user sees it in diagnostics: `Content/images/cat-cow.png`.
    public var displayPath: String
    public var contentHash: String
    /// The size of an image, or why it cannot be shown; nil for a file without an image's extension.
    public var image: ImageReading?
}
