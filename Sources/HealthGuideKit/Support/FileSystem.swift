import Foundation

/// Small file-system questions, answered with `lstat`/`realpath` so links are never followed by accident.
enum FileSystem {
    static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    static func isSymbolicLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
    }

    /// The path with every link resolved, or nil when it does not resolve (missing, or a loop).
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

/// Shows paths as the user typed them: relative to the working directory when inside it.
public struct DisplayPaths: Sendable {
    private let workingDirectory: String

    public init() {
        workingDirectory = FileManager.default.currentDirectoryPath
    }

    public func display(_ path: String) -> String {
        let standardized = URL(fileURLWithPath: path).standardizedFileURL.path
        if standardized.hasPrefix(workingDirectory + "/") {
            return String(standardized.dropFirst(workingDirectory.count + 1))
        }
        return standardized
    }
}
