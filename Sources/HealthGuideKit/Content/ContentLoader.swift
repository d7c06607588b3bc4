import Foundation

/// Everything read from the content folder, before any Markdown is parsed.
public struct LoadedContent: Sendable {
    public var config: SiteConfig
    public var glossary: [GlossaryEntry]
    public var pages: [SourcePage]
    public var staticFiles: [StaticFile]
    /// Content paths of drafts left out of this build, so links to them get a clear message.
    public var draftPaths: Set<String>
    /// Fingerprints of `site.yml` and `glossary.yml`, for the incremental build.
    public var configHash: String
    public var glossaryHash: String
}

/// Walks the content folder, reads `site.yml`, `glossary.yml` and every Markdown file, and
/// validates front matter. Reports every problem; returns nil only when nothing can be built.
public struct ContentLoader: Sendable {
    public let contentDirectory: URL
    public let includeDrafts: Bool
    private let paths: DisplayPaths

    public init(contentDirectory: URL, includeDrafts: Bool = false) {
        self.contentDirectory = contentDirectory.standardizedFileURL
        self.includeDrafts = includeDrafts
        self.paths = DisplayPaths()
    }

    public func load(log: DiagnosticLog) -> LoadedContent? {
        let root = contentDirectory.path
        guard FileSystem.isDirectory(root) else {
            log.add(Diagnostic(file: paths.display(root), location: nil, severity: .error,
                               message: "content folder not found", rule: "missing-content"))
            return nil
        }
        let siteFile = root + "/site.yml"
        guard let siteData = FileManager.default.contents(atPath: siteFile) else {
            log.add(Diagnostic(file: paths.display(siteFile), location: nil, severity: .error,
                               message: "site.yml not found: every site needs one (title, base_url, sections, disclaimer)",
                               rule: "missing-config"))
            return nil
        }
        guard let siteText = decodeText(siteData, file: siteFile, log: log) else { return nil }
        let (loadedConfig, configDiagnostics) = SiteConfigLoader(displayPath: paths.display(siteFile)).load(text: siteText)
        log.add(contentsOf: configDiagnostics)
        guard let config = loadedConfig else { return nil }

        var glossary: [GlossaryEntry] = []
        var glossaryHash = ""
        let glossaryFile = root + "/glossary.yml"
        if let data = FileManager.default.contents(atPath: glossaryFile) {
            glossaryHash = ContentHash.of(data)
            if let text = decodeText(data, file: glossaryFile, log: log) {
                let (entries, diagnostics) = GlossaryLoader(displayPath: paths.display(glossaryFile)).load(text: text)
                glossary = entries
                log.add(contentsOf: diagnostics)
            }
        }

        let walk = ContentWalker(root: root, paths: paths).walk()
        log.add(contentsOf: walk.diagnostics)
        var markdownFiles: [(path: String, kind: PageKind)] = []
        for path in walk.markdownFiles {
            if let kind = classify(path, config: config, log: log) {
                markdownFiles.append((path, kind))
            }
        }
        let results = markdownFiles.parallelMap { file in readPage(path: file.path, kind: file.kind) }
        var pages: [SourcePage] = []
        var draftPaths = Set<String>()
        for (page, diagnostics) in results {
            log.add(contentsOf: diagnostics)
            guard let page else { continue }
            if page.frontMatter.draft && !includeDrafts {
                draftPaths.insert(page.path)
            } else {
                pages.append(page)
            }
        }
        let staticFiles = walk.staticFiles.compactMap { path -> StaticFile? in
            guard let data = FileManager.default.contents(atPath: root + "/" + path) else { return nil }
            return StaticFile(path: path, absolutePath: root + "/" + path, contentHash: ContentHash.of(data))
        }
        return LoadedContent(config: config, glossary: glossary, pages: pages, staticFiles: staticFiles,
                             draftPaths: draftPaths, configHash: ContentHash.of(siteData), glossaryHash: glossaryHash)
    }

    /// Decides what a Markdown file is from where it is.
    private func classify(_ path: String, config: SiteConfig, log: DiagnosticLog) -> PageKind? {
        let parts = path.split(separator: "/").map(String.init)
        let display = paths.display(contentDirectory.path + "/" + path)
        if parts == ["index.md"] { return .home }
        guard parts.count == 2 else {
            let where_ = parts.count == 1 ? "at the top of the content folder" : "in a nested folder"
            log.add(Diagnostic(file: display, location: nil, severity: .error,
                               message: "article \(where_): articles live in <section>/<slug>.md",
                               rule: "misplaced-file"))
            return nil
        }
        let sectionID = parts[0]
        guard config.section(id: sectionID) != nil else {
            let suggestion = Suggestion.closest(to: sectionID, in: config.sections.map(\.id))
            log.add(Diagnostic(file: display, location: nil, severity: .error,
                               message: "unknown section folder '\(sectionID)'" + (suggestion.map { " (did you mean '\($0)'?)" } ?? ""),
                               rule: "unknown-section",
                               hint: "add the section to 'sections' in site.yml, or move the file"))
            return nil
        }
        if parts[1] == "_index.md" { return .section(id: sectionID) }
        let stem = String(parts[1].dropLast(3))
        let slug = stem.lowercased()
        guard Slug.isValid(slug) else {
            log.add(Diagnostic(file: display, location: nil, severity: .error,
                               message: "file name '\(parts[1])' must use letters, digits and hyphens (try '\(Slug.make(from: stem)).md')",
                               rule: "invalid-slug"))
            return nil
        }
        return .article(section: sectionID, slug: slug)
    }

    private func readPage(path: String, kind: PageKind) -> (SourcePage?, [Diagnostic]) {
        let absolute = contentDirectory.path + "/" + path
        let display = paths.display(absolute)
        guard let data = FileManager.default.contents(atPath: absolute) else {
            return (nil, [Diagnostic(file: display, location: nil, severity: .error, message: "could not read file", rule: "unreadable-file")])
        }
        let text: String
        switch TextDecoding.decode(data) {
        case let .success(decoded): text = decoded
        case let .failure(.invalidUTF8(location)):
            return (nil, [Diagnostic(file: display, location: location, severity: .error,
                                     message: "file is not valid UTF-8 text", rule: "invalid-encoding",
                                     hint: "save the file as UTF-8 in your editor")])
        case let .failure(.binary(location)):
            return (nil, [Diagnostic(file: display, location: location, severity: .error,
                                     message: "file holds binary data (a NUL byte), not Markdown text", rule: "invalid-encoding")])
        }
        if case .article = kind, text.trimmingWhitespace.isEmpty {
            return (nil, [Diagnostic(file: display, location: .start, severity: .error,
                                     message: "file is empty: an article needs front matter and a body", rule: "empty-file")])
        }
        let parts: FrontMatterSplitter.Parts
        switch FrontMatterSplitter.split(text) {
        case let .success(split): parts = split
        case .failure(.unterminated):
            return (nil, [Diagnostic(file: display, location: .start, severity: .error,
                                     message: "front matter is not closed: add a '---' line after the last field",
                                     rule: "unterminated-front-matter")])
        }
        var decoder = FrontMatterDecoder(displayPath: display, lineOffset: parts.yamlLineOffset)
        var matter = decoder.decode(yaml: parts.yaml, kind: kind)
        if case let .section(id) = kind, matter.title.isEmpty {
            matter.title = id
        }
        let page = SourcePage(kind: kind, path: path, displayPath: display, body: parts.body,
                              bodyLineOffset: parts.bodyLineOffset, frontMatter: matter,
                              contentHash: ContentHash.of(data))
        // A page with front-matter errors still goes through linking, so one run reports
        // its broken links too; the errors already stop anything being written.
        let unreadable = decoder.reader.diagnostics.contains { $0.rule == "yaml-syntax" }
        return (unreadable ? nil : page, decoder.reader.diagnostics)
    }

    private func decodeText(_ data: Data, file: String, log: DiagnosticLog) -> String? {
        switch TextDecoding.decode(data) {
        case let .success(text): return text
        case let .failure(.invalidUTF8(location)), let .failure(.binary(location)):
            log.add(Diagnostic(file: paths.display(file), location: location, severity: .error,
                               message: "file is not valid UTF-8 text", rule: "invalid-encoding"))
            return nil
        }
    }
}
