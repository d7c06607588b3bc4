import Foundation

/// Lists the files of a folder the build reads (the content or the templates folder), names
/// starting with "." left out, without following a symbolic link out of the folder or round in
/// a loop. One policy for every input, so no input can publish a file from elsewhere: a link
/// to a file inside the folder is listed like the file, a broken link or one that points out
/// of the folder is an error, and a linked folder is skipped with a warning.
public struct InputFolderWalker {
    public struct Result {
        /// Paths relative to the walked folder, sorted.
        public var files: [String] = []
        public var diagnostics: [Diagnostic] = []
        /// One error for each folder that could not be listed: its files are unknown, so
        /// every link into it would be reported broken.
        public var unreadableFolders: [Diagnostic] = []
    }

    /// The folder to list.
    public let root: String
    /// The folder links must stay inside: `root` itself, or a folder containing it.
    public let boundary: String
    /// How diagnostics name the boundary: "the content folder".
    public let boundaryName: String

    public init(root: String, boundary: String? = nil, boundaryName: String) {
        self.root = root
        self.boundary = boundary ?? root
        self.boundaryName = boundaryName
    }

    public func walk() -> Result {
        var result = Result()
        let realBoundary = FileSystem.realPath(boundary) ?? boundary
        var pending = [""]
        while let folder = pending.popLast() {
            let absoluteFolder = folder.isEmpty ? root : root + "/" + folder
            let listing = FolderListing(of: absoluteFolder)
            if let reason = listing.failureDescription {
                result.unreadableFolders.append(
                    Diagnostic(
                        file: SourcePaths.standardized(absoluteFolder), location: nil, severity: .error,
                        message: "cannot read this folder: \(reason)", rule: .unreadableFolder,
                        hint: "give yourself permission to read it, or move it out of \(boundaryName)"))
                continue
            }
            // In name order, so diagnostics come out the same on every system.
            let entries = listing.entries.sorted { $0.name < $1.name }
            for entry in entries where !entry.name.hasPrefix(".") {
                let relative = folder.isEmpty ? entry.name : folder + "/" + entry.name
                switch admit(relative: relative, kind: entry.kind, realBoundary: realBoundary, diagnostics: &result.diagnostics) {
                case .folder: pending.append(relative)
                case .file: result.files.append(relative)
                case nil: break
                }
            }
        }
        result.files.sort()
        return result
    }

    private enum Admitted { case file, folder }

    /// What the entry at `relative` is, or nil when it is left out.
    private func admit(
        relative: String, kind listedKind: FolderListing.Kind, realBoundary: String,
        diagnostics: inout [Diagnostic]
    ) -> Admitted? {
        // Made only when needed: for links, unlisted kinds and diagnostics, not for each of
        // the 10,000 plain files of a big site.
        var absolute: String { root + "/" + relative }
        var display: String { SourcePaths.standardized(absolute) }
        // The folder's own record answers "link, folder or file?" for the 10,000 files of a
        // big site; `lstat` only when it has no answer.
        guard let kind = listedKind == .unknown ? FileSystem.entryKind(at: absolute) : listedKind else { return nil }
        switch kind {
        case .folder:
            return .folder
        case .link:
            guard let target = FileSystem.realPath(absolute) else {
                diagnostics.append(
                    Diagnostic(
                        file: display, location: nil, severity: .error,
                        message: "broken symbolic link (or a link loop)", rule: .badSymlink))
                return nil
            }
            guard target == realBoundary || target.hasPrefix(realBoundary + "/") else {
                diagnostics.append(
                    Diagnostic(
                        file: display, location: nil, severity: .error,
                        message: "symbolic link points outside \(boundaryName)", rule: .badSymlink))
                return nil
            }
            if FileSystem.isDirectory(absolute) {
                diagnostics.append(
                    Diagnostic(
                        file: display, location: nil, severity: .warning,
                        message: "linked folder skipped: link the files instead", rule: .badSymlink))
                return nil
            }
            return .file
        case .file, .unknown:
            return .file
        }
    }
}
