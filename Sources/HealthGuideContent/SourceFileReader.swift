import Foundation
import HealthGuideBase

/// Reads one Markdown file of the content folder: decodes the text, splits off and validates
/// the front matter, and hashes the file.
public struct SourceFileReader: Sendable {
    public let contentDirectory: String
    /// What a file's path inside the content folder is named after (see `SourcePaths`).
    private let displayPrefix: String

    public init(contentDirectory: String) {
        self.contentDirectory = contentDirectory
        displayPrefix = SourcePaths.prefix(forFilesIn: contentDirectory)
    }

    /// The page in the file at `path`, unless the file is larger than `maxBytes`: such a file
    /// is not read at all, so a huge one costs nothing but the error.
    /// `hashingBody` fills in the page's `bodyHash`, which only a site with translations reads:
    /// hashing every body again cost a site in one language a few per cent of a full build.
    public func read(
        path: String, kind: PageKind, language: String? = nil, maxBytes: Int, hashingBody: Bool = false
    ) -> (SourcePage?, [Diagnostic]) {
        let absolute = contentDirectory + "/" + path
        let display = displayPrefix + path
        let data: Data
        switch FileSystem.contents(of: absolute, atMost: maxBytes) {
        case let .contents(contents): data = contents
        case let .tooLarge(size):
            return (
                nil,
                [
                    Diagnostic(
                        file: display, location: .start, severity: .error,
                        message: "file is \(Self.kilobytes(size)) KB, more than the \(Self.kilobytes(maxBytes)) KB a page may be",
                        rule: .inputTooLarge, hint: "split it into several articles, or raise limits.file_kb in site.yml")
                ]
            )
        case .unreadable:
            return (
                nil, [Diagnostic(file: display, location: nil, severity: .error, message: "could not read file", rule: .unreadableFile)]
            )
        }
        let text: String
        switch TextDecoding.decode(data) {
        case let .success(decoded): text = decoded
        case let .failure(.invalidUTF8(location)):
            return (
                nil,
                [
                    Diagnostic(
                        file: display, location: location, severity: .error,
                        message: "file is not valid UTF-8 text", rule: .invalidEncoding,
                        hint: "save the file as UTF-8 in your editor")
                ]
            )
        case let .failure(.binary(location)):
            return (
                nil,
                [
                    Diagnostic(
                        file: display, location: location, severity: .error,
                        message: "file holds binary data (a NUL byte), not Markdown text", rule: .invalidEncoding)
                ]
            )
        }
        if case .article = kind, text.isBlank {
            return (
                nil,
                [
                    Diagnostic(
                        file: display, location: .start, severity: .error,
                        message: "file is empty: an article needs front matter and a body", rule: .emptyFile)
                ]
            )
        }
        let parts: FrontMatterSplitter.Parts
        switch FrontMatterSplitter.split(text) {
        case let .success(split): parts = split
        case .failure(.unterminated):
            return (
                nil,
                [
                    Diagnostic(
                        file: display, location: .start, severity: .error,
                        message: "front matter is not closed: add a '---' line after the last field",
                        rule: .unterminatedFrontMatter)
                ]
            )
        }
        var decoder = FrontMatterDecoder(displayPath: display, lineOffset: parts.yamlLineOffset)
        var matter = decoder.decode(yaml: parts.yaml, kind: kind, isTranslation: language != nil)
        // A landing page may leave its title to its folder (see `FolderNames`).
        if case let .section(folder) = kind, matter.title.isEmpty {
            matter.title = ContentFolder.readableName(of: folder)
        }
        let page = SourcePage(
            kind: kind, language: language, path: path, displayPath: display, body: parts.body,
            bodyLineOffset: parts.bodyLineOffset, frontMatter: matter,
            contentHash: ContentHash.of(data), bodyHash: hashingBody ? SourcePage.bodyHash(of: parts.body) : "")
        // A page with front-matter errors still goes through linking, so one run reports
        // its broken links too; the errors already stop anything being written.
        let unreadable = decoder.reader.diagnostics.contains { $0.rule == .yamlSyntax }
        return (unreadable ? nil : page, decoder.reader.diagnostics)
    }

    private static func kilobytes(_ bytes: Int) -> Int { (bytes + 1023) / 1024 }

    /// The body of a page restored from the page cache, read again for rendering; nil when
    /// the file no longer holds what the cache described. Its front matter was checked when
    /// it was cached, so only the split is done again.
    public func body(of page: SourcePage) -> String? {
        guard let data = FileManager.default.contents(atPath: contentDirectory + "/" + page.path),
            ContentHash.of(data) == page.contentHash,
            case let .success(text) = TextDecoding.decode(data),
            case let .success(parts) = FrontMatterSplitter.split(text)
        else { return nil }
        return parts.body
    }
}
