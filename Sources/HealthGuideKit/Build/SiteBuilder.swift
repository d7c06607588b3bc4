import Foundation
import HealthGuideBase
import HealthGuideChecks
import HealthGuideContent
import HealthGuideLinks
import HealthGuideMarkdown
import HealthGuideOutput
import HealthGuideRender

/// Runs the pipeline: load → parse → link → check → render → write. Nothing is written
/// unless every earlier stage succeeded, so a typo never produces half a site.
public struct SiteBuilder: Sendable {
    public let options: BuildOptions
    /// Kept between builds in one process; nil means "read the last build's state from disk".
    public let memory: BuildMemory?
    /// The output folder's lock when the caller holds it across builds (the preview); nil
    /// when each build takes it for itself.
    public let lock: OutputLock?
    /// Told when another build is writing the output folder and this one waits for it.
    public let waiting: @Sendable (String) -> Void

    public init(
        options: BuildOptions, memory: BuildMemory? = nil, lock: OutputLock? = nil,
        waiting: @escaping @Sendable (String) -> Void = { _ in }
    ) {
        self.options = options
        self.memory = memory
        self.lock = lock
        self.waiting = waiting
    }

    /// Loads, links and checks the site without writing anything (`healthguide check`).
    public func check() -> BuildResult {
        let started = Date()
        let log = DiagnosticLog()
        var timings = BuildTimings()
        guard
            let prepared = prepare(
                log: log, stamps: nil, loadCache: { nil }, makesRecords: true, rendersBodies: false,
                timings: &timings)
        else {
            return finish(BuildResult(status: .configurationError, diagnostics: log.all), started: started)
        }
        var result = BuildResult(status: status(of: log), diagnostics: log.all)
        result.graph = prepared.site.graph
        result.linksResolved = prepared.site.resolvedPages.count
        result.structureIsNew = prepared.site.structureIsNew
        result.prepared = prepared.preparedCount
        result.articles = prepared.records.sorted { $0.path < $1.path }
        result.translations = TranslationRecord.records(of: prepared.site.graph)
        return finish(result, started: started)
    }

    /// Builds the site into the output folder.
    public func build() -> BuildResult {
        build { $0 }
    }

    /// Builds the site and hands the result to `end` while the build's working state (pages,
    /// page cache, manifests, templates) is still alive. A program that exits in `end` leaves
    /// that memory to the system: freeing it object by object took 10 to 20 ms of a build
    /// after one edit at 10,000 pages, and a tenth of a second after a full build.
    public func build<Ending>(ending end: (BuildResult) -> Ending) -> Ending {
        let started = Date()
        let log = DiagnosticLog()
        // The lock is held until the build returns: the last build's state is read under it too.
        if let lock {
            return withExtendedLifetime(lock) { buildLocked(log: log, started: started, ending: end) }
        }
        do {
            let lock = try OutputLock.claim(options, as: .build, waiting: waiting)
            return withExtendedLifetime(lock) { buildLocked(log: log, started: started, ending: end) }
        } catch {
            return end(refused(error, log: log, started: started))
        }
    }

    /// The result of a build that will not write into its output folder, and why.
    private func refused(_ refusal: OutputRefusal, log: DiagnosticLog, started: Date) -> BuildResult {
        log.add(refusal.diagnostic)
        var result = BuildResult(status: .configurationError, diagnostics: log.all)
        result.refusal = refusal.reason
        return finish(result, started: started)
    }

    /// `build()` once the output folder is checked and locked.
    private func buildLocked<Ending>(log: DiagnosticLog, started: Date, ending end: (BuildResult) -> Ending) -> Ending {
        let outputRoot = OutputFolderGuard.resolved(options.outputDirectory.path)
        var timings = BuildTimings()
        let remembered = memory?.last
        let options = options
        // Stamping 10,000 inputs takes longer than reading the manifest, so the core that reads
        // the manifest then reads the page cache's files too: off the path of a build after an
        // edit, and wasted, on a core that would wait anyway, when nothing changed.
        let ((previous, storedCache), inputs) = inParallel(
            {
                (
                    remembered?.manifest ?? BuildManifest.load(from: outputRoot),
                    options.clean || remembered?.pages != nil ? nil : PageCache.StoredFiles.read(from: outputRoot)
                )
            },
            {
                InputStamps.read(
                    folders: [options.contentDirectory.path, options.templatesDirectory.path],
                    options: [String(options.includeDrafts), options.baseURL?.text ?? "", options.today.iso])
            })
        timings.finish("input stamps and the last build's state")
        // A builder that remembers needs one real build to remember, shortcut or not.
        let mustRemember = memory != nil && remembered?.live == nil
        if !options.clean, !mustRemember, previous.inputs == inputs, previous.allFilesExist(in: outputRoot) {
            log.add(contentsOf: previous.diagnostics)
            var result = BuildResult(status: status(of: log), diagnostics: log.all)
            result.unchanged = previous.files.count
            result.searchIndexBytes = FileSystem.size(of: outputRoot + "/" + SearchIndex.fileName) ?? 0
            timings.finish("every output file found in place")
            result.timings = timings
            return end(finish(result, started: started))
        }
        let loadCache: @Sendable () -> PageCache? = {
            options.clean ? nil : remembered?.pages ?? storedCache.flatMap(PageCache.decode)
        }
        guard
            var prepared = prepare(
                log: log, stamps: inputs, loadCache: loadCache, makesRecords: false, rendersBodies: true,
                timings: &timings)
        else {
            return end(finish(BuildResult(status: .configurationError, diagnostics: log.all), started: started))
        }
        let site = prepared.site
        guard let templates = TemplateSet.load(from: options.templatesDirectory, languages: site.content.config.languageCodes, log: log)
        else {
            return end(finish(BuildResult(status: .configurationError, diagnostics: log.all), started: started))
        }
        timings.finish("templates")
        var result = BuildResult(status: status(of: log), diagnostics: log.all)
        result.graph = site.graph
        result.linksResolved = site.resolvedPages.count
        result.structureIsNew = site.structureIsNew
        result.prepared = prepared.preparedCount
        result.timings = timings
        guard result.status == .success else { return end(finish(result, started: started)) }

        let writer = OutputWriter(root: outputRoot, previous: previous, reusesPrevious: !options.clean)
        do {
            try writer.prepare()
        } catch let refusal as OutputRefusal {
            return end(refused(refusal, log: log, started: started))
        } catch {
            log.add(
                Diagnostic(
                    file: SourcePaths.standardized(outputRoot), location: nil, severity: .error,
                    message: "cannot write to the output folder: \(error.localizedDescription)", rule: .writeFailed))
            return end(finish(BuildResult(status: .configurationError, diagnostics: log.all), started: started))
        }
        let assets = AssetCatalog(templatesDirectory: options.templatesDirectory)
        let siteKey = SiteRenderer.siteKey(site: site, templates: templates, assets: assets)
        let renderer = SiteRenderer(
            site: site, templates: templates, assets: assets, writer: writer, siteKey: siteKey,
            bodies: prepared.bodies)
        // The page cache depends on the prepared pages alone, so it is saved on another thread
        // while the pages render on this one: after a full build of 10,000 articles it is
        // 18 MB. (Rendered on a worker of the shared pool instead, the render's own waits for
        // the pool starved it for a second.) A page found changed during the build removes
        // the cache again below.
        let cacheSaving = CacheSaving(taking: &prepared.cache, changed: prepared.cacheChanged)
        let (_, rendering) = inParallel(
            { cacheSaving.save(in: outputRoot, temporaryFolder: writer.temporaryFolder) },
            { renderer.renderAll() })
        prepared.cache = cacheSaving.cache
        timings.finish("pages rendered and written, page cache saved")
        if writer.errors.isEmpty {
            result.removed = writer.removeStale()
        }
        log.add(contentsOf: writer.errors)
        result.diagnostics = log.all
        var manifestSaved = false
        if writer.errors.isEmpty {
            // Stamps of files changed a moment ago cannot vouch for them (see `InputStamps`).
            if cacheSaving.saved, let manifest = try? writer.saveManifest(inputs: inputs.allSettled ? inputs : nil, diagnostics: log.all) {
                let live = LiveBuild(
                    site: site, templates: templates, assets: assets, siteKey: siteKey, diagnostics: log.all, inputs: inputs)
                memory?.remember(manifest: manifest, pages: prepared.cache, live: live)
                manifestSaved = true
            } else {
                log.add(
                    Diagnostic(
                        file: SourcePaths.standardized(outputRoot), location: nil, severity: .error,
                        message: "could not save the build manifest", rule: .writeFailed))
            }
        }
        if !manifestSaved {
            // The folder now differs from every manifest but the one on disk.
            memory?.forget()
        }
        if writer.inputChangedDuringBuild {
            // A cached page no longer matched its file although the stamp did (a file rewritten
            // with its size and time put back): no entry of the cache can be trusted now.
            PageCache.remove(from: outputRoot)
        }
        result.diagnostics = log.all
        result.status = status(of: log)
        result.written = writer.written
        result.writtenFiles = writer.writtenFiles
        result.unchanged = writer.unchanged
        result.rendered = rendering.rendered
        result.searchIndexBytes = rendering.searchIndexBytes
        timings.finish("old files removed, manifest saved")
        result.timings = timings
        return withExtendedLifetime((previous, inputs, prepared, templates, writer, renderer)) { end(finish(result, started: started)) }
    }

    /// What `prepare` makes: the linked site, the page cache for the next build, and the
    /// article records when asked for.
    private struct Preparation {
        var site: LinkedSite
        var cache: PageCache
        /// False when every page came from the cache, which then need not be saved again.
        var cacheChanged: Bool
        /// How many files were prepared rather than taken from the cache.
        var preparedCount: Int
        var records: [ArticleRecord]
        /// By page index of the graph: the bodies rendered while preparing, nil for pages from the cache.
        var bodies: [PrerenderedBody?]
    }

    /// Load, prepare each page (or take it from the cache), link, and run the site rules.
    /// The cache is read while the content folder is walked.
    private func prepare(
        log: DiagnosticLog, stamps: InputStamps?, loadCache: @Sendable () -> PageCache?,
        makesRecords: Bool, rendersBodies: Bool, timings: inout BuildTimings
    ) -> Preparation? {
        let loader = ContentLoader(contentDirectory: options.contentDirectory)
        var (loaded, cache) = inParallel({ loader.load(log: log) }, loadCache)
        timings.finish("content folder listed, page cache read")
        guard var content = loaded else { return nil }
        if let baseURL = options.baseURL {
            content.config.baseURL = baseURL.text
        }
        let media = MediaFiles(content.staticFiles)
        let preparer = PagePreparer(
            content: content, media: media, reader: loader.fileReader, options: options,
            makesRecords: makesRecords, rendersBodies: rendersBodies)
        // Everything besides the file that decides how it is prepared. A changed block or value
        // has every page prepared again; only those that take it in are rendered again.
        let key = [stamps?.options ?? "", content.configHash, content.glossaryHash, content.blocks.fingerprint].joined(separator: "\u{1}")
        // Taken, not copied: the next cache takes over its table of entries below, and a second
        // holder would make the first change to it copy all 10,000.
        var reusable = cache.take().flatMap { $0.key == key ? $0 : nil }
        let contentRoot = options.contentDirectory.path + "/"
        let prepared = content.markdownFiles.parallelMap { [reusable] file -> (PreparedPage, PrerenderedBody?, FileStamp?, reused: Bool) in
            let stamp = stamps?.files[contentRoot + file.path]
            if let page = reusable?.page(at: file.path, stamp: stamp) { return (page, nil, stamp, true) }
            let (page, body) = preparer.prepare(file)
            return (page, body, stamp, false)
        }
        timings.finish("pages read, parsed and checked")
        let site = LinkedSite(
            content: content, media: media, prepared: prepared.map(\.0), includeDrafts: options.includeDrafts,
            known: reusable?.knownGraph(), fileReader: loader.fileReader, log: log)
        let reusableCount = reusable?.entries.count
        // Unchanged files keep their entries as they are: the table is moved, not rebuilt.
        var next = PageCache(key: key, following: reusable)
        next.entries = reusable.take()?.entries ?? [:]
        var added = false
        var filesWithEntries = 0
        // By index, not by element: copying 10,000 prepared pages out of the array to skip
        // them cost more than the rest of this loop.
        for index in prepared.indices {
            guard !prepared[index].reused else {
                filesWithEntries += 1
                continue
            }
            let (file, page, stamp) = (content.markdownFiles[index], prepared[index].0, prepared[index].2)
            defer { if next.entries[file.path] != nil { filesWithEntries += 1 } }
            if let stamp, let stamps, stamps.isSettled(stamp), page.page != nil {
                next.entries[file.path] = PageCache.Entry(stamp: stamp, prepared: page)
                added = true
            } else if stamps != nil, page.page != nil {
                // A file saved a moment ago: its stamp cannot vouch for it, so it is read again
                // next time, but its page is still the version the graph kept below was made
                // from, which the next graph compares its shape with (`KnownGraph`). Keeping
                // the older page instead let a title changed and changed back pass for the
                // kept graph's shape, and pages listing that title were not rendered again.
                next.entries[file.path] = PageCache.Entry(stamp: .unsettled, prepared: page)
                added = true
            }
        }
        if next.entries.count > filesWithEntries {
            // Some files are gone.
            let paths = Set(content.markdownFiles.map(\.path))
            next.entries = next.entries.filter { paths.contains($0.key) }
        }
        let preparedCount = prepared.filter { !$0.reused }.count
        let graphChanged = next.keepGraph(of: site)
        let changed = reusableCount == nil || added || graphChanged || next.entries.count != reusableCount
        log.add(contentsOf: site.relocated(RuleEngine.standard.run(site: CheckContext(graph: site.graph, config: content.config))))
        timings.finish("pages linked, site checked")
        return Preparation(
            site: site, cache: next, cacheChanged: changed, preparedCount: preparedCount,
            records: prepared.compactMap(\.0.record), bodies: Self.bodies(of: site.graph.pages, from: prepared))
    }

    /// The bodies of the graph's pages, which are the prepared pages in order less those left out.
    private static func bodies(of pages: [Page], from prepared: [(PreparedPage, PrerenderedBody?, FileStamp?, reused: Bool)])
        -> [PrerenderedBody?]
    {
        var bodies: [PrerenderedBody?] = []
        bodies.reserveCapacity(pages.count)
        for index in prepared.indices where bodies.count < pages.count && prepared[index].0.page === pages[bodies.count] {
            bodies.append(prepared[index].1)
        }
        return bodies
    }

    public func status(of log: DiagnosticLog) -> BuildStatus {
        let diagnostics = log.all
        // Templates that nest without end, or a link in the output folder, are found only while
        // pages are written; they are a bad setup all the same.
        if diagnostics.contains(where: { $0.severity == .error && $0.rule.isSetupProblem }) { return .configurationError }
        if diagnostics.contains(where: { $0.severity == .error }) { return .contentErrors }
        if options.strict, diagnostics.contains(where: { $0.severity == .warning }) { return .contentErrors }
        return .success
    }

    public func finish(_ result: BuildResult, started: Date) -> BuildResult {
        var result = result
        result.seconds = Date().timeIntervalSince(started)
        return result
    }
}

/// The page cache, saved on another thread while the pages render. It holds the only copy
/// meanwhile: saving marks every entry with its bytes, and a second holder of the entries
/// would make that copy all 10,000 of them first.
private final class CacheSaving: @unchecked Sendable {
    // Read by the builder only after `save` has returned on the other thread.
    private(set) var cache: PageCache
    private(set) var saved = true
    private let changed: Bool

    init(taking cache: inout PageCache, changed: Bool) {
        self.cache = cache
        cache = PageCache(key: "", following: nil)
        self.changed = changed
    }

    /// Saves the cache if it changed; `saved` tells whether that worked.
    func save(in output: String, temporaryFolder: String) {
        guard changed else { return }
        do { try cache.save(in: output, temporaryFolder: temporaryFolder) } catch { saved = false }
    }
}
