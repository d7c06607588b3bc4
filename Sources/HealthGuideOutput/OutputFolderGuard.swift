import Foundation
import HealthGuideBase

/// Refuses output folders that a build could damage: `/`, the home folder, the working
/// folder, the content or templates folder, anything containing them or inside them, and
/// existing files.
public struct OutputFolderGuard {
    public let output: String
    public let protected: [(path: String, name: String)]

    public init(output: URL, content: URL, templates: URL) {
        self.output = Self.resolved(output.path)
        let home = FileManager.default.homeDirectoryForCurrentUser.path
        protected = [
            (Self.resolved(content.path), "the content folder"),
            (Self.resolved(templates.path), "the templates folder"),
            (Self.resolved(FileManager.default.currentDirectoryPath), "the current folder"),
            (Self.resolved(home), "your home folder"),
        ]
    }

    /// A reason to refuse, or nil when the folder is safe to build into.
    public func problem() -> String? {
        if output == "/" { return "the output folder cannot be '/'" }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory), !isDirectory.boolValue {
            return "the output path '\(output)' is an existing file, not a folder"
        }
        for (path, name) in protected {
            if output == path { return "the output folder cannot be \(name)" }
            if path.hasPrefix(output + "/") { return "the output folder cannot contain \(name)" }
            if name != "the current folder" && name != "your home folder" && output.hasPrefix(path + "/") {
                return "the output folder cannot be inside \(name)"
            }
        }
        return nil
    }

    /// How many of someone else's files `foreignFilesProblem` names.
    public static let listedForeignFiles = 10

    /// A reason to refuse a folder that holds files and no state of a build (`.healthguide/`):
    /// someone else's folder, whose files a build would replace or mix its own with. Names
    /// what is there. An empty or missing folder is fine.
    public func foreignFilesProblem() -> String? {
        let entries = FolderListing(of: output).entries
        guard !entries.isEmpty, !entries.contains(where: { $0.name == BuildManifest.folder }) else { return nil }
        let names = entries.map { entry in
            entry.kind == .folder || (entry.kind == .unknown && FileSystem.entryKind(at: output + "/" + entry.name) == .folder)
                ? entry.name + "/" : entry.name
        }.sorted()
        let more = names.count - Self.listedForeignFiles
        let listed = names.prefix(Self.listedForeignFiles).joined(separator: ", ") + (more > 0 ? " and \(more) more" : "")
        return "the output folder holds files that no build wrote (\(listed)): a build would replace or mix with them; "
            + "pass --force to build into it anyway, or choose an empty folder"
    }

    /// The absolute path with links resolved as far as the path exists.
    public static func resolved(_ path: String) -> String {
        let standardized = URL(fileURLWithPath: path).standardizedFileURL.path
        if let real = FileSystem.realPath(standardized) { return real }
        let parent = (standardized as NSString).deletingLastPathComponent
        guard parent != standardized else { return standardized }
        return (resolved(parent) as NSString).appendingPathComponent((standardized as NSString).lastPathComponent)
    }
}
