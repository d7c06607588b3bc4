import CUnnamedFile
import Foundation

/// Small file-system questions, answered with `lstat`/`realpath` so links are never followed by accident.
public enum FileSystem {
    public static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// Creates `path` and its missing parents, like `mkdir -p`. Tries the folder itself first:
    /// a build creates thousands of folders whose parents mostly exist already. True when this
    /// call made `path` itself, which then held nothing a moment ago.
    @discardableResult
    public static func makeFolders(_ path: String) throws -> Bool {
        if mkdir(path, 0o755) == 0 { return true }
        if errno == EEXIST { return false }
        guard errno == ENOENT else { throw lastError() }
        let parent = folder(of: path)
        guard !parent.isEmpty, parent != path else { throw lastError() }
        try makeFolders(parent)
        if mkdir(path, 0o755) == 0 { return true }
        guard errno == EEXIST else { throw lastError() }
        return false
    }

    /// The folder of what is at `path`, a path without a trailing "/": everything before its
    /// last "/", or "" when it has none. Cut from the bytes: `NSString`'s
    /// `deletingLastPathComponent` took about 30,000 instructions for each file written.
    public static func folder(of path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// Writes `data` to the file at `path`, created or emptied first. Nothing more: callers
    /// write to a scratch file and rename it into place themselves. A link at `path` is an
    /// error, never followed: it could empty a file anywhere.
    public static func writeFile(_ data: some ContiguousBytes, to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard descriptor >= 0 else { throw lastError() }
        defer { close(descriptor) }
        try write(data, to: descriptor)
    }

    /// Replaces `path` with `data` in one rename, through the scratch file `temporary` on the
    /// same file system, so a reader sees the old file or the new one, never part of one.
    /// The build's own state files are written this way: `FileManager.createFile` wrote a
    /// scratch file of its own and waited for the disk (`fsync`) on every build.
    public static func replace(_ path: String, with data: some ContiguousBytes, through temporary: String) throws {
        try writeFile(data, to: temporary)
        guard rename(temporary, path) == 0 else {
            let error = lastError()
            removeFile(temporary)
            throw error
        }
    }

    /// Writes `data` as the new file `path` in `folder`, which must not exist yet: the file is
    /// written without a name and named once complete, so no reader sees it partial and a
    /// killed build leaves nothing behind. Cheaper than a scratch file renamed into place,
    /// which locks two folders. False, with nothing written, when the system cannot or `path`
    /// appeared meanwhile; the caller then takes the scratch-file way.
    public static func writeNewFile(_ data: Data, to path: String, in folder: String) -> Bool {
        let descriptor = healthguide_open_unnamed_file(folder)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        guard (try? write(data, to: descriptor)) != nil else { return false }
        return healthguide_name_unnamed_file(descriptor, path) == 0
    }

    /// Whether something is at `path`, following links as `FileManager.fileExists` does, for
    /// the cost of one system call.
    public static func exists(_ path: String) -> Bool {
        access(path, F_OK) == 0
    }

    /// What `contents(of:atMost:)` found.
    public enum BoundedRead {
        case contents(Data)
        /// The file is larger than asked for, by its size in bytes: it was not read.
        case tooLarge(Int)
        case unreadable
    }

    /// The bytes of the file at `path` unless it holds more than `maxBytes`. The file is opened
    /// once and its size read from the open file: asking its size by path first made the
    /// kernel walk the path twice for each of 10,000 pages.
    public static func contents(of path: String, atMost maxBytes: Int) -> BoundedRead {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .unreadable }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .unreadable }
        let size = Int(info.st_size)
        guard size <= maxBytes else { return .tooLarge(size) }
        var data = Data(count: size)
        let complete = data.withUnsafeMutableBytes { buffer in read(descriptor, into: buffer.baseAddress, count: size) }
        return complete ? .contents(data) : .unreadable
    }

    /// Reads `count` bytes from an open file into `buffer`; false when the file ends first or
    /// cannot be read.
    public static func read(_ descriptor: Int32, into buffer: UnsafeMutableRawPointer?, count: Int) -> Bool {
        var done = 0
        while done < count, let buffer {
            let read = Foundation.read(descriptor, buffer + done, count - done)
            if read < 0, errno == EINTR { continue }
            guard read > 0 else { break }
            done += read
        }
        return done == count
    }

    /// The size in bytes of what is at `path`, following links; nil when nothing is there.
    public static func size(of path: String) -> Int? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Int(info.st_size)
    }

    /// When the file `info` describes was last modified, in nanoseconds since 1970. Darwin and
    /// Linux name the field differently (`st_mtimespec`, `st_mtim`); this is the one place that
    /// knows.
    public static func modificationTime(of info: stat) -> Int {
        #if canImport(Darwin)
        let time = info.st_mtimespec
        #else
        let time = info.st_mtim
        #endif
        return Int(time.tv_sec) * 1_000_000_000 + Int(time.tv_nsec)
    }

    /// Whether each of `paths`, relative to `folder`, has something at it, as `exists` says.
    /// Looked up from the open folder: checking the 10,000 pages of a site by whole path made
    /// the kernel walk the folders above the output for each one.
    public static func allExist(_ paths: some Sequence<String>, in folder: String) -> Bool {
        let descriptor = openFolder(folder)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        return paths.allSatisfy { exists($0, inFolder: descriptor) }
    }

    /// Whether something is at `path`, relative to the open folder `descriptor`.
    public static func exists(_ path: String, inFolder descriptor: Int32) -> Bool {
        faccessat(descriptor, path, F_OK, 0) == 0
    }

    /// A descriptor of the folder at `path`, for looking up paths inside it, or -1.
    public static func openFolder(_ path: String) -> Int32 {
        open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    }

    /// What is at `path` itself, a link not followed; nil when nothing is.
    public static func entryKind(at path: String, inFolder descriptor: Int32 = AT_FDCWD) -> FolderListing.Kind? {
        var info = stat()
        guard fstatat(descriptor, path, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFLNK: return .link
        case S_IFDIR: return .folder
        default: return .file
        }
    }

    /// Where the link at `path` points, as written in it.
    public static func linkTarget(_ path: String) -> String? {
        try? FileManager.default.destinationOfSymbolicLink(atPath: path)
    }

    /// Deletes the file or link at `path` itself, never what a link points to, and never a folder.
    @discardableResult
    public static func removeFile(_ path: String) -> Bool {
        unlink(path) == 0
    }

    /// Deletes `path` and, when it is a real folder, everything in it; a link is deleted itself.
    public static func removeTree(_ path: String) {
        if entryKind(at: path) == .folder {
            try? FileManager.default.removeItem(atPath: path)
        } else {
            removeFile(path)
        }
    }

    private static func write(_ data: some ContiguousBytes, to descriptor: Int32) throws {
        try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(descriptor, base + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw lastError()
                }
                offset += written
            }
        }
    }

    /// The last system call's error, with the system's words for it.
    public static func lastError() -> NSError {
        NSError(domain: NSPOSIXErrorDomain, code: Int(errno), userInfo: [NSLocalizedDescriptionKey: String(cString: strerror(errno))])
    }

    /// The path with every link resolved, or nil when it does not resolve (missing, or a loop).
    public static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

/// Paths as a build names them in its diagnostics: absolute and standardized, so that nothing
/// a build reports, or keeps for the next build, depends on the folder it was started from.
/// The command line and the preview show them relative to their working folder (`DisplayPaths`).
public enum SourcePaths {
    public static func standardized(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }

    /// What `standardized` puts before a path inside `folder` given as a plain relative path
    /// (no `.` or `..`, as a folder listing gives them): standardizing each of 10,000 paths
    /// cost about 1% of a full build.
    public static func prefix(forFilesIn folder: String) -> String {
        let standardized = standardized(folder)
        return standardized.hasSuffix("/") ? standardized : standardized + "/"
    }
}

/// Shows paths as the user typed them: relative to the working folder when inside it. Only the
/// command line and the preview use it, on what they print.
public struct DisplayPaths: Sendable {
    private let workingDirectory: String

    public init() {
        workingDirectory = FileManager.default.currentDirectoryPath
    }

    public func display(_ path: String) -> String {
        let standardized = SourcePaths.standardized(path)
        if standardized.hasPrefix(workingDirectory + "/") {
            return String(standardized.dropFirst(workingDirectory.count + 1))
        }
        return standardized
    }

    /// `text` with every path inside the working folder shown relative to it: a message names
    /// other places of the site ("also the title of …") as absolute paths too.
    public func display(text: String) -> String {
        guard workingDirectory != "/" else { return text }
        return text.replacingOccurrences(of: workingDirectory + "/", with: "")
    }

    /// The diagnostic with its file, and the places its message and hint name, shown as
    /// `display` shows paths.
    public func display(_ diagnostic: Diagnostic) -> Diagnostic {
        var shown = diagnostic
        if diagnostic.file.hasPrefix(workingDirectory + "/") {
            shown.file = String(diagnostic.file.dropFirst(workingDirectory.count + 1))
        }
        shown.message = display(text: diagnostic.message)
        shown.hint = diagnostic.hint.map { display(text: $0) }
        return shown
    }
}
