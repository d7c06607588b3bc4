import Foundation
import HealthGuideTestSupport
import Testing

@testable import HealthGuideBase
@testable import HealthGuideKit
@testable import HealthGuideOutput

/// What a build does when something goes wrong on the way, told by what the writer and the
/// output folder's claim report rather than by the rule ids of the diagnostics.
@Suite("A build's course")
struct BuildCourseTests {
    @Test("a builder that remembers forgets its last build when this one's manifest cannot be saved")
    func manifestNotSaved() throws {
        let site = try TestSite(Fixture.smallSite())
        try site.settle()
        let memory = BuildMemory()
        let builder = SiteBuilder(options: site.options, memory: memory)
        #expect(builder.build().status == .success)
        #expect(memory.last.manifest != nil)

        // A folder where the page cache goes: the cache is not saved, so neither is the manifest.
        let cachePath = site.output.appendingPathComponent(".healthguide/pages").path
        try? FileManager.default.removeItem(atPath: cachePath)
        try FileManager.default.createDirectory(atPath: cachePath + "/in-the-way", withIntermediateDirectories: true)
        try site.editSettled("stretches/knee-to-chest.md", replacing: "Lie on your back.", with: "Lie flat on your back.")
        let failed = builder.build()
        #expect(failed.status == .contentErrors)
        #expect(failed.diagnostics.map(\.rule) == [.writeFailed])
        let (manifest, pages, live) = memory.last
        #expect(manifest == nil && pages == nil && live == nil, "the last build is forgotten")
    }

    @Test("a build refused its output folder says why in its result; a build that writes has no refusal")
    func refusalReason() throws {
        let site = try TestSite(Fixture.smallSite())
        var options = site.options
        options.outputDirectory = site.content
        let refused = SiteBuilder(options: options).build()
        #expect(refused.status == .configurationError)
        #expect(refused.refusal == .unusable)
        #expect(refused.diagnostics.map(\.rule) == [.unsafeOutput])

        try FileManager.default.createDirectory(at: site.output, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: site.output.appendingPathComponent("notes.txt"))
        let foreign = site.build()
        #expect(foreign.refusal == .foreign)
        #expect(foreign.diagnostics.map(\.rule) == [.foreignOutput])

        try FileManager.default.removeItem(at: site.output.appendingPathComponent("notes.txt"))
        let built = site.build()
        #expect(built.status == .success)
        #expect(built.refusal == nil)
    }

    @Test("each reason of a refusal prints its own rule id")
    func refusalRules() {
        let reasons: [OutputRefusal.Reason] = [.unusable, .foreign, .link, .inUse]
        #expect(
            reasons.map { DisplayPaths().display(OutputRefusal("Site", "no", reason: $0).diagnostic).description } == [
                "Site: error: no [unsafe-output]", "Site: error: no [foreign-output]",
                "Site: error: no [output-link]", "Site: error: no [output-in-use]",
            ])
        #expect(reasons.allSatisfy { $0.rule.isSetupProblem })
    }
}
