#if canImport(Glibc)
import Foundation
import Glibc

/// Linux's inotify: the kernel reports changes as they happen. inotify watches one folder at a
/// time, so every folder of each tree gets a watch, and folders created later get one as
/// they appear. A root that is missing, or deleted and made again (`rm -rf Content` and a
/// fresh copy), is watched again once it exists.
final class InotifyWatcher: FileWatcher, @unchecked Sendable {
    private let descriptor: Int32
    private let roots: [String]
    // Both are filled in `init`, then touched only by the watching thread.
    /// Watch descriptor → folder.
    private var folders: [Int32: String] = [:]
    /// Roots without a watch, because they do not exist (yet, or any more).
    private var unwatchedRoots: Set<String> = []

    private static let mask =
        UInt32(
            IN_CLOSE_WRITE | IN_MODIFY | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO
                | IN_DELETE_SELF | IN_MOVE_SELF) | UInt32(IN_ONLYDIR) | UInt32(IN_EXCL_UNLINK)

    /// Nil when inotify is unavailable or out of watches (`fs.inotify.max_user_watches`), and
    /// the caller should poll instead.
    init?(watching roots: [String]) {
        descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else { return nil }
        self.roots = roots
        for root in roots where watchTree(root) == nil {
            close(descriptor)
            return nil
        }
        unwatchedRoots = Set(roots).subtracting(folders.values)
    }

    func waitForChanges(timeout: Duration) -> [String] {
        let returned = watchReturnedRoots()
        if !returned.isEmpty { return returned }
        var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        let milliseconds = Int32(clamping: timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000)
        guard poll(&request, 1, milliseconds) > 0 else { return [] }
        var changed: [String] = []
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            buffer.withUnsafeBytes { bytes in
                changed += events(in: UnsafeRawBufferPointer(rebasing: bytes[..<count]))
            }
        }
        return changed
    }

    func stop() {
        close(descriptor)
    }

    /// The paths named by a buffer of `inotify_event` records: a 16-byte header, then
    /// `len` bytes of NUL-padded file name.
    private func events(in bytes: UnsafeRawBufferPointer) -> [String] {
        var changed: [String] = []
        var offset = 0
        let headerSize = MemoryLayout<inotify_event>.size
        while offset + headerSize <= bytes.count {
            let watch = bytes.loadUnaligned(fromByteOffset: offset, as: Int32.self)
            let mask = bytes.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
            let nameLength = Int(bytes.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
            let nameBytes = bytes[(offset + headerSize)..<min(bytes.count, offset + headerSize + nameLength)]
            let name = String(decoding: nameBytes.prefix { $0 != 0 }, as: UTF8.self)
            offset += headerSize + nameLength

            if mask & UInt32(IN_Q_OVERFLOW) != 0 {
                // Events were lost: say every tree changed; the rebuild finds out what did.
                changed += roots
                continue
            }
            if mask & UInt32(IN_IGNORED) != 0 {
                if let folder = folders.removeValue(forKey: watch), roots.contains(folder) {
                    unwatchedRoots.insert(folder)
                }
                continue
            }
            guard let folder = folders[watch] else { continue }
            if name.isEmpty {
                changed.append(folder)
                continue
            }
            if FileWatchers.isScratch(name) { continue }
            let path = folder + "/" + name
            changed.append(path)
            if mask & UInt32(IN_ISDIR) != 0, mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
                // Files can land in a new folder before its watch exists: they count as changed.
                changed += watchTree(path) ?? []
            }
        }
        return changed
    }

    /// The roots that exist again, now watched, with their files: all of them count as changed.
    private func watchReturnedRoots() -> [String] {
        var changed: [String] = []
        for root in unwatchedRoots where FileManager.default.fileExists(atPath: root) {
            guard let files = watchTree(root), folders.values.contains(root) else { continue }
            unwatchedRoots.remove(root)
            changed += [root] + files
        }
        return changed
    }

    /// Adds a watch on `root` and on every folder under it, and returns the files found there;
    /// nil when the system is out of watches.
    private func watchTree(_ root: String) -> [String]? {
        guard watchFolder(root) else { return nil }
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { return [] }
        var files: [String] = []
        while let relative = enumerator.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            let path = root + "/" + relative
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            if FileWatchers.isScratch(name) {
                if (info.st_mode & S_IFMT) == S_IFDIR { enumerator.skipDescendants() }
                continue
            }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                guard watchFolder(path) else { return nil }
            } else {
                files.append(path)
            }
        }
        return files
    }

    private func watchFolder(_ path: String) -> Bool {
        let watch = inotify_add_watch(descriptor, path, Self.mask)
        if watch >= 0 {
            folders[watch] = path
            return true
        }
        // A folder deleted while being walked is no reason to give up on inotify.
        return errno != ENOSPC && errno != ENOMEM
    }
}
#endif
