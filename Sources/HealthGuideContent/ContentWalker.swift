import Foundation
import HealthGuideBase

/// Lists the files of the content folder (through `InputFolderWalker`, which refuses links out
/// of it) and sorts them into pages, media and settings.
public struct ContentWalker {
    public struct Result {
        public var markdownFiles: [String] = []
        public var staticFiles: [String] = []
        /// Markdown files of the blocks folder: placed into pages, never pages themselves.
        public var blockFiles: [String] = []
        public var diagnostics: [Diagnostic] = []
        /// One error for each folder that could not be listed: its pages are unknown, so
        /// every link into it would be reported broken.
        public var unreadableFolders: [Diagnostic] = []
    }

    /// Top-level files that are settings, not pages.
    public static let settingsFiles: Set<String> = ["site.yml", "glossary.yml"]
    /// Folder copied as-is to the output.
    public static let mediaFolder = "images"

    public let root: String
    /// The folders of the site's other languages, each of which may hold a `glossary.yml`.
    public var languages: Set<String> = []

    public init(root: String, languages: Set<String> = []) {
        self.root = root
        self.languages = languages
    }

    public func walk() -> Result {
        let listing = InputFolderWalker(root: root, boundaryName: "the content folder").walk()
        var result = Result(diagnostics: listing.diagnostics, unreadableFolders: listing.unreadableFolders)
        for relative in listing.files {
            let inMedia = relative.hasPrefix(Self.mediaFolder + "/")
            if inMedia, let problem = Self.problem(withMedia: relative) {
                result.diagnostics.append(
                    Diagnostic(
                        file: SourcePaths.standardized(root + "/" + relative), location: nil, severity: .error,
                        message: problem, rule: .unsafeMedia))
            } else if inMedia {
                result.staticFiles.append(relative)
            } else if relative.hasSuffix(".md"), isBlock(relative) {
                result.blockFiles.append(relative)
            } else if relative.hasSuffix(".md") {
                result.markdownFiles.append(relative)
            } else if !Self.settingsFiles.contains(relative), !isLanguageGlossary(relative) {
                result.diagnostics.append(
                    Diagnostic(
                        file: SourcePaths.standardized(root + "/" + relative), location: nil, severity: .warning,
                        message: "ignored: not a Markdown file (put media in \(Self.mediaFolder)/)", rule: .ignoredFile))
            }
        }
        return result
    }

    /// `_blocks/x.md`, or `es/_blocks/x.md` for a language `es` of the site.
    private func isBlock(_ path: String) -> Bool {
        if path.hasPrefix(BlockLibrary.folder + "/") { return true }
        // Asked of every file: a site in one language has nothing more to look for.
        guard !languages.isEmpty, let slash = path.utf8.firstIndex(of: UInt8(ascii: "/")) else { return false }
        return languages.contains(String(path[..<slash])) && path[path.index(after: slash)...].hasPrefix(BlockLibrary.folder + "/")
    }

    /// `es/glossary.yml`, for a language `es` of the site.
    private func isLanguageGlossary(_ path: String) -> Bool {
        guard path.hasSuffix("/glossary.yml") else { return false }
        return languages.contains(String(path.dropLast("/glossary.yml".count)))
    }

    /// Extensions of files a browser runs as a page or a script when opened from the site.
    /// (SVG images are checked for script elsewhere.)
    public static let runnableExtensions: Set<String> = ["html", "htm", "xhtml", "js", "mjs", "xml"]

    /// Why a file of the media folder is not copied, or nil when it may be.
    private static func problem(withMedia path: String) -> String? {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        let fileExtension = name[name.index(after: dot)...].lowercased()
        if fileExtension == "md" {
            return "Markdown file in \(mediaFolder)/ is not a page and is not copied: move it to a section folder"
        }
        guard runnableExtensions.contains(fileExtension) else { return nil }
        return "a browser would run this .\(fileExtension) file as a page or script, so it is not copied: "
            + "\(mediaFolder)/ is for images and other media"
    }
}
