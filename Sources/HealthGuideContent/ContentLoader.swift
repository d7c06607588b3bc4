import Foundation
import HealthGuideBase

/// A Markdown file of the content folder: where it is, and so what page it makes.
public struct ContentFile: Sendable, Hashable {
    /// Path inside the content folder with `/` separators: `causes/muscle-strain.md`.
    public var path: String
    public var kind: PageKind
    /// The translation's language, for a file in a language folder (`es/causes/x.md`).
    public var language: String?

    public init(path: String, kind: PageKind, language: String? = nil) {
        self.path = path
        self.kind = kind
        self.language = language
    }
}

/// The content folder's settings and files, before any page is read.
public struct LoadedContent: Sendable {
    public var config: SiteConfig
    public var glossary: [GlossaryEntry]
    /// The glossaries of other languages (`Content/es/glossary.yml`), by language code.
    public var translatedGlossaries: [String: [GlossaryEntry]] = [:]
    /// The Markdown files, each with the kind of page its place makes it; not read yet.
    public var markdownFiles: [ContentFile]
    public var staticFiles: [StaticFile]
    /// The shared blocks pages may place (`Content/_blocks/`).
    public var blocks: BlockLibrary
    /// Fingerprints of `site.yml` and `glossary.yml`, for the incremental build.
    public var configHash: String
    public var glossaryHash: String

    /// Fingerprint of the settings every page shows, with values in their texts: `site.yml`
    /// less its `values:`, which reach only the pages that use them (see `SourcePage.fingerprint`).
    /// Worked out once, when the settings are read: it describes them by reflection, which
    /// took a millisecond each time. The base URL a build is given is not in it.
    public let settingsHash: String

    public init(
        config: SiteConfig, glossary: [GlossaryEntry], translatedGlossaries: [String: [GlossaryEntry]] = [:],
        markdownFiles: [ContentFile], staticFiles: [StaticFile], blocks: BlockLibrary, configHash: String, glossaryHash: String
    ) {
        self.config = config
        self.glossary = glossary
        self.translatedGlossaries = translatedGlossaries
        self.markdownFiles = markdownFiles
        self.staticFiles = staticFiles
        self.blocks = blocks
        self.configHash = configHash
        self.glossaryHash = glossaryHash
        var settings = config
        settings.values = [:]
        settings.ruleSeverities = [:]
        let rules = config.ruleSeverities.map { "\($0.key)=\($0.value?.rawValue ?? "off")" }.sorted()
        settingsHash = ContentHash.of(parts: [String(describing: settings)] + rules)
    }

    /// What `[[name]]` stands for in this site's texts.
    public var values: SiteValues { SiteValues(config: config) }

    /// The glossary of `language`'s pages: its own when its folder has one, else the default's.
    public func glossary(for language: String?) -> [GlossaryEntry] {
        language.flatMap { translatedGlossaries[$0] } ?? glossary
    }

    /// True when `language` has a glossary of its own, with its own glossary page.
    public func hasOwnGlossary(_ language: String?) -> Bool {
        language.map { translatedGlossaries[$0] != nil } ?? true
    }
}

/// Walks the content folder, reads `site.yml` and `glossary.yml`, and sorts the files into
/// pages and media. Reports every problem; returns nil only when nothing can be built.
/// The pages themselves are read by `PagePreparer`, one file at a time.
public struct ContentLoader: Sendable {
    public let contentDirectory: URL

    public init(contentDirectory: URL) {
        self.contentDirectory = contentDirectory.standardizedFileURL
    }

    /// Reads the Markdown files this loader found.
    public var fileReader: SourceFileReader {
        SourceFileReader(contentDirectory: contentDirectory.path)
    }

    public func load(log: DiagnosticLog) -> LoadedContent? {
        let root = contentDirectory.path
        guard FileSystem.isDirectory(root) else {
            log.add(
                Diagnostic(
                    file: SourcePaths.standardized(root), location: nil, severity: .error,
                    message: "content folder not found", rule: .missingContent))
            return nil
        }
        let siteFile = root + "/site.yml"
        guard let siteData = FileManager.default.contents(atPath: siteFile) else {
            log.add(
                Diagnostic(
                    file: SourcePaths.standardized(siteFile), location: nil, severity: .error,
                    message: "site.yml not found: every site needs one (title, base_url, sections, disclaimer)",
                    rule: .missingConfig))
            return nil
        }
        guard let siteText = decodeText(siteData, file: siteFile, log: log) else { return nil }
        let (loadedConfig, configDiagnostics) = SiteConfigLoader(displayPath: SourcePaths.standardized(siteFile)).load(text: siteText)
        log.add(contentsOf: configDiagnostics)
        guard let config = loadedConfig,
            !configDiagnostics.contains(where: { $0.severity == .error && SiteConfigLoader.stoppingRules.contains($0.rule) })
        else {
            return nil
        }

        var (glossary, glossaryHash) = loadGlossary(root + "/glossary.yml", log: log) ?? ([], "")
        // Each language's glossary is its own; the hash stays the default's alone when there is none.
        var translatedGlossaries: [String: [GlossaryEntry]] = [:]
        var translatedHashes: [String] = []
        for language in config.languages {
            guard let (entries, hash) = loadGlossary(root + "/" + language.code + "/glossary.yml", log: log) else { continue }
            translatedGlossaries[language.code] = entries
            translatedHashes += [language.code, hash]
        }
        if !translatedHashes.isEmpty { glossaryHash = ContentHash.of(parts: [glossaryHash] + translatedHashes) }

        let walk = ContentWalker(root: root, languages: Set(config.languages.map(\.code))).walk()
        log.add(contentsOf: walk.diagnostics)
        // Without the pages of a folder no link into it can be checked: stop at one error
        // naming the folder rather than one for each link.
        guard walk.unreadableFolders.isEmpty else {
            log.add(contentsOf: walk.unreadableFolders)
            return nil
        }
        let markdownFiles = walk.markdownFiles.compactMap { path -> ContentFile? in
            let language = config.languageFolder(of: path)
            // A translation keeps its source's path inside its language folder.
            let place = language.map { String(path.dropFirst($0.count + 1)) } ?? path
            return classify(place, file: path, config: config, log: log).map { ContentFile(path: path, kind: $0, language: language) }
        }
        let staticFiles = walk.staticFiles.compactMap { path -> StaticFile? in
            guard let data = FileManager.default.contents(atPath: root + "/" + path) else { return nil }
            let file = StaticFile(
                path: path, absolutePath: root + "/" + path, displayPath: SourcePaths.standardized(root + "/" + path),
                contentHash: ContentHash.of(data), image: ImageReading.read(data, path: path))
            if path.lowercased().hasSuffix(".svg") { checkSVG(data, of: file, log: log) }
            return file
        }
        let blocks = BlockLibrary.load(walk.blockFiles, root: root, maxBytes: config.limits.fileBytes, log: log)
        return LoadedContent(
            config: config, glossary: glossary, translatedGlossaries: translatedGlossaries, markdownFiles: markdownFiles,
            staticFiles: staticFiles, blocks: blocks, configHash: ContentHash.of(siteData), glossaryHash: glossaryHash)
    }

    /// The entries of the glossary file at `path` and the file's hash; nil when there is no file.
    private func loadGlossary(_ path: String, log: DiagnosticLog) -> (entries: [GlossaryEntry], hash: String)? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        guard let text = decodeText(data, file: path, log: log) else { return ([], ContentHash.of(data)) }
        let (entries, diagnostics) = GlossaryLoader(displayPath: SourcePaths.standardized(path)).load(text: text)
        log.add(contentsOf: diagnostics)
        return (entries, ContentHash.of(data))
    }

    /// Decides what a Markdown file is from where it is: `index.md` is the home page, any
    /// other file sits in a section folder or in topic folders below it, and `_index.md` is
    /// its folder's landing page. `path` is the file's place in the content folder or, for a
    /// translation, in its language folder; `file` is its path in the content folder.
    private func classify(_ path: String, file: String, config: SiteConfig, log: DiagnosticLog) -> PageKind? {
        let parts = Self.parts(of: path)
        // Made only for a diagnostic: standardising a path costs more than the classifying.
        var display: String { SourcePaths.standardized(contentDirectory.path + "/" + file) }
        func report(_ message: String, rule: RuleID, hint: String? = nil) {
            log.add(Diagnostic(file: display, location: nil, severity: .error, message: message, rule: rule, hint: hint))
        }
        if parts == ["index.md"] { return .home }
        guard parts.count >= 2 else {
            report(
                "article at the top of the content folder: articles live in <section>/<slug>.md or <section>/<topic>/<slug>.md",
                rule: .misplacedFile)
            return nil
        }
        let sectionID = parts[0]
        guard config.section(id: sectionID) != nil else {
            let suggestion = Suggestion.closest(to: sectionID, in: config.sections.map(\.id))
            report(
                "unknown section folder '\(sectionID)'" + (suggestion.map { " (did you mean '\($0)'?)" } ?? ""),
                rule: .unknownSection,
                hint: Self.languageHint(folder: sectionID, depth: parts.count)
                    ?? "add the section to 'sections' in site.yml, or move the file")
            return nil
        }
        let folders = parts.dropLast()
        guard folders.count <= config.limits.folderDepth else {
            report(
                "nested \(folders.count) folders deep: pages sit at most \(config.limits.folderDepth) folders deep",
                rule: .misplacedFile, hint: "move it up a level, or raise 'folder_depth' under 'limits' in site.yml")
            return nil
        }
        for topic in folders.dropFirst() {
            if let problem = Slug.problem(with: topic) {
                report("folder name '\(Slug.quoted(topic))' \(problem)", rule: .invalidSlug)
                return nil
            }
        }
        let name = parts[parts.count - 1]
        // The path less its file name: the walker's paths have no empty parts.
        let folder = String(decoding: path.utf8.dropLast(name.utf8.count + 1), as: UTF8.self)
        if name == "_index.md" { return .section(folder: folder) }
        // The walker passes only names ending in ".md", three bytes after a character boundary.
        let slug = String(decoding: name.utf8.dropLast(3), as: UTF8.self).lowercased()
        if let problem = Slug.problem(with: slug, suffix: ".md") {
            report("file name '\(Slug.quoted(name))' \(problem)", rule: .invalidSlug)
            return nil
        }
        return .article(folder: folder, slug: slug)
    }

    /// For a file under a folder named like a language the site does not list
    /// (`es/causes/a.md`): how to make the folder a language's.
    private static func languageHint(folder: String, depth: Int) -> String? {
        guard depth > 2, ReadabilityFormula.standard(for: folder) != nil else { return nil }
        return "for translations, add '\(folder)' to 'languages' in site.yml"
    }

    /// The parts of a relative path between slashes, empty ones left out. Cut from the bytes
    /// by offset: the generic `split` of the UTF-8 view, and a `String` made of each slice,
    /// cost about 3,000 instructions a file, for each of 10,000 paths.
    private static func parts(of path: String) -> [String] {
        var path = path
        return path.withUTF8 { bytes in
            var parts: [String] = []
            var start = 0
            for end in 0...bytes.count where end == bytes.count || bytes[end] == UInt8(ascii: "/") {
                if end > start { parts.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)) }
                start = end + 1
            }
            return parts
        }
    }

    /// An SVG that could run code or load other files is an error: it is not published.
    private func checkSVG(_ data: Data, of file: StaticFile, log: DiagnosticLog) {
        for problem in SVGSafety.problems(in: [UInt8](data)) {
            log.add(
                Diagnostic(
                    file: file.displayPath, location: problem.location, severity: .error,
                    message: "unsafe SVG: \(problem.message)", rule: .unsafeSVG,
                    hint: "pictures may not hold scripts, event attributes or links to other files"))
        }
    }

    private func decodeText(_ data: Data, file: String, log: DiagnosticLog) -> String? {
        switch TextDecoding.decode(data) {
        case let .success(text): return text
        case let .failure(.invalidUTF8(location)), let .failure(.binary(location)):
            log.add(
                Diagnostic(
                    file: SourcePaths.standardized(file), location: location, severity: .error,
                    message: "file is not valid UTF-8 text", rule: .invalidEncoding))
            return nil
        }
    }
}
