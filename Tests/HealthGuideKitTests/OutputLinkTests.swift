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

/// Symbolic links planted in the output folder are never written or deleted through, in a full
/// build or an incremental one: the build stops at them with one error each and status 2, and
/// whatever they point to is left as it was. Inside the build's own state folder a link is
/// replaced instead (the lock's excepted). Links in the templates folder that leave it are
/// refused as the content folder's are.
@Suite("Links in the output and templates folders")
struct OutputLinkTests {
    /// A folder outside the site, the link's target, with a file the build must not touch.
    private final class Outside {
        let root: URL
        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("healthguide-outside-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        }
        deinit { try? FileManager.default.removeItem(at: root) }

        /// Every file under the folder with its bytes.
        func snapshot() -> [String: Data] {
            var files: [String: Data] = [:]
            for case let path as String in FileManager.default.enumerator(atPath: root.path)?.allObjects ?? [] {
                let full = root.path + "/" + path
                if !FileSystem.isDirectory(full) { files[path] = FileManager.default.contents(atPath: full) }
            }
            return files
        }
    }

    private static func linkDiagnostic(_ link: String, to target: String) -> String {
        "\(SourcePaths.standardized(link)): error: symbolic link in the output folder (to '\(target)'): the build does not "
            + "write or delete through links; remove it and build again [output-link]"
    }

    private static func siteWithExtraArticle() -> [String: String] {
        var files = Fixture.smallSite()
        files["causes/extra.md"] = Fixture.article(title: "Extra cause", body: "## More\n\nRest for a day.")
        return files
    }

    @Test("a full build stops at a section folder linked elsewhere and writes nothing there")
    func fullBuildThroughLinkedSection() throws {
        let site = try TestSite(Fixture.smallSite())
        let outside = try Outside()
        try Data("keep me".utf8).write(to: outside.root.appendingPathComponent("keep.txt"))
        #expect(site.build().status == .success)
        try FileManager.default.removeItem(at: site.output.appendingPathComponent("causes"))
        try FileManager.default.createSymbolicLink(atPath: site.output.path + "/causes", withDestinationPath: outside.root.path)

        let result = site.build(clean: true)
        #expect(result.status == .configurationError)
        #expect(result.diagnostics.map(\.description) == [Self.linkDiagnostic(site.output.path + "/causes", to: outside.root.path)])
        #expect(outside.snapshot() == ["keep.txt": Data("keep me".utf8)])
        #expect(FileSystem.entryKind(at: site.output.path + "/causes") == .link, "the link itself is left for the user")
    }

    @Test("an incremental build neither rewrites nor deletes pages through a linked section folder")
    func incrementalBuildThroughLinkedSection() throws {
        let site = try TestSite(Self.siteWithExtraArticle())
        #expect(site.build().status == .success)
        // The section's pages moved elsewhere and linked back: the stale page of the removed
        // article and the section page a build would rewrite now lie behind the link.
        let outside = try Outside()
        let moved = outside.root.appendingPathComponent("causes")
        try FileManager.default.moveItem(at: site.output.appendingPathComponent("causes"), to: moved)
        try FileManager.default.createSymbolicLink(atPath: site.output.path + "/causes", withDestinationPath: moved.path)
        let before = outside.snapshot()
        #expect(before["causes/extra/index.html"] != nil)

        try site.remove("causes/extra.md")
        let result = site.build()
        #expect(result.status == .configurationError)
        #expect(result.diagnostics.map(\.description) == [Self.linkDiagnostic(site.output.path + "/causes", to: moved.path)])
        #expect(outside.snapshot() == before, "no file behind the link was written or deleted")

        // With the link gone the next build puts the section back in place.
        try FileManager.default.removeItem(atPath: site.output.path + "/causes")
        #expect(site.build().status == .success)
        #expect(try site.differencesFromCleanBuild() == [])
    }

    @Test("a page replaced by a link to a file elsewhere is not written through")
    func linkedPageFile() throws {
        let site = try TestSite(Fixture.smallSite())
        #expect(site.build().status == .success)
        let outside = try Outside()
        let victim = outside.root.appendingPathComponent("notes.txt")
        try Data("my notes".utf8).write(to: victim)
        let page = site.output.path + "/stretches/cat-cow/index.html"
        try FileManager.default.removeItem(atPath: page)
        try FileManager.default.createSymbolicLink(atPath: page, withDestinationPath: victim.path)

        try site.edit("stretches/cat-cow.md", replacing: "Arch your back.", with: "Arch your back slowly.")
        let result = site.build()
        #expect(result.status == .configurationError)
        #expect(result.diagnostics.map(\.description) == [Self.linkDiagnostic(page, to: victim.path)])
        #expect(try Data(contentsOf: victim) == Data("my notes".utf8))
    }

    @Test("a state folder linked elsewhere is refused before anything is written or cleared")
    func linkedStateFolder() throws {
        let site = try TestSite(Fixture.smallSite())
        let outside = try Outside()
        try FileManager.default.createDirectory(at: outside.root.appendingPathComponent("tmp"), withIntermediateDirectories: true)
        try Data("keep me".utf8).write(to: outside.root.appendingPathComponent("tmp/keep.txt"))
        try FileManager.default.createDirectory(at: site.output, withIntermediateDirectories: true)
        let state = site.output.path + "/.healthguide"
        try FileManager.default.createSymbolicLink(atPath: state, withDestinationPath: outside.root.path)

        let result = site.build()
        #expect(result.status == .configurationError)
        #expect(result.diagnostics.map(\.description) == [Self.linkDiagnostic(state, to: outside.root.path)])
        #expect(result.refusal == .link)
        #expect(outside.snapshot() == ["tmp/keep.txt": Data("keep me".utf8)])
        #expect(!site.exists("index.html"))
    }

    @Test("links inside the state folder are replaced, never followed; a linked lock is refused")
    func linksInsideTheStateFolder() throws {
        let site = try TestSite(Fixture.smallSite())
        #expect(site.build().status == .success)
        let outside = try Outside()
        let victim = outside.root.appendingPathComponent("victim.txt")
        try Data("keep me".utf8).write(to: victim)
        try FileManager.default.createDirectory(at: outside.root.appendingPathComponent("folder"), withIntermediateDirectories: true)
        try Data("keep me too".utf8).write(to: outside.root.appendingPathComponent("folder/file.txt"))
        let state = site.output.path + "/.healthguide"
        try FileManager.default.removeItem(atPath: state + "/pages")
        for (name, target) in [("pending", victim.path), ("pages", victim.path), ("tmp", outside.root.path + "/folder")] {
            try FileManager.default.createSymbolicLink(atPath: state + "/" + name, withDestinationPath: target)
        }
        let before = outside.snapshot()

        try site.edit("stretches/cat-cow.md", replacing: "Arch your back.", with: "Arch your back slowly.")
        #expect(site.build().status == .success)
        #expect(outside.snapshot() == before)
        #expect(FileSystem.entryKind(at: state + "/pages") == .file)
        #expect(FileSystem.entryKind(at: state + "/tmp") == nil)
        #expect(try site.differencesFromCleanBuild() == [])

        try FileManager.default.removeItem(atPath: state + "/lock")
        try FileManager.default.createSymbolicLink(atPath: state + "/lock", withDestinationPath: victim.path)
        let result = site.build(clean: true)
        #expect(result.status == .configurationError)
        #expect(result.diagnostics.map(\.description) == [Self.linkDiagnostic(state + "/lock", to: victim.path)])
        #expect(outside.snapshot() == before)
    }

    @Test("links in the templates folder that leave it are refused, and nothing is published from them")
    func templateLinksOutside() throws {
        let site = try TestSite(Fixture.smallSite())
        let outside = try Outside()
        let secret = outside.root.appendingPathComponent("secret.txt")
        try Data("secret".utf8).write(to: secret)
        let templates = site.templates.path
        try FileManager.default.createSymbolicLink(atPath: templates + "/assets/secret.txt", withDestinationPath: secret.path)
        try FileManager.default.createSymbolicLink(atPath: templates + "/partials/secret.mustache", withDestinationPath: secret.path)
        // A link that stays inside the templates folder is fine.
        try FileManager.default.createSymbolicLink(
            atPath: templates + "/assets/copy.css", withDestinationPath: templates + "/assets/site.css")

        let result = site.build()
        #expect(result.status == .configurationError)
        #expect(
            result.diagnostics.map(\.description) == [
                "\(SourcePaths.standardized(templates + "/assets/secret.txt")): error: symbolic link points outside the templates folder [bad-symlink]",
                "\(SourcePaths.standardized(templates + "/partials/secret.mustache")): error: symbolic link points outside the templates folder [bad-symlink]",
            ])
        #expect(!site.exists("assets/secret.txt"))

        try FileManager.default.removeItem(atPath: templates + "/assets/secret.txt")
        try FileManager.default.removeItem(atPath: templates + "/partials/secret.mustache")
        #expect(site.build().status == .success)
        #expect(site.snapshot().keys.contains { $0.hasPrefix("assets/copy.") && $0.hasSuffix(".css") })
    }
}
