import Foundation
import HealthGuideBase

/// A shared block: Markdown written once in `Content/_blocks/<name>.md` and placed into pages
/// by name, such as the list of emergency signs that several pages show. A translation's
/// pages place the block of the same name in their language folder (`Content/es/_blocks/`)
/// when there is one.
public struct Block: Sendable, Hashable {
    public var name: String
    /// The language of a block in a language folder; nil for the default language's.
    public var language: String?
    /// Path inside the content folder: `_blocks/emergency-signs.md`; links in the block start here.
    public var path: String
    /// As diagnostics name it: `Content/_blocks/emergency-signs.md`.
    public var displayPath: String
    public var text: String
    public var contentHash: String
}

/// The blocks of a site, by name: the one place a page's `<!-- block: name -->` is looked up.
public struct BlockLibrary: Sendable {
    /// The folder of the content folder that holds blocks; it makes no pages.
    public static let folder = "_blocks"

    /// By name, a language's as `es:name`.
    private let blocks: [String: Block]
    /// The language whose blocks come first: the library as that language's pages see it.
    private let language: String?
    /// Made when a name is not found, from every name the library's pages can place.
    private let suggestion: Suggestion

    public init(_ blocks: [Block], language: String? = nil) {
        self.blocks = Dictionary(blocks.map { (Self.key($0.name, $0.language), $0) }, uniquingKeysWith: { first, _ in first })
        self.language = language
        let names = Set(blocks.filter { $0.language == nil || $0.language == language }.map(\.name)).sorted()
        suggestion = Suggestion(candidates: { names })
    }

    private static func key(_ name: String, _ language: String?) -> String {
        language.map { $0 + ":" + name } ?? name
    }

    /// The library as the pages of `language` see it: its own blocks first, then the default's.
    public func inLanguage(_ language: String?) -> BlockLibrary {
        language == self.language ? self : BlockLibrary(Array(blocks.values), language: language)
    }

    public func block(named name: String) -> Block? {
        language.flatMap { blocks[Self.key(name, $0)] } ?? blocks[name]
    }

    /// The known name nearest to a misspelt one.
    public func suggestion(for name: String) -> String? {
        suggestion.closest(to: name)
    }

    /// Fingerprint of every block, for the page cache: a page that places a block is prepared
    /// again when any block changes.
    public var fingerprint: String {
        ContentHash.of(parts: blocks.keys.sorted().map { $0 + "=" + (blocks[$0]?.contentHash ?? "") })
    }

    /// Reads the block files the walker found (paths inside the content folder, `_blocks/…` or
    /// `<language>/_blocks/…`). A file in a folder inside a blocks folder, or one whose name is
    /// no slug, is an error and no block.
    public static func load(_ paths: [String], root: String, maxBytes: Int, log: DiagnosticLog) -> BlockLibrary {
        let prefix = SourcePaths.prefix(forFilesIn: root)
        var blocks: [Block] = []
        for path in paths.sorted() {
            let display = prefix + path
            let language = path.hasPrefix(folder + "/") ? nil : path.split(separator: "/").first.map(String.init)
            let fileName = String(path.dropFirst((language.map { $0.count + 1 } ?? 0) + folder.count + 1))
            let name = String(fileName.dropLast(3))
            if fileName.contains("/") {
                log.add(
                    Diagnostic(
                        file: display, location: nil, severity: .error,
                        message: "block in a nested folder: blocks live in \(folder)/<name>.md", rule: .misplacedFile))
                continue
            }
            if let problem = Slug.problem(with: name, suffix: ".md") {
                log.add(
                    Diagnostic(
                        file: display, location: nil, severity: .error, message: "file name '\(Slug.quoted(fileName))' \(problem)",
                        rule: .invalidSlug))
                continue
            }
            let data: Data
            switch FileSystem.contents(of: root + "/" + path, atMost: maxBytes) {
            case let .contents(contents): data = contents
            case .tooLarge:
                log.add(
                    Diagnostic(
                        file: display, location: .start, severity: .error,
                        message: "block is larger than the \(maxBytes / 1024) KB a page may be", rule: .inputTooLarge))
                continue
            case .unreadable:
                log.add(Diagnostic(file: display, location: nil, severity: .error, message: "could not read file", rule: .unreadableFile))
                continue
            }
            let text: String
            switch TextDecoding.decode(data) {
            case let .success(decoded): text = decoded
            case let .failure(.invalidUTF8(location)), let .failure(.binary(location)):
                log.add(
                    Diagnostic(
                        file: display, location: location, severity: .error, message: "file is not valid UTF-8 text",
                        rule: .invalidEncoding))
                continue
            }
            blocks.append(
                Block(name: name, language: language, path: path, displayPath: display, text: text, contentHash: ContentHash.of(data)))
        }
        return BlockLibrary(blocks)
    }
}
