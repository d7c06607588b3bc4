import Foundation
import HealthGuideLinks

/// Watches folder trees for changed files. A watcher starts watching when it is made, so no
/// change after that is missed; `changes()` then turns what it sees into batches.
protocol FileWatcher: AnyObject, Sendable {
    /// Blocks for at most `timeout` and returns the paths changed meanwhile (maybe none).
    func waitForChanges(timeout: Duration) -> [String]
    /// Releases what the watcher holds; called once, when its changes are no longer wanted.
    func stop()
}

extension FileWatcher {
    /// Batches of changed paths, one per burst of saves (see `ChangeDebouncer`). Watching runs
    /// on a thread of its own and stops when the consumer stops listening. Call once.
    func changes(debouncer: ChangeDebouncer = ChangeDebouncer()) -> AsyncStream<Set<String>> {
        let (stream, continuation) = AsyncStream.makeStream(of: Set<String>.self)
        let stopped = StopFlag()
        continuation.onTermination = { _ in stopped.set() }
        let thread = Thread { [self] in
            var debouncer = debouncer
            // Bounds how long a stop waits for the thread to notice it.
            let idleTimeout = Duration.milliseconds(200)
            while !stopped.isSet {
                let timeout = debouncer.deadline.map { max(.zero, $0 - .now) } ?? idleTimeout
                for path in waitForChanges(timeout: min(timeout, idleTimeout)) {
                    debouncer.add(path, at: .now)
                }
                if let batch = debouncer.takeBatch(at: .now) {
                    continuation.yield(batch)
                }
            }
            stop()
        }
        thread.name = "healthguide file watcher"
        thread.start()
        return stream
    }
}

/// Makes the best watcher the system offers.
enum FileWatchers {
    /// inotify on Linux; polling elsewhere, or when inotify is out of watches.
    static func make(watching roots: [String]) -> any FileWatcher {
        #if canImport(Glibc)
        if let watcher = InotifyWatcher(watching: roots) { return watcher }
        #endif
        return PollingWatcher(watching: roots)
    }

    /// Editors' temporary and backup files (`.file.swp`, `file~`, vim's `4913`) and hidden files,
    /// which the build ignores too: changes to them alone start no rebuild.
    static func isScratch(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasSuffix("~") || name.hasSuffix(".swp") || name.hasSuffix(".swx")
            || name.hasSuffix(".tmp") || name == "4913"
    }
}

/// Set once from any thread, read by the watching thread.
final class StopFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false

    var isSet: Bool { lock.withLock { value } }

    func set() {
        lock.withLock { value = true }
    }
}
