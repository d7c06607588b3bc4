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

/// Whose output folder it is: a build waits while another build writes the folder, is refused
/// at once while a preview holds it, and refuses a folder of someone else's files unless forced.
@Suite("Claiming the output folder", .timeLimit(.minutes(2)))
struct OutputFolderClaimTests {
    /// Messages a waiting build printed.
    private final class Messages: @unchecked Sendable {
        private let lock = NSLock()
        private var lines: [String] = []
        func add(_ line: String) { lock.withLock { lines.append(line) } }
        var all: [String] { lock.withLock { lines } }
    }

    @Test("a second build waits for the build that holds the folder, says so, then builds")
    func waitsForAnotherBuild() async throws {
        let site = try TestSite(Fixture.smallSite())
        var held: OutputLock? = try OutputLock.claim(site.options, as: .build, waiting: { _ in })
        let messages = Messages()
        let options = site.options
        let build = Task.detached { SiteBuilder(options: options, waiting: { messages.add($0) }).build() }

        for _ in 0..<200 where messages.all.isEmpty { try await Task.sleep(for: .milliseconds(20)) }
        let name = SourcePaths.standardized(site.output.path)
        #expect(
            messages.all == ["\(name): waiting for another build (healthguide build, process \(getpid())) to finish writing this folder"])
        #expect(!site.exists("index.html"), "nothing is written while the other build holds the folder")
        // Read once more before letting go, so the lock is held until here.
        #expect(held != nil)
        held = nil
        let result = await build.value
        #expect(result.status == .success, "\(result.diagnostics)")
        #expect(site.exists("index.html"))
    }

    @Test("a build is refused at once while a preview holds the folder")
    func refusedWhileAPreviewRuns() throws {
        let site = try TestSite(Fixture.smallSite())
        let preview = try OutputLock.claim(site.options, as: .preview, waiting: { _ in })
        let result = withExtendedLifetime(preview) { site.build() }
        #expect(result.status == .configurationError)
        #expect(
            result.diagnostics.map(\.description) == [
                "\(SourcePaths.standardized(site.output.path)): error: a preview (healthguide serve, process \(getpid())) is writing "
                    + "to this folder: stop it first, or choose another folder with --output [output-in-use]"
            ])
        #expect(result.refusal == .inUse)
        #expect(!site.exists("index.html"))
    }

    @Test("two builds started at once into one folder both succeed, and the folder is a clean build")
    func concurrentBuilds() throws {
        let site = try TestSite(CrashSafetyTests.site(variant: 0))
        let first = try CommandLineRunner.start(["build"], in: site.root)
        let second = try CommandLineRunner.start(["build"], in: site.root)
        first.waitUntilExit()
        second.waitUntilExit()
        #expect(first.terminationStatus == 0)
        #expect(second.terminationStatus == 0)
        #expect(try site.differencesFromCleanBuild() == [])
    }

    @Test("someone else's folder is refused with what is in it, then built into with --force")
    func foreignFolder() throws {
        let site = try TestSite(Fixture.smallSite())
        try FileManager.default.createDirectory(at: site.output.appendingPathComponent("photos"), withIntermediateDirectories: true)
        try Data("my own page".utf8).write(to: site.output.appendingPathComponent("index.html"))
        try Data("keep".utf8).write(to: site.output.appendingPathComponent("photos/cat.jpg"))
        for index in 0..<10 { try Data().write(to: site.output.appendingPathComponent("note-\(index).txt")) }

        let refused = try CommandLineRunner.run(["build"], in: site.root)
        #expect(refused.status == 2)
        #expect(
            refused.standardError == """
                Site: error: the output folder holds files that no build wrote (index.html, note-0.txt, note-1.txt, note-2.txt, \
                note-3.txt, note-4.txt, note-5.txt, note-6.txt, note-7.txt, note-8.txt and 2 more): a build would replace or mix \
                with them; pass --force to build into it anyway, or choose an empty folder [foreign-output]
                error: nothing was built

                """)
        #expect(site.page("index.html") == "my own page")
        #expect(!site.exists(".healthguide"))

        let forced = try CommandLineRunner.run(["build", "--force"], in: site.root)
        #expect(forced.status == 0, "\(forced.standardError)")
        #expect(site.page("index.html")?.contains("<!DOCTYPE html>") == true)
        #expect(site.page("photos/cat.jpg") == "keep")
        // The folder now holds the build's state: the next build needs no --force.
        #expect(try CommandLineRunner.run(["build"], in: site.root).status == 0)
    }

    @Test("an empty or missing output folder needs no --force")
    func emptyFolder() throws {
        let site = try TestSite(Fixture.smallSite())
        #expect(site.build().status == .success)
        let empty = try TestSite(Fixture.smallSite())
        try FileManager.default.createDirectory(at: empty.output, withIntermediateDirectories: true)
        #expect(empty.build().status == .success)
    }
}
