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
        // A new version of the program may render differently, so it is an input too. Its path
        // comes from the system, since argv[0] may be a bare name found on the PATH.
        var programInfo = stat()
        let programPath = Bundle.main.executableURL?.path ?? CommandLine.arguments[0]
        let program = stat(programPath, &programInfo) == 0 ? stamp(programInfo) : String(Int.random(in: 0...Int.max))
        return InputStamps(files: files, options: (options + [program]).joined(separator: "\u{1}"))
    }

    private static func stamp(_ info: stat) -> String {
        "\(info.st_size):\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec):\(info.st_ino)"
    }
}
