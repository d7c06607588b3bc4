import Foundation
import Testing

@testable import HealthGuidePreview

@Suite("Finding files in the output folder")
struct StaticFileResolverTests {
    /// `<temp>/secret.txt` and `<temp>/index.html` outside, and `<temp>/Site/` with a page, a
    /// folder and links.
    final class Folder {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("healthguide-resolver-\(UUID().uuidString)").path
        var site: String { root + "/Site" }

        init() throws {
            try FileManager.default.createDirectory(atPath: site + "/causes/strain", withIntermediateDirectories: true)
            try Data("secret".utf8).write(to: URL(fileURLWithPath: root + "/secret.txt"))
            try Data("outside".utf8).write(to: URL(fileURLWithPath: root + "/index.html"))
            try Data("home".utf8).write(to: URL(fileURLWithPath: site + "/index.html"))
            try Data("strain".utf8).write(to: URL(fileURLWithPath: site + "/causes/strain/index.html"))
            try FileManager.default.createSymbolicLink(atPath: site + "/leak.txt", withDestinationPath: root + "/secret.txt")
            try FileManager.default.createSymbolicLink(atPath: site + "/up", withDestinationPath: "..")
            try FileManager.default.createSymbolicLink(atPath: site + "/home.html", withDestinationPath: "index.html")
        }

        deinit {
            try? FileManager.default.removeItem(atPath: root)
        }
    }

    @Test("pages and folders inside are found")
    func inside() throws {
        let folder = try Folder()
        let resolver = try #require(StaticFileResolver(root: folder.site))
        #expect(resolver.resolve("/") == .file(resolver.root + "/index.html"))
        #expect(resolver.resolve("/causes/strain/") == .file(resolver.root + "/causes/strain/index.html"))
        #expect(resolver.resolve("/causes/strain") == .addSlash)
        #expect(resolver.resolve("/causes/") == .notFound)
        #expect(resolver.resolve("/nothing.html") == .notFound)
        #expect(resolver.resolve("/home.html") == .file(resolver.root + "/index.html"), "a link that stays inside is followed")
    }

    @Test("symbolic links that point out are refused")
    func linksOut() throws {
        let folder = try Folder()
        let resolver = try #require(StaticFileResolver(root: folder.site))
        #expect(resolver.resolve("/leak.txt") == .refused)
        #expect(resolver.resolve("/up/secret.txt") == .refused)
        #expect(resolver.resolve("/up/") == .refused)
    }

    @Test("traversal is refused before the file system is asked", arguments: PathSanitizerTests.escapes)
    func traversal(_ target: String) throws {
        let folder = try Folder()
        let resolver = try #require(StaticFileResolver(root: folder.site))
        #expect(resolver.resolve(target) == .refused)
    }
}
