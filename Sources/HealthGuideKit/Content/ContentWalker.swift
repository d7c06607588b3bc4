import Foundation

/// Lists the files of the content folder without following links out of it or round in a loop.
struct ContentWalker {
    struct Result {
        var markdownFiles: [String] = []
        var staticFiles: [String] = []
        var diagnostics: [Diagnostic] = []
        /// One error for each folder that could not be listed: its pages are unknown, so
        /// every link into it would be reported broken.
        var unreadableFolders: [Diagnostic] = []
    }

    /// Top-level files that are settings, not pages.
    static let settingsFiles: Set<String> = ["site.yml", "glossary.yml"]
    /// Folder copied as-is to the output.
    static let mediaFolder = "images"

    let root: String
    let paths: DisplayPaths

    func walk() -> Result {
        var result = Result()
        let realRoot = FileSystem.realPath(root) ?? root
        var pending = [""]
        while let folder = pending.popLast() {
            let absoluteFolder = folder.isEmpty ? root : root + "/" + folder
            // In name order, so diagnostics come out the same on every system.
            let listing = FolderListing(of: absoluteFolder)
            if let reason = listing.failureDescription {
                result.unreadableFolders.append(Diagnostic(file: paths.display(absoluteFolder), location: nil, severity: .error,
                                                           message: "cannot read this folder: \(reason)", rule: "unreadable-folder",
                                                           hint: "give yourself permission to read it, or move it out of the content folder"))
                continue
            }
            let entries = listing.entries.sorted { $0.name < $1.name }
            for entry in entries where !entry.name.hasPrefix(".") {
                let relative = folder.isEmpty ? entry.name : folder + "/" + entry.name
                visit(relative: relative, kind: entry.kind, realRoot: realRoot, pending: &pending, result: &result)
            }
        }
        result.markdownFiles.sort()
        result.staticFiles.sort()
        return result
    }

    private func visit(relative: String, kind listedKind: FolderListing.Kind, realRoot: String,
                       pending: inout [String], result: inout Result) {
        // Made only when needed: for links, unlisted kinds and diagnostics, not for each of
        // the 10,000 plain files of a big site.
        var absolute: String { root + "/" + relative }
        var display: String { paths.display(absolute) }
        // The folder's own record answers "link, folder or file?" for the 10,000 files of a
        // big site; `lstat` only when it has no answer.
        guard let kind = listedKind == .unknown ? Self.kind(of: absolute) : listedKind else { return }
        if kind == .link {
            guard let target = FileSystem.realPath(absolute) else {
                result.diagnostics.append(Diagnostic(file: display, location: nil, severity: .error,
                                                     message: "broken symbolic link (or a link loop)", rule: "bad-symlink"))
                return
            }
            guard target == realRoot || target.hasPrefix(realRoot + "/") else {
                result.diagnostics.append(Diagnostic(file: display, location: nil, severity: .error,
                                                     message: "symbolic link points outside the content folder", rule: "bad-symlink"))
                return
            }
            if FileSystem.isDirectory(absolute) {
                result.diagnostics.append(Diagnostic(file: display, location: nil, severity: .warning,
                                                     message: "linked folder skipped: link the files instead", rule: "bad-symlink"))
                return
            }
        }
        if kind == .folder {
            pending.append(relative)
            return
        }
        let inMedia = relative.hasPrefix(Self.mediaFolder + "/")
        if inMedia {
            result.staticFiles.append(relative)
        } else if relative.hasSuffix(".md") {
            result.markdownFiles.append(relative)
        } else if !Self.settingsFiles.contains(relative) {
            result.diagnostics.append(Diagnostic(
                file: display, location: nil, severity: .warning,
                message: "ignored: not a Markdown file (put media in \(Self.mediaFolder)/)", rule: "ignored-file"))
        }
    }

    private static func kind(of path: String) -> FolderListing.Kind? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFLNK: return .link
        case S_IFDIR: return .folder
        default: return .file
        }
    }
}
