import Foundation

/// A value made when it is first read, once, by whichever thread reads it first; or given at
/// the start. Pages restored from the page cache make their facts this way: after one edit most
/// pages' facts are never read, and decoding them all was a quarter of reading the cache.
public final class Lazy<Value: Sendable>: @unchecked Sendable {
    private enum State {
        case made(Value)
        case pending(@Sendable () -> Value)
    }

    private let lock = NSLock()
    /// Changed once, from `pending` to `made`, under `lock`.
    private var state: State
    /// True when the value was given: it never changes, so it is read without the lock.
    private let isGiven: Bool

    public init(_ value: Value) {
        state = .made(value)
        isGiven = true
    }

    public init(making make: @escaping @Sendable () -> Value) {
        state = .pending(make)
        isGiven = false
    }

    public var value: Value {
        if isGiven, case let .made(value) = state { return value }
        return lock.withLock {
            switch state {
            case let .made(value):
                return value
            case let .pending(make):
                let value = make()
                state = .made(value)
                return value
            }
        }
    }
}
