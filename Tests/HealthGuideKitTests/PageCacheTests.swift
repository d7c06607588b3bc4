import Foundation
import HealthGuideTestSupport
import Testing

@testable import HealthGuideBase
@testable import HealthGuideChecks
@testable import HealthGuideContent
@testable import HealthGuideKit
@testable import HealthGuideLinks
@testable import HealthGuideMarkdown
@testable import HealthGuideOutput
@testable import HealthGuideRender
@testable import Mustache

/// The page cache keeps each unchanged file's page, facts, findings and search entry between
/// builds. These tests count the files prepared again and compare with clean builds.
@Suite("Page cache")
struct PageCacheTests {
    static let markdownFiles = 4

    @Test("after one body edit only that file is read and checked again, and warnings of the others are repeated")
    func oneEditOneFile() throws {
        let files = Fixture.smallSiteWithLongSentence()
        let site = try TestSite(files)
        try site.settle()
        let first = site.build()
        #expect(first.prepared == Self.markdownFiles)
        let warnings = first.diagnostics.filter { $0.rule == .longSentence }
        try #require(warnings.count == 1)

        try site.edit("stretches/knee-to-chest.md", replacing: "Lie on your back.", with: "Lie flat on your back.")
        let second = site.build()
        #expect(second.prepared == 1)
        #expect(second.diagnostics.filter { $0.rule == .longSentence } == warnings)
        #expect(site.page("stretches/knee-to-chest/index.html")?.contains("Lie flat on your back.") == true)
    }

    @Test("a cache saved after one edit, unchanged entries copied as read, equals the cache a clean build writes")
    func copiedEntriesEqualFreshOnes() throws {
        let site = try TestSite(Fixture.smallSite())
        try site.edit("stretches/knee-to-chest.md", replacing: "Lie on your back.", with: "Lie flat on your back.")
        try site.settle()
        #expect(site.build().status == .success)
        try site.editSettled("causes/muscle-strain.md", replacing: "A strain hurts.", with: "A strain aches.")
        let incremental = site.build()
        #expect(incremental.prepared == 1)
        let afterEdit = try #require(PageCache.load(from: site.output.path))

        #expect(site.build(clean: true).prepared == Self.markdownFiles)
        let fresh = try #require(PageCache.load(from: site.output.path))
        #expect(Self.contents(of: afterEdit) == Self.contents(of: fresh))
        #expect(afterEdit.entries.count == Self.markdownFiles)
    }

    @Test("after one edit of a larger site only the recent changes are written; read with the whole cache they equal a clean build's")
    func recentChangesBesideTheWholeCache() throws {
        let site = try Self.builtLargerSite()
        let wholeCache = try Self.wholeCache(of: site)
        #expect(!site.exists(".healthguide/pages-recent"))

        try site.editSettled("causes/extra-3.md", replacing: "Rest for a day.", with: "Rest for two days.")
        #expect(site.build().prepared == 1)
        #expect(try Self.wholeCache(of: site) == wholeCache)
        #expect(site.exists(".healthguide/pages-recent"))
        let incremental = try #require(PageCache.load(from: site.output.path))
        #expect(
            incremental.entries["causes/extra-3.md"]?.prepared.searchEntry.map { String(decoding: $0.json, as: UTF8.self).contains("days") }
                == true)

        site.build(clean: true)
        #expect(Self.contents(of: incremental) == Self.contents(of: try #require(PageCache.load(from: site.output.path))))
        #expect(!site.exists(".healthguide/pages-recent"))
    }

    @Test("recent changes grown past an eighth of the whole cache are folded into it")
    func recentChangesAreFolded() throws {
        let site = try Self.builtLargerSite()
        let wholeCache = try Self.wholeCache(of: site)
        var folded = false
        for number in 0..<Self.extraArticles where !folded {
            try site.editSettled("causes/extra-\(number).md", replacing: "Rest for a day.", with: "Rest for two days.")
            #expect(site.build().prepared == 1)
            folded = try Self.wholeCache(of: site) != wholeCache
        }
        #expect(folded)
        #expect(!site.exists(".healthguide/pages-recent"))
        let incremental = try #require(PageCache.load(from: site.output.path))
        site.build(clean: true)
        #expect(Self.contents(of: incremental) == Self.contents(of: try #require(PageCache.load(from: site.output.path))))
    }

    @Test("recent changes left from an older whole cache are ignored, not mixed in")
    func recentChangesOfAnotherCache() throws {
        let site = try Self.builtLargerSite()
        try site.editSettled("causes/extra-3.md", replacing: "Rest for a day.", with: "Rest for two days.")
        site.build()
        let recentPath = PageCache.recentPath(in: site.output.path)
        let stale = try Data(contentsOf: URL(fileURLWithPath: recentPath))

        try site.editSettled("causes/extra-3.md", replacing: "Rest for two days.", with: "Rest for three days.")
        site.build(clean: true)
        let clean = try #require(PageCache.load(from: site.output.path))
        try stale.write(to: URL(fileURLWithPath: recentPath))
        let loaded = try #require(PageCache.load(from: site.output.path))
        #expect(Self.contents(of: loaded) == Self.contents(of: clean))
        #expect(site.build().prepared == 0)
        #expect(site.page("causes/extra-3/index.html")?.contains("Rest for three days.") == true)
    }

    @Test("after a body edit only that page's links are resolved again; the others' findings are repeated, and a new title resolves all")
    func linksKeptWhileTheShapeHolds() throws {
        var files = Fixture.smallSite()
        files["causes/muscle-strain.md"] = try #require(files["causes/muscle-strain.md"]).replacingOccurrences(
            of: "A strain hurts.", with: "A strain hurts. [Run this](javascript:alert(1)).")
        let site = try TestSite(files)
        try site.settle()
        let first = site.build()
        let warning = first.diagnostics.filter { $0.rule == .unsafeLink }
        try #require(warning.count == 1)
        #expect(first.linksResolved == Self.markdownFiles)
        #expect(first.structureIsNew == true)

        try site.edit("stretches/knee-to-chest.md", replacing: "Lie on your back.", with: "Lie flat on your back.")
        let bodyEdit = site.build()
        #expect(bodyEdit.linksResolved == 1)
        #expect(bodyEdit.structureIsNew == false)
        #expect(bodyEdit.diagnostics.filter { $0.rule == .unsafeLink } == warning)
        #expect(try site.differencesFromCleanBuild() == [])

        try site.edit("stretches/knee-to-chest.md", replacing: "title: \"Knee-to-chest stretch\"", with: "title: \"Knee hug\"")
        let titleEdit = site.build()
        #expect(titleEdit.linksResolved == Self.markdownFiles)
        #expect(titleEdit.structureIsNew == true)
        #expect(titleEdit.diagnostics.filter { $0.rule == .unsafeLink } == warning)
        #expect(try site.differencesFromCleanBuild() == [])
    }

    /// A body edit in each fixture: the small site, and the one with topics three folders deep.
    static let bodyEdits: [(files: @Sendable () throws -> [String: String], path: String, old: String, new: String)] = [
        ({ Fixture.smallSite() }, "causes/muscle-strain.md", "A strain hurts.", "A strain aches."),
        ({ try Fixture.folder("nested-site") }, "living-well/staying-active/swimming.md", "gentle classes", "calm classes"),
    ]

    @Test("a graph structure taken from the cache equals the one a clean build works out", arguments: 0..<2)
    func keptStructureEqualsFreshOne(fixture: Int) throws {
        let edit = Self.bodyEdits[fixture]
        let site = try TestSite(try edit.files())
        try site.settle()
        site.build()
        try site.edit(edit.path, replacing: edit.old, with: edit.new)
        let keptBuild = site.build()
        #expect(keptBuild.structureIsNew == false)
        let kept = try #require(keptBuild.graph)
        let freshBuild = site.build(clean: true)
        #expect(freshBuild.structureIsNew == true)
        let fresh = try #require(freshBuild.graph)
        #expect(kept.shape == fresh.shape)
        #expect(kept.backlinks == fresh.backlinks)
        #expect(kept.related == fresh.related)
        #expect(kept.previous == fresh.previous)
        #expect(kept.next == fresh.next)
        #expect(kept.articlesByFolder == fresh.articlesByFolder)
        #expect(kept.subfolders == fresh.subfolders)
        #expect(kept.folders == fresh.folders)
        #expect(kept.tags.map(\.tag) == fresh.tags.map(\.tag))
        #expect(kept.tags.map(\.articles) == fresh.tags.map(\.articles))
        #expect(kept.folderPages == fresh.folderPages)
        #expect(kept.homePage == fresh.homePage)
        #expect(kept.titleOrder == fresh.titleOrder)
        #expect(!fresh.tags.isEmpty && fresh.backlinks.contains { !$0.isEmpty })
    }

    @Test("files too fresh to vouch for are read again, yet the next build still keeps the graph's structure")
    func freshFilesKeepTheStructure() throws {
        let site = try TestSite(Fixture.smallSite())
        #expect(site.build().prepared == Self.markdownFiles)
        try site.edit("causes/muscle-strain.md", replacing: "A strain hurts.", with: "A strain aches.")
        let second = site.build()
        #expect(second.prepared == Self.markdownFiles)
        #expect(second.structureIsNew == false)
        #expect(site.page("causes/muscle-strain/index.html")?.contains("A strain aches.") == true)
        #expect(try site.differencesFromCleanBuild() == [])
    }

    @Test("a kept graph naming a page that is not there reads as no graph, whatever the checksum says")
    func recordIndexesAreChecked() throws {
        let site = try TestSite(Fixture.smallSite())
        let graph = try #require(site.build().graph)
        var record = GraphRecord(of: graph)
        var writer = ByteWriter()
        record.write(to: &writer)
        var reader = ByteReader(writer.bytes[...])
        #expect((try? GraphRecord(from: &reader)) != nil)

        record.structure.backlinks[0] = [graph.pages.count]
        writer = ByteWriter()
        record.write(to: &writer)
        reader = ByteReader(writer.bytes[...])
        #expect((try? GraphRecord(from: &reader)) == nil)
    }

    @Test("a file saved twice within one clock tick, same size and same time, is still read again")
    func sameTickSave() throws {
        let site = try TestSite(Fixture.smallSite())
        let path = site.content.appendingPathComponent("stretches/knee-to-chest.md").path
        try site.edit("stretches/knee-to-chest.md", replacing: "Lie on your back.", with: "Lie on your bed..")
        let modified = try #require(FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date)
        #expect(site.build().status == .success)

        // The second save keeps the size, the inode and (as within one tick) the time.
        try site.edit("stretches/knee-to-chest.md", replacing: "Lie on your bed..", with: "Lie on your mat..")
        try FileManager.default.setAttributes([.modificationDate: modified], ofItemAtPath: path)
        let second = site.build()
        #expect(second.prepared >= 1)
        #expect(site.page("stretches/knee-to-chest/index.html")?.contains("Lie on your mat..") == true)
    }

    @Test(
        "a title changed and changed back, each time built a moment after the save, shows the same on every page as a clean build",
        arguments: [false, true])
    func titleChangedBackBeforeSettling(remembering: Bool) throws {
        let site = try TestSite(Fixture.smallSite())
        try site.settle()
        // As `healthguide build` runs, or as the preview server does, keeping the last build in memory.
        let builder = SiteBuilder(options: site.options, memory: remembering ? BuildMemory() : nil)
        #expect(builder.build().status == .success)
        // Saved a moment before each build: the stamps cannot vouch for the file yet.
        try site.edit("causes/muscle-strain.md", replacing: "title: \"Muscle strain\"", with: "title: \"Pulled muscle\"")
        #expect(builder.build().status == .success)
        #expect(site.page("causes/index.html")?.contains("Pulled muscle") == true)
        try site.edit("causes/muscle-strain.md", replacing: "title: \"Pulled muscle\"", with: "title: \"Muscle strain\"")
        #expect(builder.build().status == .success)
        #expect(site.page("causes/index.html")?.contains("Pulled muscle") == false)
        let incremental = site.snapshot()
        site.build(clean: true)
        #expect(incremental == site.snapshot())
    }

    @Test("a cached page whose file changed under an unchanged stamp is reported when it must be rendered, and the next build recovers")
    func changedUnderSameStamp() throws {
        let site = try TestSite(Fixture.smallSite())
        try site.settle()
        #expect(site.build().status == .success)
        // Same size, same inode, and the old time put back: the stamp cannot tell.
        let path = site.content.appendingPathComponent("causes/muscle-strain.md").path
        let modified = try #require(FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date)
        try site.edit("causes/muscle-strain.md", replacing: "A strain hurts.", with: "A strain aches.")
        try FileManager.default.setAttributes([.modificationDate: modified], ofItemAtPath: path)
        // A new title for a page it links to makes muscle-strain render again, from its file.
        try site.edit("stretches/knee-to-chest.md", replacing: "title: \"Knee-to-chest stretch\"", with: "title: \"Knee hug\"")
        let failed = site.build()
        #expect(failed.status == .contentErrors)
        #expect(
            failed.diagnostics.map(\.description) == [
                "\(SourcePaths.standardized(path)): error: the file changed while the site was being built; build again [changed-during-build]"
            ])
        // No entry of the cache can be trusted after that: it is gone, not kept for the next build.
        #expect(PageCache.load(from: site.output.path) == nil)
        let next = site.build()
        #expect(next.status == .success)
        #expect(site.page("causes/muscle-strain/index.html")?.contains("A strain aches.") == true)
        #expect(try site.differencesFromCleanBuild().isEmpty)
    }

    @Test("a site.yml change prepares every file again, since the rules read it")
    func settingsChange() throws {
        let site = try TestSite(Fixture.smallSite())
        try site.settle()
        site.build()
        try site.edit("site.yml", replacing: "title: \"Test Guide\"", with: "title: \"Test Guide Two\"")
        #expect(site.build().prepared == Self.markdownFiles)
    }

    @Test("a damaged manifest or page cache means a full build, never a crash", arguments: ["manifest", "pages", "pages-recent"])
    func damagedState(file: String) throws {
        let site = try Self.builtLargerSite()
        try site.editSettled("causes/extra-3.md", replacing: "Rest for a day.", with: "Rest for two days.")
        site.build()
        let statePath = site.output.appendingPathComponent(".healthguide/" + file).path
        let original = try #require(FileManager.default.contents(atPath: statePath))
        let reference = site.snapshot()
        // The file cut short, and with one byte flipped, at fifty places each.
        let step = max(1, original.count / 50)
        var damaged = stride(from: 0, to: original.count, by: step).map { Data(original.prefix($0)) }
        for position in stride(from: 0, to: original.count, by: step) {
            var flipped = original
            flipped[position] ^= 0xFF
            damaged.append(flipped)
        }
        for bytes in damaged {
            try bytes.write(to: URL(fileURLWithPath: statePath))
            try site.edit("stretches/knee-to-chest.md", replacing: "Lie on your back.", with: "Lie on your back.")
            let result = site.build()
            #expect(result.status == .success)
            #expect(site.snapshot() == reference)
        }
    }

    @Test("a page cache that cannot be saved fails the build after the pages are written, and the next build saves it")
    func cacheCannotBeSaved() throws {
        let site = try TestSite(Fixture.smallSite())
        try site.settle()
        #expect(site.build().status == .success)
        // A folder where the cache file goes: the new cache cannot be renamed over it.
        let cachePath = site.output.appendingPathComponent(".healthguide/pages").path
        try FileManager.default.removeItem(atPath: cachePath)
        try FileManager.default.createDirectory(atPath: cachePath + "/in-the-way", withIntermediateDirectories: true)
        try site.editSettled("stretches/knee-to-chest.md", replacing: "Lie on your back.", with: "Lie flat on your back.")

        let failed = site.build()
        #expect(failed.status == .contentErrors)
        #expect(
            failed.diagnostics.filter { $0.rule == .writeFailed }.map { "\($0.severity): \($0.message)" }
                == ["error: could not save the build manifest"])
        #expect(site.page("stretches/knee-to-chest/index.html")?.contains("Lie flat on your back.") == true)

        try FileManager.default.removeItem(atPath: cachePath)
        let next = site.build()
        #expect(next.status == .success)
        #expect(PageCache.load(from: site.output.path)?.entries.count == Self.markdownFiles)
        let afterRecovery = site.snapshot()
        site.build(clean: true)
        #expect(site.snapshot() == afterRecovery)
    }

    @Test(
        "a manifest naming a file outside the output folder is not trusted, and that file survives",
        arguments: ["../notes.txt", "causes/../../notes.txt", "./../notes.txt", ".//../notes.txt", "ABSOLUTE"])
    func manifestOutsideOutput(name: String) throws {
        let site = try TestSite(Fixture.smallSite())
        site.build()
        let victim = site.root.appendingPathComponent("notes.txt")
        try Data("keep me".utf8).write(to: victim)
        var manifest = BuildManifest.load(from: site.output.path)
        manifest.files[name == "ABSOLUTE" ? victim.path : name] = BuildManifest.Entry(hash: "", inputs: "", shapeInputs: "")
        try Data(manifest.encoded()).write(to: URL(fileURLWithPath: BuildManifest.path(in: site.output.path)))
        try site.edit("stretches/knee-to-chest.md", replacing: "Lie on your back.", with: "Lie flat on your back.")
        #expect(site.build().status == .success)
        #expect(FileManager.default.fileExists(atPath: victim.path))
    }

    @Test("the cache gives back what preparing the files gives")
    func roundTrip() throws {
        let site = try TestSite(Fixture.smallSite())
        try site.settle()
        let built = site.build()
        let graph = try #require(built.graph)
        let cache = try #require(PageCache.load(from: site.output.path))
        #expect(cache.entries.count == Self.markdownFiles)
        for page in graph.pages {
            let cached = try #require(cache.entries[page.source.path]?.prepared.page)
            var expected = page.source
            expected.body = nil
            #expect(cached.source == expected)
            #expect(cached.facts == page.facts)
            #expect(cached.url == page.url)
        }
    }

    @Test("the preview server's memory stands in for the files on disk")
    func memory() throws {
        let site = try TestSite(Fixture.smallSite())
        try site.settle()
        let builder = SiteBuilder(options: site.options, memory: BuildMemory())
        #expect(builder.build().prepared == Self.markdownFiles)
        try FileManager.default.removeItem(at: site.output.appendingPathComponent(".healthguide/pages"))
        try site.edit("stretches/knee-to-chest.md", replacing: "Lie on your back.", with: "Lie flat on your back.")
        let second = builder.build()
        #expect(second.prepared == 1)
        #expect(second.rendered == 1)
    }

    static let extraArticles = 24

    /// The small site and 24 more articles: large enough that one edit stays in `pages-recent`.
    static func largerSite() -> [String: String] {
        var files = Fixture.smallSite()
        for number in 0..<extraArticles {
            files["causes/extra-\(number).md"] = Fixture.article(
                title: "Extra cause \(number)",
                body: """
                    ## What helps

                    Rest for a day. Then walk a little each morning.
                    """)
        }
        return files
    }

    /// The larger site, settled and built once.
    static func builtLargerSite() throws -> TestSite {
        let site = try TestSite(largerSite())
        try site.settle()
        site.build()
        return site
    }

    /// The bytes of a built site's whole page cache (`pages`).
    static func wholeCache(of site: TestSite) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: PageCache.path(in: site.output.path)))
    }

    /// Everything a cache holds, as bytes, to compare caches however they were saved.
    static func contents(of cache: PageCache) -> [String: [UInt8]] {
        var graph = ByteWriter()
        graph.write(cache.graph)
        var contents = cache.entries.mapValues { Array($0.saved?.bytes ?? []) }
        contents["(key)"] = Array(cache.key.utf8)
        contents["(graph)"] = graph.bytes
        return contents
    }
}
