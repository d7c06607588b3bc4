import Foundation

/// Finds the file a request names inside the output folder. The path is sanitised first, then
/// the candidate's real path (every symbolic link resolved) must still lie inside the folder's
/// real path, so a link that points out of the site is refused too.
struct StaticFileResolver: Sendable {
    enum Resolution: Equatable {
        /// A regular file inside the output folder, by its real path.
        case file(String)
        /// A folder asked for without its trailing slash: relative links need the slash.
        case addSlash
        case notFound
        /// The path is malformed or tries to leave the output folder.
        case refused
    }

    /// The output folder's real path.
    let root: String

    /// `root` must exist; it is resolved once, here.
    init?(root: String) {
        guard let real = Self.realPath(root) else { return nil }
        self.root = real
    }

    func resolve(_ rawPath: String) -> Resolution {
        guard let path = PathSanitizer.sanitize(rawPath) else { return .refused }
        var candidate = ([root] + path.segments).joined(separator: "/")
        if path.namesFolder { candidate += "/index.html" }
        guard let real = Self.realPath(candidate) else { return .notFound }
        guard real == root || real.hasPrefix(root + "/") else { return .refused }
        var info = stat()
        guard stat(real, &info) == 0 else { return .notFound }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file(real)
        case S_IFDIR: return path.namesFolder ? .notFound : .addSlash
        default: return .notFound
        }
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
