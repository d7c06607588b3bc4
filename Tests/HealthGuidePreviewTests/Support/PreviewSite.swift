import Foundation
@testable import HealthGuideBase
@testable import HealthGuideContent
@testable import HealthGuideKit
@testable import HealthGuideOutput
@testable import HealthGuidePreview

/// A small site in a temporary folder, with the repository's real templates, for the preview.
final class PreviewSite: @unchecked Sendable {
    let root: URL
    var content: URL { root.appendingPathComponent("Content") }
    var templates: URL { root.appendingPathComponent("Templates") }
    var output: URL { root.appendingPathComponent("Site") }

    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("healthguide-preview-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.repository.appendingPathComponent("Templates"), to: templates)
        try write("site.yml", """
            title: "Preview Guide"
            base_url: "https://guide.example.org/"
            language: en
            emergency_number: "911"
            review_interval_months: 12
            sections:
              - id: causes
                title: "Causes"
                description: "Why it happens."
              - id: stretches
                title: "Stretches"
                description: "Gentle moves."
            disclaimer: "This guide is for learning only. See a doctor about your own health."
            """)
        try write("index.md", """
            ---
            title: "Preview Guide"
            summary: "A small guide."
            ---

            Start with [muscle strain](causes/muscle-strain.md).
            """)
        try write("causes/muscle-strain.md", Self.article(title: "Muscle strain", body: """
            ## What it feels like

            A strain hurts. Try the [cat-cow stretch](../stretches/cat-cow.md#how-to-do-it).
            """))
        try write("stretches/cat-cow.md", Self.article(title: "Cat-cow stretch", body: """
            ## How to do it

            Kneel on the floor and arch your back.
            """))
    }

    deinit {
        try? FileManager.default.removeItem(at: root)
    }

    var options: BuildOptions {
        var options = BuildOptions(contentDirectory: content, templatesDirectory: templates, outputDirectory: output)
        options.today = CalendarDate(iso: "2026-11-21")!
        return options
    }

    /// Writes `Content/<path>`, or `<path>` when it starts with `Templates/`.
    func write(_ path: String, _ text: String) throws {
        try write(path, Data(text.utf8))
    }

    /// Writes atomically, as many editors save: the watcher sees one rename, never a half-written
    /// file, so each edit is exactly one rebuild however loaded the machine is.
    func write(_ path: String, _ data: Data) throws {
        let url = path.hasPrefix("Templates/") ? root.appendingPathComponent(path) : content.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url, options: .atomic)
    }

    func read(_ path: String) throws -> String {
        let url = path.hasPrefix("Templates/") ? root.appendingPathComponent(path) : content.appendingPathComponent(path)
        return try String(contentsOf: url, encoding: .utf8)
    }

    func edit(_ path: String, replacing old: String, with new: String) throws {
        let text = try read(path)
        precondition(text.contains(old), "'\(old)' is not in \(path)")
        try write(path, text.replacingOccurrences(of: old, with: new))
    }

    static func article(title: String, body: String) -> String {
        """
        ---
        title: "\(title)"
        summary: "About \(title.lowercased())."
        reviewed: 2026-11-01
        sources:
          - title: "Back pain"
            publisher: "Test Clinic"
        ---

        \(body)

        """
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

    static func start(_ site: PreviewSite) async throws -> RunningPreview {
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
