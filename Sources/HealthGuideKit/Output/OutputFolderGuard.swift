import Foundation

/// Refuses output folders that a build could damage: `/`, the home folder, the working
/// folder, the content or templates folder, anything containing them or inside them, and
/// existing files.
struct OutputFolderGuard {
    let output: String
    let protected: [(path: String, name: String)]

    init(output: URL, content: URL, templates: URL) {
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
    func problem() -> String? {
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

    /// The absolute path with links resolved as far as the path exists.
    static func resolved(_ path: String) -> String {
        let standardized = URL(fileURLWithPath: path).standardizedFileURL.path
        if let real = FileSystem.realPath(standardized) { return real }
        let parent = (standardized as NSString).deletingLastPathComponent
        guard parent != standardized else { return standardized }
        return (resolved(parent) as NSString).appendingPathComponent((standardized as NSString).lastPathComponent)
    }
}
