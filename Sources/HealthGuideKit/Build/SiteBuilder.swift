import Foundation

/// Runs the pipeline: load → parse → link → check → render → write. Nothing is written
/// unless every earlier stage succeeded, so a typo never produces half a site.
public struct SiteBuilder: Sendable {
    public let options: BuildOptions

    public init(options: BuildOptions) {
        self.options = options
    }

    /// Loads, links and checks the site without writing anything (`healthguide check`).
    public func check() -> BuildResult {
        let started = Date()
        let log = DiagnosticLog()
        guard let site = prepare(log: log) else {
            return finish(BuildResult(status: .configurationError, diagnostics: log.all), started: started)
        }
        var result = BuildResult(status: status(of: log), diagnostics: log.all)
        result.graph = site.graph
        result.articles = ArticleRecord.all(in: site.graph, config: site.content.config)
        return finish(result, started: started)
    }

    /// Builds the site into the output folder.
    public func build() -> BuildResult {
        let started = Date()
        let log = DiagnosticLog()
        let guardian = OutputFolderGuard(output: options.outputDirectory, content: options.contentDirectory,
                                         templates: options.templatesDirectory)
        if let problem = guardian.problem() {
            log.add(Diagnostic(file: DisplayPaths().display(options.outputDirectory.path), location: nil,
                               severity: .error, message: problem, rule: "unsafe-output"))
            return finish(BuildResult(status: .configurationError, diagnostics: log.all), started: started)
        }
        let outputRoot = OutputFolderGuard.resolved(options.outputDirectory.path)
        let previous = BuildManifest.load(from: outputRoot)
        let inputs = InputStamps.read(folders: [options.contentDirectory.path, options.templatesDirectory.path],
                                      options: [String(options.includeDrafts), options.baseURL ?? "", options.today.iso])
        if !options.clean, previous.inputs == inputs, previous.allFilesExist(in: outputRoot) {
            log.add(contentsOf: previous.diagnostics)
            var result = BuildResult(status: status(of: log), diagnostics: log.all)
            result.unchanged = previous.files.count
            result.searchIndexBytes = Self.size(of: outputRoot + "/" + SearchIndex.fileName)
            return finish(result, started: started)
        }
        guard let site = prepare(log: log) else {
            return finish(BuildResult(status: .configurationError, diagnostics: log.all), started: started)
        }
        guard let templates = TemplateSet.load(from: options.templatesDirectory, log: log) else {
            return finish(BuildResult(status: .configurationError, diagnostics: log.all), started: started)
        }
        var result = BuildResult(status: status(of: log), diagnostics: log.all)
        result.graph = site.graph
        guard result.status == .success else { return finish(result, started: started) }

        let writer = OutputWriter(root: outputRoot, previous: previous, reusesPrevious: !options.clean)
        do {
            try writer.prepare()
        } catch {
            log.add(Diagnostic(file: DisplayPaths().display(outputRoot), location: nil, severity: .error,
                               message: "cannot write to the output folder: \(error.localizedDescription)", rule: "write-failed"))
            return finish(BuildResult(status: .configurationError, diagnostics: log.all), started: started)
        }
        let renderer = SiteRenderer(site: site, templates: templates,
                                    assets: AssetCatalog(templatesDirectory: options.templatesDirectory), writer: writer)
        let rendering = renderer.renderAll()
        log.add(contentsOf: writer.errors)
        result.diagnostics = log.all
        if writer.errors.isEmpty {
            result.removed = writer.removeStale()
            do {
                try writer.saveManifest(inputs: inputs, diagnostics: log.all)
            } catch {
                log.add(Diagnostic(file: DisplayPaths().display(outputRoot), location: nil, severity: .error,
                                   message: "could not save the build manifest", rule: "write-failed"))
            }
        }
        result.diagnostics = log.all
        result.status = status(of: log)
        result.written = writer.written
        result.writtenFiles = writer.writtenFiles
        result.unchanged = writer.unchanged
        result.rendered = rendering.rendered
        result.searchIndexBytes = rendering.searchIndexBytes
        return finish(result, started: started)
    }

    /// Load, parse, link and check.
    private func prepare(log: DiagnosticLog) -> LinkedSite? {
        let loader = ContentLoader(contentDirectory: options.contentDirectory, includeDrafts: options.includeDrafts)
        guard var content = loader.load(log: log) else { return nil }
        if log.all.contains(where: { $0.severity == .error && Self.configurationRules.contains($0.rule) && $0.file.hasSuffix("site.yml") }) {
            return nil
        }
        if let baseURL = options.baseURL {
            content.config.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
        }
        let site = LinkedSite(content: content, log: log)
        let context = CheckContext(graph: site.graph, config: content.config, glossary: content.glossary, today: options.today)
        log.add(contentsOf: RuleEngine().run(context))
        return site
    }

    /// Errors in `site.yml` that leave nothing sensible to build.
    private static let configurationRules: Set<String> = ["yaml-syntax", "missing-field", "wrong-type", "unknown-field", "invalid-value"]

    private func status(of log: DiagnosticLog) -> BuildStatus {
        let diagnostics = log.all
        if diagnostics.contains(where: { $0.severity == .error }) { return .contentErrors }
        if options.strict, diagnostics.contains(where: { $0.severity == .warning }) { return .contentErrors }
        return .success
    }

    private static func size(of path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int) ?? 0
    }

    private func finish(_ result: BuildResult, started: Date) -> BuildResult {
        var result = result
        result.seconds = Date().timeIntervalSince(started)
        return result
    }
}
