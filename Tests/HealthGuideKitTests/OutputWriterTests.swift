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

@Suite("Writing output files")
struct OutputWriterTests {
    @Test("makeFolders says whether it made the folder itself, parents and all, or found it there")
    func makeFoldersSaysWhetherItMadeTheFolder() throws {
        let site = try TestSite([:], realTemplates: false)
        let nested = site.root.path + "/a/b/c"
        #expect(try FileSystem.makeFolders(nested))
        #expect(FileSystem.isDirectory(nested))
        #expect(try !FileSystem.makeFolders(nested))
        #expect(try !FileSystem.makeFolders(site.root.path + "/a"))
        #expect(try FileSystem.makeFolders(site.root.path + "/a/d"))
    }

    @Test("a file's modification time is read to the nanosecond, as the input stamps compare it")
    func modificationTimeToTheNanosecond() throws {
        let site = try TestSite(["note.md": "text"], realTemplates: false)
        let path = site.content.path + "/note.md"
        let times = [timespec(tv_sec: 1_700_000_000, tv_nsec: 123_456_789), timespec(tv_sec: 1_700_000_000, tv_nsec: 123_456_789)]
        #expect(utimensat(AT_FDCWD, path, times, 0) == 0)
        var info = stat()
        #expect(stat(path, &info) == 0)
        #expect(FileSystem.modificationTime(of: info) == 1_700_000_000_123_456_789)
        #expect(FileStamp.of(path)?.modified == 1_700_000_000_123_456_789)
    }

    @Test("a file in a new folder is written; one in the way in an existing folder is replaced whole")
    func writesIntoNewFoldersAndOverFilesInTheWay() throws {
        let site = try TestSite([:], realTemplates: false)
        let root = site.root.path + "/out"
        try FileManager.default.createDirectory(atPath: root + "/kept", withIntermediateDirectories: true)
        try Data("a much longer file left here by hand".utf8).write(to: URL(fileURLWithPath: root + "/kept/index.html"))
        let writer = OutputWriter(root: root, previous: BuildManifest())
        try writer.prepare()
        writer.write("new page", to: "fresh/page/index.html")
        writer.write("replaced", to: "kept/index.html")
        #expect(writer.errors.isEmpty)
        #expect(writer.writtenFiles == ["fresh/page/index.html", "kept/index.html"])
        #expect(try String(contentsOfFile: root + "/fresh/page/index.html", encoding: .utf8) == "new page")
        #expect(try String(contentsOfFile: root + "/kept/index.html", encoding: .utf8) == "replaced")
    }

    @Test("stale files behind a link are neither deleted nor their folders emptied; the link is reported once")
    func staleFilesBehindALinkStay() throws {
        let site = try TestSite([:], realTemplates: false)
        let root = site.root.path + "/out"
        let elsewhere = site.root.path + "/elsewhere"
        try FileManager.default.createDirectory(atPath: elsewhere + "/old", withIntermediateDirectories: true)
        try Data("not yours".utf8).write(to: URL(fileURLWithPath: elsewhere + "/old/index.html"))
        try Data("nor this".utf8).write(to: URL(fileURLWithPath: elsewhere + "/index.html"))
        try FileManager.default.createDirectory(atPath: root + "/gone", withIntermediateDirectories: true)
        try Data("stale".utf8).write(to: URL(fileURLWithPath: root + "/gone/index.html"))
        try FileManager.default.createSymbolicLink(atPath: root + "/section", withDestinationPath: elsewhere)
        let entry = BuildManifest.Entry(hash: "", inputs: "", shapeInputs: "")
        let previous = BuildManifest(files: ["section/old/index.html": entry, "section/index.html": entry, "gone/index.html": entry])
        let writer = OutputWriter(root: root, previous: previous)
        try writer.prepare()

        #expect(writer.removeStale() == 1)
        #expect(
            writer.errors.map(\.description) == [
                "\(SourcePaths.standardized(root + "/section")): error: symbolic link in the output folder (to '\(elsewhere)'): "
                    + "the build does not write or delete through links; remove it and build again [output-link]"
            ])
        #expect(try String(contentsOfFile: elsewhere + "/old/index.html", encoding: .utf8) == "not yours")
        #expect(try String(contentsOfFile: elsewhere + "/index.html", encoding: .utf8) == "nor this")
        #expect(!FileSystem.exists(root + "/gone"), "a stale file of a real folder is removed, and the emptied folder with it")
    }

    @Test("a second output to one path in one build is refused and fails the build; the first stays")
    func twoOutputsToOnePath() throws {
        let site = try TestSite([:], realTemplates: false)
        let root = site.root.path + "/out"
        let writer = OutputWriter(root: root, previous: BuildManifest())
        try writer.prepare()
        writer.write("the section page", to: "tags/index.html")
        writer.write("the topic list", to: "tags/index.html")
        #expect(
            writer.errors.map(\.description) == [
                SourcePaths.standardized(root + "/tags/index.html")
                    + ": error: two outputs of this build would be written to this file [path-collision]"
            ])
        #expect(try String(contentsOfFile: root + "/tags/index.html", encoding: .utf8) == "the section page")
    }
}
