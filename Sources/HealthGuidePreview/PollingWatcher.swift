import Foundation
import HealthGuideBase

/// The fallback watcher: compares each file's size, modification time and inode with the last
/// look, every `interval`. Works on any file system, inotify or not.
final class PollingWatcher: FileWatcher, @unchecked Sendable {
    private struct Stamp: Equatable {
        var size: Int64
        /// Nanoseconds since 1970.
        var modified: Int
        var inode: UInt64
    }

    private let roots: [String]
    private let interval: Duration
    // Touched only by the watching thread after `init`.
    private var stamps: [String: Stamp]
    private var nextLook: ContinuousClock.Instant

    init(watching roots: [String], interval: Duration = .milliseconds(250)) {
        self.roots = roots
        self.interval = interval
        stamps = Self.look(at: roots)
        nextLook = .now + interval
    }

    func waitForChanges(timeout: Duration) -> [String] {
        let wait = nextLook - .now
        if wait > .zero {
            Thread.sleep(forTimeInterval: Self.seconds(min(wait, timeout)))
            if ContinuousClock.now < nextLook { return [] }
        }
        nextLook = .now + interval
        let current = Self.look(at: roots)
        var changed: [String] = []
        for (path, stamp) in current where stamps[path] != stamp { changed.append(path) }
        for path in stamps.keys where current[path] == nil { changed.append(path) }
        stamps = current
        return changed
    }

    func stop() {}

    private static func look(at roots: [String]) -> [String: Stamp] {
        var stamps: [String: Stamp] = [:]
        for root in roots {
            guard let enumerator = FileManager.default.enumerator(atPath: root) else { continue }
            while let relative = enumerator.nextObject() as? String {
                let name = (relative as NSString).lastPathComponent
                if FileWatchers.isScratch(name) {
                    if name.hasPrefix(".") { enumerator.skipDescendants() }
                    continue
                }
                let path = root + "/" + relative
                var info = stat()
                guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { continue }
                stamps[path] = Stamp(
                    size: Int64(info.st_size), modified: FileSystem.modificationTime(of: info),
                    inode: UInt64(info.st_ino))
            }
        }
        return stamps
    }

    private static func seconds(_ duration: Duration) -> TimeInterval {
        let (seconds, attoseconds) = duration.components
        return TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18
    }
}
