import Foundation
import HealthGuideBase
import HealthGuideChecks
import HealthGuideContent
import HealthGuideLinks
import HealthGuideMarkdown
import HealthGuideOutput

extension SiteBuilder {
    /// The preview server's rebuild after a save of `changed` files (absolute paths, as the
    /// watcher reports them).
    ///
    /// When every changed file is a page of the last good build and its new version keeps the
    /// site's shape (`SiteShape`: same title, summary, tags, heading ids, links…), nothing but
    /// those pages can have changed: they alone are read, checked, linked and rendered, with
    /// the last build's graph, templates and findings kept in `memory`, and the search index,
    /// sitemap and feed are brought up to date. Anything else (a new or deleted file, a
    /// template, the settings, a changed title, an error) is a full incremental `build()`.
    /// The quick path trusts the watcher to name every changed file.
    public func rebuild(changed: Set<String>) -> BuildResult {
        quickRebuild(changed: changed) ?? build()
    }

    /// Writes the manifest kept in memory when quick rebuilds left the one on disk pending, so
    /// the next build trusts the output again instead of rewriting all of it. The preview
    /// server calls this as it stops, after its last rebuild.
    public func saveMemory() {
        guard let memory, case let (manifest?, _, live?) = memory.last, live.diskManifestIsPending else { return }
        let output = OutputFolderGuard.resolved(options.outputDirectory.path)
        try? manifest.save(in: output, through: output + "/" + BuildManifest.folder + "/manifest.saving")
    }

    private func quickRebuild(changed: Set<String>) -> BuildResult? {
        let started = Date()
        guard !options.clean, let memory, case let (manifest?, _, live?) = memory.last,
            let replacements = preparedReplacements(for: changed, in: live)
        else { return nil }

        let (site, linkDiagnostics, searchChanged) = live.site.replacing(replacements)
        let log = DiagnosticLog()
        let changedFiles = Set(replacements.values.compactMap { $0.page?.source.displayPath })
        let siteRules = RuleEngine.standard.siteRuleIDs
        log.add(
            contentsOf: live.diagnostics.filter {
                !changedFiles.contains($0.file) && !siteRules.contains($0.rule) && !changedFiles.contains(where: $0.isInBlock(placedBy:))
            })
        for prepared in replacements.values { log.add(contentsOf: prepared.diagnostics) }
        log.add(contentsOf: linkDiagnostics)
        log.add(contentsOf: site.relocated(RuleEngine.standard.run(site: CheckContext(graph: site.graph, config: site.content.config))))
        var result = BuildResult(status: status(of: log), diagnostics: log.all)
        result.graph = site.graph
        result.prepared = replacements.count
        result.isQuick = true
        guard result.status == .success else {
            // The next build must find this page's problems again, even if this file is not saved.
            memory.forgetLiveBuild()
            return finish(result, started: started)
        }

        let writer = OutputWriter(root: OutputFolderGuard.resolved(options.outputDirectory.path), previous: manifest)
        guard (try? writer.prepare(markingPending: !live.diskManifestIsPending)) != nil else { return nil }
        let renderer = SiteRenderer(site: site, templates: live.templates, assets: live.assets, writer: writer, siteKey: live.siteKey)
        let reviewDatesChanged = replacements.contains { index, prepared in
            prepared.page?.source.frontMatter.reviewed != live.site.graph.pages[index].source.frontMatter.reviewed
        }
        // A translation shows whether its source moved on: it is rendered again with it.
        let languages = site.content.config.languages.map(\.code)
        let pages = Set(replacements.keys.flatMap { index in [index] + site.graph.versions(of: index, languages: languages).map(\.page) })
        let rendering = renderer.render(
            pages: pages.sorted(),
            effects: .init(searchEntries: searchChanged, reviewDates: reviewDatesChanged))
        guard writer.errors.isEmpty else {
            memory.forget()
            log.add(contentsOf: writer.errors)
            result.diagnostics = log.all
            result.status = status(of: log)
            return finish(result, started: started)
        }
        var updated = manifest
        updated.files.merge(writer.manifest.files) { _, new in new }
        // The stamps no longer describe the files; the next full build stamps them again.
        updated.inputs = nil
        updated.diagnostics = log.all
        var next = live
        next.site = site
        next.diagnostics = log.all
        next.diskManifestIsPending = true
        memory.remember(manifest: updated, pages: nil, live: next)

        result.written = writer.written
        result.writtenFiles = writer.writtenFiles
        result.unchanged = updated.files.count - writer.written
        result.rendered = rendering.rendered
        result.searchIndexBytes = rendering.searchIndexBytes
        return finish(result, started: started)
    }

    /// The changed pages prepared afresh, by page index; nil when the quick path does not apply.
    private func preparedReplacements(for changed: Set<String>, in live: LiveBuild) -> [Int: PreparedPage]? {
        let contentRoot = options.contentDirectory.standardizedFileURL.path + "/"
        let graph = live.site.graph
        var files: [Int: ContentFile] = [:]
        for path in changed {
            let relative = path.hasPrefix(contentRoot) ? String(path.dropFirst(contentRoot.count)) : nil
            if let relative, let index = graph.pagesByPath[relative], FileManager.default.fileExists(atPath: path) {
                files[index] = ContentFile(
                    path: relative, kind: graph.pages[index].source.kind, language: graph.pages[index].source.language)
            } else if FileManager.default.fileExists(atPath: path) || relative.map({ wasRead($0, by: live) }) ?? true {
                return nil
            }
            // Otherwise the file came and went within the save, as editors' temporary files do.
        }
        guard !files.isEmpty else { return nil }
        let content = live.site.content
        let preparer = PagePreparer(
            content: content, media: graph.media,
            reader: ContentLoader(contentDirectory: options.contentDirectory).fileReader, options: options,
            makesRecords: false, rendersBodies: false)
        var replacements: [Int: PreparedPage] = [:]
        for (index, file) in files {
            let prepared = preparer.prepare(file).page
            guard let page = prepared.page, !prepared.diagnostics.contains(where: { $0.severity == .error }),
                !page.source.frontMatter.draft || options.includeDrafts,
                SiteShape.part(of: page) == SiteShape.part(of: graph.pages[index])
            else { return nil }
            replacements[index] = prepared
        }
        return replacements
    }

    /// True when the last build read the content file at `relative`.
    private func wasRead(_ relative: String, by live: LiveBuild) -> Bool {
        live.inputs.files[options.contentDirectory.path + "/" + relative] != nil
    }
}
