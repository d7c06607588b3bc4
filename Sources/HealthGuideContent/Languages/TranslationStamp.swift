import Foundation
import HealthGuideBase

/// Records in a translation which version of its source it was made from
/// (`healthguide translated`): sets its `source_reviewed` and `source_hash` front-matter lines
/// to the source's current `reviewed` date and text, and leaves every other line as it is.
public struct TranslationStamp {
    public struct Failure: Error {
        public let message: String
    }

    /// What was written into a translation.
    public struct Stamp: Sendable, Equatable {
        public let file: String
        public let reviewed: CalendarDate
        public let hash: String
    }

    public let contentDirectory: URL

    public init(contentDirectory: URL) {
        self.contentDirectory = contentDirectory.standardizedFileURL
    }

    /// Stamps the translation at `path`: a path inside the content folder (`es/causes/a.md`),
    /// or a file's path as the shell gives it (`Content/es/causes/a.md`).
    public func stamp(_ path: String) throws(Failure) -> Stamp {
        let root = contentDirectory.path
        let config = try loadConfig()
        let given = URL(fileURLWithPath: path).standardizedFileURL.path
        let relative = given.hasPrefix(root + "/") ? String(given.dropFirst(root.count + 1)) : path
        let file = root + "/" + relative
        guard let language = config.languageFolder(of: relative) else {
            let folders = config.languages.map { $0.code + "/" }.joined(separator: ", ")
            throw Failure(
                message: "\(SourcePaths.standardized(file)) is not a translation: translations live in a language folder"
                    + (folders.isEmpty ? ", and site.yml lists no languages" : " (\(folders))"))
        }
        let sourcePath = String(relative.dropFirst(language.count + 1))
        let reader = SourceFileReader(contentDirectory: root)
        let (source, diagnostics) = reader.read(
            path: sourcePath, kind: .article(folder: "", slug: ""), maxBytes: config.limits.fileBytes, hashingBody: true)
        guard let source, let reviewed = source.frontMatter.reviewed else {
            let problem = diagnostics.first { $0.severity == .error }.map { ": \($0.message)" } ?? ": it has no 'reviewed' date"
            throw Failure(message: "cannot read the source \(SourcePaths.standardized(root + "/" + sourcePath))\(problem)")
        }
        guard let data = FileManager.default.contents(atPath: file), case let .success(text) = TextDecoding.decode(data) else {
            throw Failure(message: "cannot read \(SourcePaths.standardized(file))")
        }
        guard let stamped = Self.stamped(text, reviewed: reviewed, hash: source.bodyHash) else {
            throw Failure(message: "\(SourcePaths.standardized(file)) has no front matter between '---' lines")
        }
        do {
            try Data(stamped.utf8).write(to: URL(fileURLWithPath: file), options: .atomic)
        } catch {
            throw Failure(message: "could not write \(SourcePaths.standardized(file))")
        }
        return Stamp(file: file, reviewed: reviewed, hash: source.bodyHash)
    }

    /// `text` with its `source_reviewed` and `source_hash` lines set, each where it was or
    /// else at the end of the front matter; nil when the file has no front matter.
    public static func stamped(_ text: String, reviewed: CalendarDate, hash: String) -> String? {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.first == "---", let close = lines.dropFirst().firstIndex(where: { $0 == "---" || $0 == "..." }) else {
            return nil
        }
        var end = close
        for (key, value) in [("source_reviewed", reviewed.iso), ("source_hash", hash)] {
            let line = "\(key): \(value)"
            if let existing = lines[1..<end].firstIndex(where: { $0.hasPrefix(key + ":") }) {
                lines[existing] = line
            } else {
                lines.insert(line, at: end)
                end += 1
            }
        }
        return lines.joined(separator: "\n")
    }

    private func loadConfig() throws(Failure) -> SiteConfig {
        let siteFile = contentDirectory.path + "/site.yml"
        guard let data = FileManager.default.contents(atPath: siteFile), case let .success(text) = TextDecoding.decode(data) else {
            throw Failure(message: "\(SourcePaths.standardized(siteFile)) not found")
        }
        let (config, diagnostics) = SiteConfigLoader(displayPath: siteFile).load(text: text)
        guard let config, !diagnostics.contains(where: { $0.severity == .error }) else {
            throw Failure(message: "\(SourcePaths.standardized(siteFile)) has errors: run 'healthguide check'")
        }
        return config
    }
}
