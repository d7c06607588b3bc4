import Foundation
import HealthGuideContent
import HealthGuideKit

/// A site in a temporary folder, written from a `[path: contents]` map and built with the
/// real templates, so tests assert on the files a user would get. The fixture sites of every
/// test target are built with it.
public final class TestSite: Sendable {
    public let root: URL
    /// Whether files are written to a scratch file and renamed into place, as many editors
    /// save: a file watcher then sees one change, never a half-written file.
    public let writesAtomically: Bool
    public var content: URL { root.appendingPathComponent("Content") }
    public var templates: URL { root.appendingPathComponent("Templates") }
    public var output: URL { root.appendingPathComponent("Site") }

    /// The repository's own folder, found from this file's path.
    public static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `files` are paths inside `Content/` (or `Templates/…` when prefixed so). The real
    /// templates are copied unless `realTemplates` is false; `templatesFrom` copies another
    /// site's, for tests that compare sites built from one snapshot of the templates.
    public init(
        _ files: [String: String], realTemplates: Bool = true, templatesFrom: TestSite? = nil,
        writesAtomically: Bool = false
    ) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("healthguide-test-\(UUID().uuidString)")
        self.writesAtomically = writesAtomically
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

    /// `Content/<path>`, or `<path>` when it starts with `Templates/`.
    public func fileURL(_ path: String) -> URL {
        path.hasPrefix("Templates/") ? root.appendingPathComponent(path) : content.appendingPathComponent(path)
    }

    /// Writes `Content/<path>`, or `<path>` when it starts with `Templates/`.
    public func write(_ path: String, _ text: String) throws {
        try write(path, Data(text.utf8))
    }

    public func write(_ path: String, _ data: Data) throws {
        let url = fileURL(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url, options: writesAtomically ? .atomic : [])
    }

    public func read(_ path: String) throws -> String {
        try String(contentsOf: fileURL(path), encoding: .utf8)
    }

    /// Replaces text in `Content/<path>` (or `Templates/…`); the text must be there.
    public func edit(_ path: String, replacing old: String, with new: String) throws {
        let text = try read(path)
        guard text.contains(old) else { throw MissingText(text: old, path: path) }
        try write(path, text.replacingOccurrences(of: old, with: new))
    }

    public func append(_ path: String, _ text: String) throws {
        try write(path, try read(path) + text)
    }

    public func remove(_ path: String) throws {
        try FileManager.default.removeItem(at: content.appendingPathComponent(path))
    }

    public var options: BuildOptions {
        var options = BuildOptions(contentDirectory: content, templatesDirectory: templates, outputDirectory: output)
        options.today = CalendarDate(iso: "2026-11-21")!
        return options
    }

    @discardableResult
    public func build(strict: Bool = false, clean: Bool = false, drafts: Bool = false) -> BuildResult {
        var options = options
        options.strict = strict
        options.clean = clean
        options.includeDrafts = drafts
        return SiteBuilder(options: options).build()
    }

    public func check() -> BuildResult {
        SiteBuilder(options: options).check()
    }

    /// Dates every content and template file an hour back, as if written long before the build:
    /// a file changed within the last moments is never taken from the page cache (see
    /// `InputStamps`), so tests of the cache settle the site first.
    public func settle() throws {
        let anHourAgo = Date().addingTimeInterval(-3600)
        for folder in [content, templates] {
            for case let path as String in FileManager.default.enumerator(atPath: folder.path)?.allObjects ?? [] {
                try FileManager.default.setAttributes([.modificationDate: anHourAgo], ofItemAtPath: folder.path + "/" + path)
            }
        }
    }

    /// Edits a content file and dates it half an hour back, so the page cache can vouch for it
    /// without settling (and so restamping) the whole site again.
    public func editSettled(_ path: String, replacing old: String, with new: String) throws {
        try edit(path, replacing: old, with: new)
        try FileManager.default.setAttributes(
            [.modificationDate: Date().addingTimeInterval(-1800)],
            ofItemAtPath: content.appendingPathComponent(path).path)
    }

    /// A file of the built site, or nil.
    public func page(_ path: String) -> String? {
        try? String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
    }

    public func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: output.appendingPathComponent(path).path)
    }

    /// Every file of the built site with its bytes, the build's own state folder excluded.
    public func snapshot() -> [String: Data] {
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

/// `TestSite.edit` was asked to replace text the file does not hold.
public struct MissingText: Error, CustomStringConvertible {
    public var text: String
    public var path: String

    public var description: String { "'\(text)' is not in \(path)" }
}

/// Small builders for fixture files.
public enum Fixture {
    /// The content of a fixture site kept in `Tests/Fixtures/<name>/Content`, as `[path: contents]`.
    /// `nested-site` is a toolkit three folders deep, which `make e2e` builds too.
    public static func folder(_ name: String) throws -> [String: String] {
        let root = TestSite.repository.appendingPathComponent("Tests/Fixtures/\(name)/Content").path
        var files: [String: String] = [:]
        for case let path as String in FileManager.default.enumerator(atPath: root)?.allObjects ?? [] {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isDirectory), !isDirectory.boolValue else {
                continue
            }
            files[path] = try String(contentsOfFile: root + "/" + path, encoding: .utf8)
        }
        return files
    }

    public static let siteYML = """
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

    public static let home = """
        ---
        title: "Test Guide"
        summary: "A small guide."
        ---

        Start with [muscle strain](causes/muscle-strain.md) or the [cat-cow stretch](stretches/cat-cow.md).
        """

    /// An article with valid front matter and the given body.
    public static func article(
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
    public static func smallSiteWithLongSentence() -> [String: String] {
        var files = smallSite()
        files["causes/muscle-strain.md"] = article(
            title: "Muscle strain",
            body: """
                ## What it feels like

                A strain hurts, and \(Array(repeating: "it can hurt a lot", count: 8).joined(separator: " and ")).

                Try the [cat-cow stretch](../stretches/cat-cow.md) and [knee to chest](../stretches/knee-to-chest.md).
                """, tags: ["lower-back"], order: 1)
        return files
    }

    /// A small valid site: home, two sections, three linked articles.
    public static func smallSite() -> [String: String] {
        [
            "site.yml": siteYML,
            "index.md": home,
            "causes/muscle-strain.md": article(
                title: "Muscle strain",
                body: """
                    ## What it feels like

                    A strain hurts. Try the [cat-cow stretch](../stretches/cat-cow.md#how-to-do-it).

                    ## What to do

                    Rest for a day. See [knee to chest](/stretches/knee-to-chest.md).
                    """, tags: ["lower-back"], order: 1),
            "stretches/cat-cow.md": article(
                title: "Cat-cow stretch",
                body: """
                    ## How to do it

                    1. Kneel on the floor.
                    2. Arch your back.

                    Back to [muscle strain](../causes/muscle-strain.md).
                    """, tags: ["lower-back", "stretch"], order: 1),
            "stretches/knee-to-chest.md": article(
                title: "Knee-to-chest stretch",
                body: """
                    ## How to do it

                    Lie on your back. Read about [strain](../causes/muscle-strain.md).
                    """, tags: ["stretch"], order: 2),
        ]
    }
}
