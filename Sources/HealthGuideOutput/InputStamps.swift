import Foundation
import HealthGuideBase
import HealthGuideContent
import HealthGuideLinks

/// The size, modification time and inode of a file: equal stamps mean an unchanged file, as
/// far as the file system can tell without reading it.
public struct FileStamp: Hashable, Sendable {
    public var size: Int
    /// Nanoseconds since 1970.
    public var modified: Int
    public var inode: Int

    public init(size: Int, modified: Int, inode: Int) {
        self.size = size
        self.modified = modified
        self.inode = inode
    }

    public init(_ info: stat) {
        self.init(size: Int(info.st_size), modified: FileSystem.modificationTime(of: info), inode: Int(info.st_ino))
    }

    /// The stamp of a file too fresh to vouch for: no file has it.
    public static let unsettled = FileStamp(size: -1, modified: 0, inode: 0)

    public static func of(_ path: String) -> FileStamp? {
        var info = stat()
        return stat(path, &info) == 0 ? FileStamp(info) : nil
    }
}

/// The stamps of every file a build reads, plus the options that change its output. When these
/// equal the last build's, nothing can have changed, and the build can stop before reading a
/// single file — the way `make` decides.
///
/// A stamp proves nothing about a file written in the same instant it was stamped: the file
/// system's clock ticks every few milliseconds, so a second save of the same size within one
/// tick keeps the same stamp. Like git's "racily clean" entries, such files are *unsettled*:
/// no build trusts their stamps, and they are read again.
public struct InputStamps: Equatable, Sendable {
    public var files: [String: FileStamp]
    public var options: String
    /// When the stamps were taken, in nanoseconds since 1970.
    public var takenAt: Int

    /// How long after a file's last change its stamp is trusted.
    public static let settlingTime = 2_000_000_000

    /// Stamps every file under `folders` without reading any. `options` names what else
    /// decides the output: drafts, base URL, the review-date day, and the program itself.
    public static func read(folders: [String], options: [String]) -> InputStamps {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        // Gathered first and put in a table of the right size at once: grown as it filled, the
        // table of 10,000 stamps was copied a dozen times.
        var stamped: [(String, FileStamp)] = []
        for folder in folders {
            var pending = [folder]
            while let current = pending.popLast() {
                for entry in FolderListing(of: current, statting: true).entries {
                    guard let info = entry.status else { continue }
                    let path = current + "/" + entry.name
                    if (info.st_mode & S_IFMT) == S_IFDIR {
                        pending.append(path)
                    } else {
                        stamped.append((path, FileStamp(info)))
                    }
                }
            }
        }
        let files = Dictionary(stamped, uniquingKeysWith: { first, _ in first })
        // A new version of the program may render differently, so it is an input too. Its path
        // comes from the system, since argv[0] may be a bare name found on the PATH.
        let programPath = Bundle.main.executableURL?.path ?? CommandLine.arguments[0]
        let program = FileStamp.of(programPath).map { "\($0.size):\($0.modified):\($0.inode)" } ?? UUID().uuidString
        return InputStamps(
            files: files, options: (options + [program]).joined(separator: "\u{1}"),
            takenAt: Int(now.tv_sec) * 1_000_000_000 + Int(now.tv_nsec))
    }

    /// True when `stamp` was taken long enough after the file's last change to be trusted.
    public func isSettled(_ stamp: FileStamp) -> Bool {
        stamp.modified < takenAt - Self.settlingTime
    }

    /// True when every file is settled, so these stamps can vouch for the next build.
    public var allSettled: Bool {
        files.values.allSatisfy(isSettled)
    }

    /// Equal when the same files have the same stamps under the same options, whenever taken.
    public static func == (lhs: InputStamps, rhs: InputStamps) -> Bool {
        lhs.files == rhs.files && lhs.options == rhs.options
    }
}

extension FileStamp: ByteCodable {
    public init(from reader: inout ByteReader) throws(ByteReader.Malformed) {
        self.init(size: try reader.int(), modified: try reader.int(), inode: try reader.int())
    }

    public func write(to writer: inout ByteWriter) {
        writer.write(size)
        writer.write(modified)
        writer.write(inode)
    }
}

extension InputStamps: ByteCodable {
    public init(from reader: inout ByteReader) throws(ByteReader.Malformed) {
        let paths = try reader.strings()
        let stamps: [FileStamp] = try reader.array()
        guard paths.count == stamps.count else { throw ByteReader.Malformed() }
        self.init(
            files: Dictionary(zip(paths, stamps), uniquingKeysWith: { first, _ in first }),
            options: try reader.string(), takenAt: try reader.int())
    }

    /// Unsorted, like the manifest that holds these (see `BuildManifest.write(to:)`).
    public func write(to writer: inout ByteWriter) {
        let entries = Array(files)
        writer.write(entries.map(\.key))
        writer.write(entries.map(\.value))
        writer.write(options)
        writer.write(takenAt)
    }
}
