import Foundation
import HealthGuideTestSupport

@testable import HealthGuideBase
@testable import HealthGuideContent
@testable import HealthGuideKit
@testable import HealthGuideOutput
@testable import HealthGuidePreview

extension TestSite {
    /// A small site with the repository's real templates, for the preview; written the way
    /// many editors save (see `writesAtomically`), so each edit is exactly one rebuild however
    /// loaded the machine is.
    static func preview() throws -> TestSite {
        try TestSite(
            [
                "site.yml": Fixture.siteYML.replacingOccurrences(of: "Test Guide", with: "Preview Guide"),
                "index.md": """
                ---
                title: "Preview Guide"
                summary: "A small guide."
                ---

                Start with [muscle strain](causes/muscle-strain.md).
                """,
                "causes/muscle-strain.md": Fixture.article(
                    title: "Muscle strain",
                    body: """
                        ## What it feels like

                        A strain hurts. Try the [cat-cow stretch](../stretches/cat-cow.md#how-to-do-it).
                        """),
                "stretches/cat-cow.md": Fixture.article(
                    title: "Cat-cow stretch",
                    body: """
                        ## How to do it

                        Kneel on the floor and arch your back.
                        """),
            ], writesAtomically: true)
    }
}

/// A preview server running on a free port for one test; `stop()` cancels it.
final class RunningPreview: Sendable {
    let port: Int
    let builds: BuildRecorder
    private let task: Task<Void, any Error>

    private init(port: Int, builds: BuildRecorder, task: Task<Void, any Error>) {
        self.port = port
        self.builds = builds
        self.task = task
    }

    static func start(_ site: TestSite) async throws -> RunningPreview {
        let builds = BuildRecorder()
        let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
        let server = PreviewServer(options: site.options, host: "127.0.0.1", port: 0)
        let task = Task {
            defer { portContinuation.finish() }
            try await server.run(stopsOnInterrupt: false, listening: { portContinuation.yield($0) }, built: { builds.record($0) })
        }
        guard let port = try await withTimeout(seconds: 60, { await ports.first { _ in true } }) else {
            task.cancel()
            throw CancellationError()
        }
        return RunningPreview(port: port, builds: builds, task: task)
    }

    func get(_ target: String, method: String = "GET") async throws -> LoopbackClient.Response {
        try await LoopbackClient.get(target, port: port, method: method)
    }

    /// Stops the server and waits for it to finish (the suites' time limits bound the wait).
    func stop() async {
        task.cancel()
        _ = await task.result
    }
}

/// The builds a preview reported, and the lines it printed while it waited, in order.
final class BuildRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var builds: [PreviewBuild] = []
    private var waitingLines: [String] = []

    func record(_ build: PreviewBuild) {
        lock.withLock { builds.append(build) }
    }

    func note(_ line: String) {
        lock.withLock { waitingLines.append(line) }
    }

    var all: [PreviewBuild] { lock.withLock { builds } }
    var notes: [String] { lock.withLock { waitingLines } }
}

struct TimedOut: Error {}

/// `work`'s result, or `TimedOut` after `seconds`.
func withTimeout<T: Sendable>(seconds: Double, _ work: @escaping @Sendable () async throws -> T) async throws -> T {
    try await withThrowingTaskGroup(of: T.self) { group in
        group.addTask { try await work() }
        group.addTask {
            try await Task.sleep(for: .seconds(seconds))
            throw TimedOut()
        }
        defer { group.cancelAll() }
        return try await group.next()!
    }
}
