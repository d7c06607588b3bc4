import Foundation

/// The size, modification time and inode of every file a build reads, plus the options that
/// change its output. When these equal the last build's, nothing can have changed, and the
/// build can stop before reading a single file — the way `make` decides, and as safe as the
/// file system's nanosecond modification times.
struct InputStamps: Codable, Equatable {
    var files: [String: String]
    var options: String

    /// Stamps every file under `folders` without reading any. `options` names what else
    /// decides the output: drafts, base URL, the review-date day, and the program itself.
    static func read(folders: [String], options: [String]) -> InputStamps {
        var files: [String: String] = [:]
        for folder in folders {
            var pending = [folder]
            while let current = pending.popLast() {
                for name in (try? FileManager.default.contentsOfDirectory(atPath: current)) ?? [] {
                    let path = current + "/" + name
                    var info = stat()
                    guard lstat(path, &info) == 0 else { continue }
                    if (info.st_mode & S_IFMT) == S_IFDIR {
                        pending.append(path)
                    } else {
                        files[path] = stamp(info)
                    }
                }
            }
        }
        var programInfo = stat()
        let program = stat(CommandLine.arguments[0], &programInfo) == 0 ? stamp(programInfo) : "unknown"
        return InputStamps(files: files, options: (options + [program]).joined(separator: "\u{1}"))
    }

    private static func stamp(_ info: stat) -> String {
        "\(info.st_size):\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec):\(info.st_ino)"
    }
}
