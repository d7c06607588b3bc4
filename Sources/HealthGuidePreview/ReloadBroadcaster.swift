import Foundation

/// Hands each rebuild's event to every open page, each listening on its own stream. It keeps
/// the last failure, so a page opened while the site is broken shows the problems at once.
final class ReloadBroadcaster: @unchecked Sendable {
    private let lock = NSLock()
    private var listeners: [UUID: AsyncStream<ReloadEvent>.Continuation] = [:]
    private var failure: ReloadEvent?

    /// True while open pages show the problems of a failed build.
    var failureShown: Bool { lock.withLock { failure != nil } }

    var listenerCount: Int { lock.withLock { listeners.count } }

    /// A stream of events for one page; it starts with the current failure, if any.
    func subscribe() -> AsyncStream<ReloadEvent> {
        let id = UUID()
        let (stream, continuation) = AsyncStream.makeStream(of: ReloadEvent.self)
        continuation.onTermination = { [weak self] _ in
            guard let self else { return }
            _ = self.lock.withLock { self.listeners.removeValue(forKey: id) }
        }
        lock.withLock {
            if let failure { continuation.yield(failure) }
            listeners[id] = continuation
        }
        return stream
    }

    func send(_ event: ReloadEvent) {
        let current = lock.withLock {
            if case .failed = event { failure = event } else { failure = nil }
            return Array(listeners.values)
        }
        for listener in current { listener.yield(event) }
    }
}
