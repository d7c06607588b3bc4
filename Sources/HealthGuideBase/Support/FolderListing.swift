import Foundation

/// The entries of one folder, read with `readdir`: each name with the type the directory
/// itself records, so walking 10,000 files needs no `lstat` to tell files from folders.
public struct FolderListing {
    public enum Kind {
        case file, folder, link
        /// The file system did not say; ask `lstat`.
        case unknown
    }

    public struct Entry {
        public var name: String
        public var kind: Kind
        /// The entry's own `lstat`, when asked for.
        public var status: stat?
    }

    /// The entries but `.` and `..`, in the folder's own order; empty when it cannot be read.
    public let entries: [Entry]
    /// Why the folder could not be opened (`errno`), or nil when it was read.
    public let failure: Int32?

    /// With `statting`, each entry also gets its `lstat`, taken relative to the open folder,
    /// which spares the kernel walking the whole path again for every file.
    public init(of path: String, statting: Bool = false) {
        (entries, failure) = Self.read(path, statting: statting)
    }

    /// Why the folder could not be read, in words, or nil when it was.
    public var failureDescription: String? {
        failure.map { String(cString: strerror($0)) }
    }

    private static func read(_ path: String, statting: Bool) -> ([Entry], failure: Int32?) {
        guard let folder = opendir(path) else { return ([], errno) }
        defer { closedir(folder) }
        var entries: [Entry] = []
        while let entry = readdir(folder) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
            }
            guard name != ".", name != ".." else { continue }
            var listed = Entry(name: name, kind: kind(of: entry.pointee.d_type))
            if statting {
                var status = stat()
                guard fstatat(dirfd(folder), name, &status, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
                listed.status = status
            }
            entries.append(listed)
        }
        return (entries, nil)
    }

    private static func kind(of type: UInt8) -> Kind {
        switch Int32(type) {
        case Int32(DT_REG): .file
        case Int32(DT_DIR): .folder
        case Int32(DT_LNK): .link
        default: .unknown
        }
    }
}
