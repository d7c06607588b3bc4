import Foundation
import HealthGuideBase
import HealthGuideKit

/// Runs the builds of a preview one at a time, then tells open pages what changed and the
/// terminal how it went. Builds run on a queue of their own, off the threads that serve
/// requests, so pages stay quick to load during a rebuild.
final class Rebuilder: Sendable {
    private let builder: SiteBuilder
    private let broadcaster: ReloadBroadcaster
    private let report: @Sendable (PreviewBuild) -> Void
    private let queue = DispatchQueue(label: "healthguide.preview.build")

    init(builder: SiteBuilder, broadcaster: ReloadBroadcaster, report: @escaping @Sendable (PreviewBuild) -> Void) {
        self.builder = builder
        self.broadcaster = broadcaster
        self.report = report
    }

    /// Builds and tells open pages. A save that keeps the site's shape re-renders the saved
    /// pages alone; otherwise the build finds, from the last build's fingerprints, which pages
    /// to render again.
    @discardableResult
    func rebuild(after changes: Set<String>) async -> BuildResult {
        let builder = builder
        let result = await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: changes.isEmpty ? builder.build() : builder.rebuild(changed: changes)) }
        }
        report(PreviewBuild(result: result, changedFiles: Self.describe(changes)))
        if let event = ReloadEvent.after(result, changedSources: changes, failureShown: broadcaster.failureShown) {
            broadcaster.send(event)
        }
        return result
    }

    /// Saves what the builds kept in memory, after any build still running.
    func finish() async {
        let builder = builder
        await withCheckedContinuation { continuation in
            queue.async {
                builder.saveMemory()
                continuation.resume()
            }
        }
    }

    /// The changed files as the user names them. Editors' temporary files (`sed -i` leaves
    /// `sedX1b2c3`) come and go within a save; the files still there are the ones that matter,
    /// unless every changed file is gone, as when an article is deleted.
    private static func describe(_ changes: Set<String>) -> [String] {
        let remaining = changes.filter { FileManager.default.fileExists(atPath: $0) }
        let paths = DisplayPaths()
        return (remaining.isEmpty ? changes : remaining).map { paths.display($0) }.sorted()
    }
}
