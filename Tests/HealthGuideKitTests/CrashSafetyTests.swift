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

/// Kills the build with SIGKILL: at each point where a test build can be made to pause
/// (`TestPause`), and at seeded random moments. After every kill the output folder holds only
/// complete files, and the next build matches a clean build byte for byte.
@Suite("Crash safety")
struct CrashSafetyTests {
    /// A site big enough that a debug build takes a noticeable time.
    static func site(variant: Int) -> [String: String] {
        var files = Fixture.smallSite()
        for index in 0..<300 {
            let body = (0..<30).map { "Line \($0) of article \(index), version \(variant). Rest and move gently." }.joined(
                separator: "\n\n")
            files["causes/article-\(index).md"] = Fixture.article(title: "Article \(index) v\(variant)", body: "## Part\n\n" + body)
        }
        return files
    }

    /// Clean builds of both versions, with `site`'s templates.
    static func references(templatesFrom site: TestSite) throws -> [[String: Data]] {
        try [0, 1].map { variant in
            let reference = try TestSite(Self.site(variant: variant), templatesFrom: site)
            let result = reference.build()
            #expect(result.status == .success)
            return reference.snapshot()
        }
    }

    @Test(
        "killed where a build pauses, it leaves complete files and a pending manifest; the next build repairs the folder",
        arguments: [TestPause.manifestPending, .writingFiles, .filesWritten])
    func killedAtAPause(_ point: TestPause) throws {
        let site = try TestSite(Self.site(variant: 0))
        let references = try Self.references(templatesFrom: site)
        #expect(site.build().status == .success)
        for (path, text) in Self.site(variant: 1) { try site.write(path, text) }

        let errors = Pipe()
        let process = try CommandLineRunner.start(
            ["build"], in: site.root, environment: [TestPause.variable: point.rawValue],
            standardError: errors)
        let marker = "healthguide-test-paused \(point.rawValue)\n"
        let printed = Self.read(errors.fileHandleForReading, until: marker)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(printed.hasSuffix(marker), "the build did not pause at \(point.rawValue): \(printed)")
        #expect(process.terminationReason == .uncaughtSignal)

        let killed = site.snapshot()
        Self.expectComplete(killed, references, "killed at \(point.rawValue)")
        #expect(FileSystem.exists(BuildManifest.pendingPath(in: site.output.path)))
        let newFiles = killed.filter { references[0][$0.key] != $0.value }.count
        switch point {
        case .manifestPending:
            #expect(newFiles == 0)
        case .writingFiles:
            // Writers that had a file in place when the pause took the lock add theirs.
            #expect(newFiles >= TestPause.filesBeforeWritingPause)
            #expect(newFiles < references[1].filter { references[0][$0.key] != $0.value }.count)
        case .filesWritten:
            #expect(killed == references[1])
        }

        let repair = try CommandLineRunner.run(["build"], in: site.root)
        #expect(repair.status == 0)
        Self.expectSame(site.snapshot(), references[1])
        #expect(!FileSystem.exists(BuildManifest.pendingPath(in: site.output.path)))
        #expect(!FileSystem.exists(site.output.path + "/" + BuildManifest.folder + "/tmp"))
    }

    @Test("SIGKILL at seeded random moments never leaves a partial file")
    func killedBuilds() throws {
        let site = try TestSite(Self.site(variant: 0))
        let references = try Self.references(templatesFrom: site)
        var generator = SplitMix64(seed: 0x4845_414C_5448)
        var kills = 0
        let rounds = 25
        for round in 0..<rounds {
            let variant = round % 2
            for (path, text) in Self.site(variant: variant) { try site.write(path, text) }
            let process = try CommandLineRunner.start(["build"], in: site.root)
            usleep(UInt32.random(in: 20_000...900_000, using: &generator))
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                kills += 1
            }
            process.waitUntilExit()
            Self.expectComplete(site.snapshot(), references, "round \(round)")
        }
        #expect(kills > 0, "no build was interrupted")
        let final = try CommandLineRunner.run(["build"], in: site.root)
        #expect(final.status == 0)
        Self.expectSame(site.snapshot(), references[(rounds - 1) % 2])
    }

    /// Every file is a complete file of one of the versions.
    static func expectComplete(_ files: [String: Data], _ references: [[String: Data]], _ when: String) {
        for (path, data) in files {
            let complete = references.contains { $0[path] == data }
            #expect(complete, "\(when): \(path) is not a complete file of either version")
        }
    }

    static func expectSame(_ files: [String: Data], _ reference: [String: Data]) {
        #expect(files.keys.sorted() == reference.keys.sorted())
        for (path, data) in reference {
            #expect(files[path] == data, "\(path) differs from a clean build")
        }
    }

    /// What `handle` gives until `marker` ends it or the writer closes it.
    static func read(_ handle: FileHandle, until marker: String) -> String {
        var text = ""
        while !text.hasSuffix(marker) {
            let data = handle.availableData
            guard !data.isEmpty else { break }
            text += String(decoding: data, as: UTF8.self)
        }
        return text
    }
}

/// A random number generator that gives the same numbers for the same seed (SplitMix64), so a
/// failing sweep of kill times can be run again.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}
