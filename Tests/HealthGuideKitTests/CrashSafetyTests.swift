import Foundation
@testable import HealthGuideBase
@testable import HealthGuideChecks
@testable import HealthGuideContent
@testable import HealthGuideKit
@testable import HealthGuideLinks
@testable import HealthGuideMarkdown
@testable import HealthGuideOutput
@testable import HealthGuideRender
@testable import Mustache
import Testing

/// Kills the build with SIGKILL at random moments. After every kill the output folder holds
/// only complete files, and the next build matches a clean build byte for byte.
@Suite("Crash safety")
struct CrashSafetyTests {
    /// A site big enough that a debug build takes a noticeable time.
    static func site(variant: Int) -> [String: String] {
        var files = Fixture.smallSite()
        for index in 0..<300 {
            let body = (0..<30).map { "Line \($0) of article \(index), version \(variant). Rest and move gently." }.joined(separator: "\n\n")
            files["causes/article-\(index).md"] = Fixture.article(title: "Article \(index) v\(variant)", body: "## Part\n\n" + body)
        }
        return files
    }

    @Test("SIGKILL at random moments never leaves a partial file")
    func killedBuilds() throws {
        let site = try TestSite(Self.site(variant: 0))
        let references = try [0, 1].map { variant -> [String: Data] in
            let reference = try TestSite(Self.site(variant: variant), templatesFrom: site)
            let result = reference.build()
            #expect(result.status == .success)
            return reference.snapshot()
        }
        var generator = SystemRandomNumberGenerator()
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
            for (path, data) in site.snapshot() {
                let complete = references.contains { $0[path] == data }
                #expect(complete, "round \(round): \(path) is not a complete file of either version")
            }
        }
        #expect(kills > 0, "no build was interrupted")
        let final = try CommandLineRunner.run(["build"], in: site.root)
        #expect(final.status == 0)
        let result = site.snapshot()
        let reference = references[(rounds - 1) % 2]
        #expect(result.keys.sorted() == reference.keys.sorted())
        for (path, data) in reference {
            #expect(result[path] == data, "\(path) differs from a clean build")
        }
    }
}
