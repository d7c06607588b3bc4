import Foundation
import HealthGuideBase
import HealthGuideContent
import HealthGuideLinks

/// The advisory lock (`flock`) on `<output>/.healthguide/lock` that a build holds while it reads
/// and writes the output folder, and a preview for as long as it runs: two builds writing one
/// folder would overwrite each other's files and manifests. The system releases the lock when
/// its holder's process ends, however it ends, so a killed build never blocks the next one.
public final class OutputLock: @unchecked Sendable {
    public enum Holder: String, Sendable {
        case build
        case preview
    }

    private let descriptor: Int32

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }

    /// Checks that the output folder of `options` is safe to build into and takes its lock.
    /// A build waits for another build, after telling `waiting`; a preview holds the folder for
    /// long, so a build or a preview that finds one is refused at once.
    public static func claim(
        _ options: BuildOptions, as holder: Holder,
        waiting: (String) -> Void
    ) throws(OutputRefusal) -> OutputLock {
        let guardian = OutputFolderGuard(
            output: options.outputDirectory, content: options.contentDirectory,
            templates: options.templatesDirectory)
        let output = guardian.output
        if let problem = guardian.problem() { throw OutputRefusal(options.outputDirectory.path, problem, reason: .unusable) }
        if !options.force, let problem = guardian.foreignFilesProblem() {
            throw OutputRefusal(options.outputDirectory.path, problem, reason: .foreign)
        }
        let path = try StateFolder.make(in: output) + "/lock"
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard descriptor >= 0 else {
            throw errno == ELOOP
                ? .link(at: path)
                : OutputRefusal(path, "cannot open the build's lock: \(FileSystem.lastError().localizedDescription)", reason: .unusable)
        }
        let lock = OutputLock(descriptor: descriptor)
        if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            let other = lock.holder()
            let name = SourcePaths.standardized(options.outputDirectory.path)
            let process = other.process.map { ", process \($0)" } ?? ""
            if other.holder == .preview {
                throw OutputRefusal(
                    options.outputDirectory.path,
                    "a preview (healthguide serve\(process)) is writing to this "
                        + "folder: stop it first, or choose another folder with --output", reason: .inUse)
            }
            waiting("\(name): waiting for another build (healthguide build\(process)) to finish writing this folder")
            while flock(descriptor, LOCK_EX) != 0 && errno == EINTR {}
        }
        lock.record(holder)
        return lock
    }

    /// Who holds the lock, as its holder wrote it: `build 1234`. Read while waiting for it.
    /// Empty when the holder has not written it yet: then it is taken for a build.
    private func holder() -> (holder: Holder?, process: Int32?) {
        var bytes = [UInt8](repeating: 0, count: 64)
        let count = pread(descriptor, &bytes, bytes.count, 0)
        let words = String(decoding: bytes.prefix(max(count, 0)), as: UTF8.self).split(whereSeparator: \.isWhitespace)
        guard words.count == 2 else { return (nil, nil) }
        return (Holder(rawValue: String(words[0])), Int32(words[1]))
    }

    private func record(_ holder: Holder) {
        let line = Array("\(holder.rawValue) \(getpid())\n".utf8)
        guard ftruncate(descriptor, 0) == 0 else { return }
        _ = pwrite(descriptor, line, line.count, 0)
    }
}
