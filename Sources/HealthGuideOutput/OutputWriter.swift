import Foundation
import HealthGuideBase

/// Writes output files atomically: each file is written in full to a temporary file under
/// `.healthguide/tmp/` on the same file system, then renamed into place, so a reader (or a
/// build killed half-way) never sees a partial page. Files whose bytes did not change are
/// not rewritten, unless the build is clean.
public final class OutputWriter: @unchecked Sendable {
    public let root: String
    /// Scratch space on the output's file system, for files renamed into place.
    public let temporaryFolder: String
    private let previous: BuildManifest
    /// False for a clean build: every file is written again, and the last build's manifest
    /// serves only to find the files it wrote that are no longer made.
    private let reusesPrevious: Bool
    private let lock = NSLock()
    private var entries: [String: BuildManifest.Entry] = [:]
    /// Paths this build is writing: claimed before the file is written, and in `entries` once
    /// it is. A kept file goes straight into `entries`.
    private var pathsBeingWritten: Set<String> = []
    private var writtenPaths: [String] = []
    private var unchangedCount = 0
    private var failures: [Diagnostic] = []
    private var inputChanged = false
    /// The output folder, open once `prepare` has made sure it exists: output files are
    /// looked up from it rather than by whole path.
    private var rootFolder: Int32 = -1
    /// Folders of the output, relative to it, found or made as real folders by this build:
    /// checked for links once, not for each file written into them.
    private var realFolders: Set<String> = []
    /// Links in the output already reported, each once however many files lie behind it.
    private var reportedLinks: Set<String> = []

    public init(root: String, previous: BuildManifest, reusesPrevious: Bool = true) {
        self.root = root
        self.previous = previous
        self.reusesPrevious = reusesPrevious
        temporaryFolder = root + "/" + BuildManifest.folder + "/tmp"
        // About as many files as last time: the table is not rehashed as it fills.
        entries.reserveCapacity(previous.files.count)
    }

    /// Creates the output and scratch folders and clears temporary files a killed build left.
    /// Until this build finishes, the manifest on disk is pending (`BuildManifest.markPending`):
    /// a build killed half-way is followed by one that rewrites everything, yet still knows
    /// which old files are its own to remove.
    /// `markingPending` false skips the mark, when the manifest on disk is pending already.
    public func prepare(markingPending: Bool = true) throws {
        _ = try StateFolder.make(in: root)
        FileSystem.removeTree(temporaryFolder)
        try FileSystem.makeFolders(temporaryFolder)
        if rootFolder < 0 { rootFolder = FileSystem.openFolder(root) }
        guard markingPending else { return }
        try BuildManifest.markPending(in: root)
        TestPause.at(.manifestPending)
    }

    deinit {
        if rootFolder >= 0 { close(rootFolder) }
    }

    public var written: Int { lock.withLock { writtenPaths.count } }
    /// Output paths written by this build, sorted.
    public var writtenFiles: [String] { lock.withLock { writtenPaths.sorted() } }
    public var unchanged: Int { lock.withLock { unchangedCount } }
    public var errors: [Diagnostic] { lock.withLock { failures } }
    /// True when an input was found changed while this build used it (`failInputChanged`).
    public var inputChangedDuringBuild: Bool { lock.withLock { inputChanged } }
    public var manifest: BuildManifest { lock.withLock { BuildManifest(files: entries) } }

    /// True when the last build made `path` from the same inputs and the file is still there.
    /// A `shapeInputs` fingerprint (see `BuildManifest.Entry`) that matches is enough.
    public func isCurrent(_ path: String, inputs: String, shapeInputs: String = "") -> Bool {
        guard reusesPrevious, var entry = previous.files[path], entry.inputs == inputs,
            FileSystem.exists(path, inFolder: rootFolder)
        else { return false }
        entry.shapeInputs = shapeInputs
        keep(entry, at: path)
        return true
    }

    /// True when the last build made `path` from the same file in a site of the same shape.
    public func isCurrent(_ path: String, shapeInputs: String) -> Bool {
        guard reusesPrevious, let entry = previous.files[path], entry.shapeInputs == shapeInputs,
            FileSystem.exists(path, inFolder: rootFolder)
        else { return false }
        keep(entry, at: path)
        return true
    }

    /// Keeps the file at `path` as it is, unless another output of this build has the path.
    private func keep(_ entry: BuildManifest.Entry, at path: String) {
        // One look-up under one lock: every unchanged page of a rebuild comes through here.
        let claimed = lock.withLock {
            guard !pathsBeingWritten.contains(path), entries[path] == nil else { return false }
            entries[path] = entry
            unchangedCount += 1
            return true
        }
        if !claimed { reportCollision(at: path) }
    }

    /// Claims `path` for a file about to be written; false, with the build failed, when another
    /// output of this build has it already.
    private func claimForWriting(_ path: String) -> Bool {
        let claimed = lock.withLock { entries[path] == nil && pathsBeingWritten.insert(path).inserted }
        if !claimed { reportCollision(at: path) }
        return claimed
    }

    /// The site's settings are checked so that no two outputs share a path (`GeneratedPaths`,
    /// `duplicate-url`); this is the last guard, so that one page can never silently take
    /// another's place.
    private func reportCollision(at path: String) {
        fail(
            Diagnostic(
                file: SourcePaths.standardized(root + "/" + path), location: nil, severity: .error,
                message: "two outputs of this build would be written to this file", rule: .pathCollision))
    }

    public func write(_ text: String, to path: String, inputs: String = "", shapeInputs: String = "") {
        write(Data(text.utf8), to: path, inputs: inputs, shapeInputs: shapeInputs)
    }

    public func write(_ data: Data, to path: String, inputs: String = "", shapeInputs: String = "") {
        let hash = ContentHash.of(data)
        let destination = root + "/" + path
        let entry = BuildManifest.Entry(hash: hash, inputs: inputs, shapeInputs: shapeInputs)
        guard claimForWriting(path) else { return }
        if reusesPrevious, let old = previous.files[path], old.hash == hash, FileSystem.size(of: destination) == data.count {
            lock.withLock {
                entries[path] = entry
                unchangedCount += 1
            }
            return
        }
        let relativeFolder = FileSystem.folder(of: path)
        let folderState = state(ofFolder: relativeFolder, making: true)
        if case let .link(link) = folderState {
            refuseLink(at: link)
            return
        }
        do {
            let folder = FileSystem.folder(of: destination)
            // In a folder made just now nothing is in the way; elsewhere a file already there
            // is replaced, not written beside first, and a link there is refused.
            let folderIsNew: Bool
            if case let .real(made) = folderState {
                folderIsNew = made
            } else {
                folderIsNew = try FileSystem.makeFolders(folder)
                markReal(relativeFolder)
            }
            let existing = folderIsNew ? nil : FileSystem.entryKind(at: path, inFolder: rootFolder)
            if existing == .link {
                refuseLink(at: path)
                return
            }
            if !(existing == nil && FileSystem.writeNewFile(data, to: destination, in: folder)) {
                try replace(destination, with: data)
            }
            lock.withLock {
                entries[path] = entry
                writtenPaths.append(path)
                // Paused holding the lock, every other writer stops too.
                if writtenPaths.count == TestPause.filesBeforeWritingPause { TestPause.at(.writingFiles) }
            }
        } catch {
            fail(
                Diagnostic(
                    file: SourcePaths.standardized(destination), location: nil, severity: .error,
                    message: "could not write: \(error.localizedDescription)", rule: .writeFailed))
        }
    }

    /// Replaces the file at `destination` through a scratch file renamed over it.
    private func replace(_ destination: String, with data: Data) throws {
        try FileSystem.replace(destination, with: data, through: temporaryFolder + "/" + UUID().uuidString)
    }

    /// Records a problem that stops this build from vouching for the output; once, however
    /// many pages meet it (a template problem meets every page of its kind).
    public func fail(_ diagnostic: Diagnostic) {
        lock.withLock {
            if !failures.contains(diagnostic) { failures.append(diagnostic) }
        }
    }

    /// Records that an input no longer holds what this build read from it: the build fails,
    /// and what it kept of its reading of the inputs (the page cache) cannot be trusted.
    public func failInputChanged(_ diagnostic: Diagnostic) {
        lock.withLock { inputChanged = true }
        fail(diagnostic)
    }

    /// Deletes the files the last build wrote that this build did not, and then empty folders
    /// they leave. Returns how many files were removed. Never touches files it did not write,
    /// and never deletes through a link: a file behind one is left, and the link reported.
    public func removeStale() -> Int {
        let current = lock.withLock { entries }
        var removed = 0
        // Sorted once found: sorting every path the last build wrote cost more than the search.
        for path in previous.files.keys.filter({ current[$0] == nil }).sorted() {
            if case let .link(link) = state(ofFolder: FileSystem.folder(of: path), making: false) {
                refuseLink(at: link)
                continue
            }
            if FileSystem.entryKind(at: path, inFolder: rootFolder) == .link {
                refuseLink(at: path)
                continue
            }
            let absolute = root + "/" + path
            guard FileSystem.removeFile(absolute) else { continue }
            removed += 1
            // `rmdir` removes a folder only while it is empty, and never a link.
            var folder = FileSystem.folder(of: absolute)
            while folder.hasPrefix(root + "/"), rmdir(folder) == 0 {
                folder = FileSystem.folder(of: folder)
            }
        }
        return removed
    }

    /// What is on the way from the output folder to a folder of it.
    private enum FolderState {
        /// A symbolic link at this path: nothing is written or removed behind it.
        case link(String)
        /// Real folders all the way; `made` when this build has just made the last one.
        case real(made: Bool)
        /// A folder missing (when not making them), a file in the way, or one that cannot be
        /// looked at: making the folders reports which.
        case unsettled
    }

    /// Looks at each folder on the way from the output folder to `relativeFolder` (itself
    /// included) that this build has not seen yet, and with `making` makes the missing ones.
    /// A folder made in a real folder is real, and needs no look: `mkdir` never follows a
    /// link in the last part of its path. (Looking first cost a system call for every page
    /// of a full build, each in a folder of its own.)
    private func state(ofFolder relativeFolder: String, making: Bool) -> FolderState {
        guard !relativeFolder.isEmpty, !lock.withLock({ realFolders.contains(relativeFolder) }) else { return .real(made: false) }
        var folder = ""
        var made = false
        for name in relativeFolder.split(separator: "/") {
            folder = folder.isEmpty ? String(name) : folder + "/" + name
            if lock.withLock({ realFolders.contains(folder) }) { continue }
            made = making && mkdirat(rootFolder, folder, 0o755) == 0
            if !made {
                switch FileSystem.entryKind(at: folder, inFolder: rootFolder) {
                case .link: return .link(folder)
                case .folder: break
                default: return .unsettled
                }
            }
            lock.withLock { _ = realFolders.insert(folder) }
        }
        return .real(made: made)
    }

    /// Records `relativeFolder` and the folders above it as real: just found or made so.
    private func markReal(_ relativeFolder: String) {
        guard !relativeFolder.isEmpty else { return }
        lock.withLock {
            var folder = relativeFolder
            while !folder.isEmpty, realFolders.insert(folder).inserted {
                folder = FileSystem.folder(of: folder)
            }
        }
    }

    /// Reports the link at `relativePath` in the output folder, once.
    private func refuseLink(at relativePath: String) {
        guard lock.withLock({ reportedLinks.insert(relativePath).inserted }) else { return }
        fail(OutputRefusal.link(at: root + "/" + relativePath).diagnostic)
    }

    /// Saves the manifest last: only a finished build vouches for its files.
    @discardableResult
    public func saveManifest(inputs: InputStamps?, diagnostics: [Diagnostic]) throws -> BuildManifest {
        TestPause.at(.filesWritten)
        var finished = manifest
        finished.inputs = inputs
        finished.diagnostics = diagnostics
        try finished.save(in: root, through: temporaryFolder + "/manifest")
        FileSystem.removeTree(temporaryFolder)
        return finished
    }
}

/// Test-only: `HEALTHGUIDE_TEST_PAUSE=<point>` stops a build at that point for good, after it
/// prints `healthguide-test-paused <point>` to standard error, so the crash-safety tests can
/// kill it exactly there. The variable is read once; without it a point costs one comparison.
public enum TestPause: String, Sendable {
    /// The last build's manifest marked pending, nothing written yet.
    case manifestPending = "manifest-pending"
    /// `filesBeforeWritingPause` files written, the rest not.
    case writingFiles = "writing-files"
    /// Every file written and stale ones removed, the manifest not yet saved.
    case filesWritten = "files-written"

    public static let variable = "HEALTHGUIDE_TEST_PAUSE"
    public static let filesBeforeWritingPause = 100
    private static let requested = ProcessInfo.processInfo.environment[variable].flatMap(TestPause.init(rawValue:))

    static func at(_ point: TestPause) {
        guard requested == point else { return }
        FileHandle.standardError.write(Data("healthguide-test-paused \(point.rawValue)\n".utf8))
        while true { sleep(60) }
    }
}
