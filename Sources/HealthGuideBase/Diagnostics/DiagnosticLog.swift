import Foundation

/// Collects the diagnostics of one run from any thread, so that every stage can report all it
/// finds instead of stopping at the first problem.
public final class DiagnosticLog: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [Diagnostic] = []

    public init() {}

    public func add(_ diagnostic: Diagnostic) {
        lock.lock()
        items.append(diagnostic)
        lock.unlock()
    }

    public func add(contentsOf diagnostics: [Diagnostic]) {
        lock.lock()
        items.append(contentsOf: diagnostics)
        lock.unlock()
    }

    /// All diagnostics so far, sorted by file and position, duplicates removed.
    public var all: [Diagnostic] {
        lock.lock()
        defer { lock.unlock() }
        return Array(Set(items)).sorted()
    }
}
