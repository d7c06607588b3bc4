import Foundation
import HealthGuideBase

/// Creates a new article whose front matter already passes validation (`healthguide new`).
public struct ArticleScaffold {
    public struct Failure: Error {
        public let message: String
    }

    public let contentDirectory: URL

    public init(contentDirectory: URL) {
        self.contentDirectory = contentDirectory
    }

    /// Writes `Content/<place>/<slug>.md` and returns its path, `place` being a section of
    /// `site.yml` or a topic folder below one (`treatments/medicines`), made when missing.
    /// Never overwrites a file.
    public func create(in place: String, title: String, today: CalendarDate) throws -> String {
        let title = Self.oneLine(title)
        let siteFile = contentDirectory.path + "/site.yml"
        guard let data = FileManager.default.contents(atPath: siteFile),
            case let .success(text) = TextDecoding.decode(data)
        else {
            throw Failure(message: "\(SourcePaths.standardized(siteFile)) not found")
        }
        let folders = place.split(separator: "/").map(String.init)
        let section = folders.first ?? ""
        let (config, _) = SiteConfigLoader(displayPath: siteFile).load(text: text)
        guard let config, config.section(id: section) != nil else {
            let known = config?.sections.map(\.id) ?? []
            let suggestion = Suggestion.closest(to: section, in: known).map { " (did you mean '\($0)'?)" } ?? ""
            throw Failure(message: "unknown section '\(section)'\(suggestion); sections: \(known.joined(separator: ", "))")
        }
        for topic in folders.dropFirst() {
            if let problem = Slug.problem(with: topic) { throw Failure(message: "folder name '\(Slug.quoted(topic))' \(problem)") }
        }
        guard folders.count <= config.limits.folderDepth else {
            throw Failure(
                message: "'\(place)' is \(folders.count) folders deep: pages sit at most \(config.limits.folderDepth) folders deep")
        }
        let slug = Slug.make(from: title)
        guard Slug.isValid(slug) else { throw Failure(message: "the title needs at least one letter or digit") }
        let folder = contentDirectory.path + "/" + folders.joined(separator: "/")
        let path = folder + "/" + slug + ".md"
        guard !FileManager.default.fileExists(atPath: path) else {
            throw Failure(message: "\(SourcePaths.standardized(path)) already exists")
        }
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        guard FileManager.default.createFile(atPath: path, contents: Data(Self.template(title: title, today: today).utf8)) else {
            throw Failure(message: "could not write \(SourcePaths.standardized(path))")
        }
        return path
    }

    /// The title on one line: line breaks, tabs and control characters become single spaces,
    /// since a title is one line of front matter and YAML refuses control characters.
    public static func oneLine(_ title: String) -> String {
        title.split { $0.isWhitespace || $0.unicodeScalars.contains { $0.properties.generalCategory == .control } }
            .joined(separator: " ")
    }

    public static func template(title: String, today: CalendarDate) -> String {
        let quoted = "\"" + title.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        return """
            ---
            title: \(quoted)
            summary: "One or two plain sentences that say what this page is about."
            reviewed: \(today.iso)
            sources:
              - title: "Name of the page or leaflet you used"
                publisher: "Who published it"
            tags: []
            ---

            ## What it is

            Write in plain words. Keep sentences short.

            ## When to get help

            > [!URGENT]
            > - a sign that needs advice today

            """
    }
}
