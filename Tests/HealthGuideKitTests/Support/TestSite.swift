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

/// A site in a temporary folder, written from a `[path: contents]` map and built with the
/// real templates, so tests assert on the files a user would get.
final class TestSite {
    let root: URL
    var content: URL { root.appendingPathComponent("Content") }
    var templates: URL { root.appendingPathComponent("Templates") }
    var output: URL { root.appendingPathComponent("Site") }

    /// The repository's own folder, found from this file's path.
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `files` are paths inside `Content/` (or `Templates/…` when prefixed so). The real
    /// templates are copied unless `realTemplates` is false; `templatesFrom` copies another
    /// site's, for tests that compare sites built from one snapshot of the templates.
    init(_ files: [String: String], realTemplates: Bool = true, templatesFrom: TestSite? = nil) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("healthguide-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        if let other = templatesFrom {
            try FileManager.default.copyItem(at: other.templates, to: templates)
        } else if realTemplates {
            try FileManager.default.copyItem(at: Self.repository.appendingPathComponent("Templates"), to: templates)
        }
        for (path, text) in files {
            try write(path, text)
        }
    }

    deinit {
        try? FileManager.default.removeItem(at: root)
    }

    /// Writes `Content/<path>`, or `<path>` when it starts with `Templates/`.
    func write(_ path: String, _ text: String) throws {
        try write(path, Data(text.utf8))
    }

    func write(_ path: String, _ data: Data) throws {
        let url = path.hasPrefix("Templates/") ? root.appendingPathComponent(path) : content.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    func remove(_ path: String) throws {
        try FileManager.default.removeItem(at: content.appendingPathComponent(path))
    }

    var options: BuildOptions {
        var options = BuildOptions(contentDirectory: content, templatesDirectory: templates, outputDirectory: output)
        options.today = CalendarDate(iso: "2026-11-21")!
        return options
    }

    @discardableResult
    func build(strict: Bool = false, clean: Bool = false, drafts: Bool = false) -> BuildResult {
        var options = options
        options.strict = strict
        options.clean = clean
        options.includeDrafts = drafts
        return SiteBuilder(options: options).build()
    }

    func check() -> BuildResult {
        SiteBuilder(options: options).check()
    }

    /// Dates every content and template file an hour back, as if written long before the build:
    /// a file changed within the last moments is never taken from the page cache (see
    /// `InputStamps`), so tests of the cache settle the site first.
    func settle() throws {
        let anHourAgo = Date().addingTimeInterval(-3600)
        for folder in [content, templates] {
            for case let path as String in FileManager.default.enumerator(atPath: folder.path)?.allObjects ?? [] {
                try FileManager.default.setAttributes([.modificationDate: anHourAgo], ofItemAtPath: folder.path + "/" + path)
            }
        }
    }

    /// Edits a content file and dates it half an hour back, so the page cache can vouch for it
    /// without settling (and so restamping) the whole site again.
    func editSettled(_ path: String, replacing old: String, with new: String) throws {
        try edit(path, replacing: old, with: new)
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-1800)],
                                              ofItemAtPath: content.appendingPathComponent(path).path)
    }

    /// A file of the built site, or nil.
    func page(_ path: String) -> String? {
        try? String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
    }

    func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: output.appendingPathComponent(path).path)
    }

    /// The output files that differ from a clean build of the same input in a fresh folder.
    func differencesFromCleanBuild() throws -> [String] {
        let fresh = try TestSite([:], realTemplates: false)
        try FileManager.default.copyItem(at: content, to: fresh.content)
        try FileManager.default.copyItem(at: templates, to: fresh.templates)
        let reference = fresh.build()
        try #require(reference.status == .success, "\(reference.diagnostics)")
        let mine = snapshot(), clean = fresh.snapshot()
        return Set(mine.keys).union(clean.keys).filter { mine[$0] != clean[$0] }.sorted()
    }

    /// Every file of the built site with its bytes, the build's own state folder excluded.
    func snapshot() -> [String: Data] {
        var files: [String: Data] = [:]
        let base = output.path
        for case let path as String in FileManager.default.enumerator(atPath: base)?.allObjects ?? []
        where !path.hasPrefix(".healthguide") {
            let full = base + "/" + path
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[path] = FileManager.default.contents(atPath: full)
            }
        }
        return files
    }
}

/// Small builders for fixture files.
enum Fixture {
    static let siteYML = """
    title: "Test Guide"
    base_url: "https://guide.example.org/"
    language: en
    emergency_number: "911"
    review_interval_months: 12
    medicines_note: "Read the label. Ask a pharmacist if you are not sure."
    sections:
      - id: causes
        title: "Causes"
        description: "Why it happens."
      - id: stretches
        title: "Stretches"
        description: "Gentle moves."
    disclaimer: "This guide is for learning only. See a doctor about your own health."
    """

    static let home = """
    ---
    title: "Test Guide"
    summary: "A small guide."
    ---

    Start with [muscle strain](causes/muscle-strain.md) or the [cat-cow stretch](stretches/cat-cow.md).
    """

    /// An article with valid front matter and the given body.
    static func article(
        title: String, body: String, reviewed: String = "2026-11-01", tags: [String] = [],
        related: [String] = [], order: Int? = nil, extra: String = ""
    ) -> String {
        var lines = [
            "---",
            "title: \"\(title)\"",
            "summary: \"About \(title.lowercased()).\"",
            "reviewed: \(reviewed)",
            "sources:",
            "  - title: \"Back pain\"",
            "    publisher: \"Test Clinic\"",
        ]
        if !tags.isEmpty { lines.append("tags: [\(tags.joined(separator: ", "))]") }
        if !related.isEmpty { lines.append("related: [\(related.joined(separator: ", "))]") }
        if let order { lines.append("order: \(order)") }
        if !extra.isEmpty { lines.append(extra) }
        lines.append("---")
        lines.append("")
        lines.append(body)
        return lines.joined(separator: "\n") + "\n"
    }

    /// The small site with one warning: a sentence of over 25 words in `causes/muscle-strain.md`.
    static func smallSiteWithLongSentence() -> [String: String] {
        var files = smallSite()
        files["causes/muscle-strain.md"] = article(title: "Muscle strain", body: """
            ## What it feels like

            A strain hurts, and \(Array(repeating: "it can hurt a lot", count: 8).joined(separator: " and ")).

            Try the [cat-cow stretch](../stretches/cat-cow.md) and [knee to chest](../stretches/knee-to-chest.md).
            """, tags: ["lower-back"], order: 1)
        return files
    }

    /// A small valid site: home, two sections, three linked articles.
    static func smallSite() -> [String: String] {
        [
            "site.yml": siteYML,
            "index.md": home,
            "causes/muscle-strain.md": article(title: "Muscle strain", body: """
                ## What it feels like

                A strain hurts. Try the [cat-cow stretch](../stretches/cat-cow.md#how-to-do-it).

                ## What to do

                Rest for a day. See [knee to chest](/stretches/knee-to-chest.md).
                """, tags: ["lower-back"], order: 1),
            "stretches/cat-cow.md": article(title: "Cat-cow stretch", body: """
                ## How to do it

                1. Kneel on the floor.
                2. Arch your back.

                Back to [muscle strain](../causes/muscle-strain.md).
                """, tags: ["lower-back", "stretch"], order: 1),
            "stretches/knee-to-chest.md": article(title: "Knee-to-chest stretch", body: """
                ## How to do it

                Lie on your back. Read about [strain](../causes/muscle-strain.md).
                """, tags: ["stretch"], order: 2),
        ]
    }
}
