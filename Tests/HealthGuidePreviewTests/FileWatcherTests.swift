import Foundation
import Testing

@testable import HealthGuidePreview

/// Both watchers against a real folder: saves are reported, new folders are watched, editors'
/// scratch files are ignored. (How bursts become batches is `ChangeDebouncerTests`' part.)
@Suite("Watching files", .serialized, .timeLimit(.minutes(1)))
struct FileWatcherTests {
    enum Kind: String, CaseIterable, Sendable {
        case inotify, polling
    }

    func make(_ kind: Kind, watching root: String) -> (any FileWatcher)? {
        switch kind {
        case .inotify:
            #if canImport(Glibc)
            return InotifyWatcher(watching: [root])
            #else
            return nil
            #endif
        case .polling:
            return PollingWatcher(watching: [root], interval: .milliseconds(50))
        }
    }

    @Test(
        "every save is reported, in a folder made after watching began too; editors' scratch files are not",
        arguments: Kind.allCases)
    func reportsSaves(_ kind: Kind) async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("healthguide-watch-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root + "/causes", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let watcher = try #require(make(kind, watching: root))
        let batches = watcher.changes(debouncer: ChangeDebouncer(quietPeriod: .milliseconds(300), longestWait: .seconds(2)))

        try Data("swap".utf8).write(to: URL(fileURLWithPath: root + "/causes/.a.md.swp"))
        try Data("one".utf8).write(to: URL(fileURLWithPath: root + "/causes/a.md"))
        try FileManager.default.createDirectory(atPath: root + "/stretches", withIntermediateDirectories: true)
        try Data("new".utf8).write(to: URL(fileURLWithPath: root + "/stretches/b.md"))

        let expected: Set<String> = [root + "/causes/a.md", root + "/stretches/b.md"]
        // Usually one batch; a machine stalled longer than the quiet period may split it.
        let reported = try await withTimeout(seconds: 10) {
            var seen = Set<String>()
            for await batch in batches {
                seen.formUnion(batch)
                if seen.isSuperset(of: expected) { break }
            }
            return seen
        }
        #expect(reported.isSuperset(of: expected))
        #expect(!reported.contains(root + "/causes/.a.md.swp"))
    }

    @Test("a watched folder deleted and made again is watched again")
    func recreatedRoot() async throws {
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("healthguide-watch-\(UUID().uuidString)").path
        let root = parent + "/Content"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let watcher = try #require(make(.inotify, watching: root))
        let batches = watcher.changes(debouncer: ChangeDebouncer(quietPeriod: .milliseconds(100), longestWait: .seconds(1)))

        try FileManager.default.removeItem(atPath: root)
        let later = root + "/causes/a.md"
        let reported = try await withTimeout(seconds: 10) {
            var seen = Set<String>()
            for await batch in batches {
                seen.formUnion(batch)
                if seen.contains(root) && !FileManager.default.fileExists(atPath: root) {
                    // The deletion is seen: make the folder again, with a file in it.
                    try FileManager.default.createDirectory(atPath: root + "/causes", withIntermediateDirectories: true)
                    try Data("back".utf8).write(to: URL(fileURLWithPath: later))
                }
                if seen.contains(later) { break }
            }
            return seen
        }
        #expect(reported.contains(later))
    }
}
