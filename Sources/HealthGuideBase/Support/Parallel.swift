import Dispatch

public extension Array where Element: Sendable {
    /// Maps the elements on all cores, keeping the order. Each slot of the result is written by
    /// exactly one iteration, so the buffer needs no lock. Results are made in place in the
    /// returned array: gathering them as optionals and unwrapping copied every result, and
    /// retained and released what it holds, once more.
    func parallelMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        guard count > 1 else { return map(transform) }
        return [T](unsafeUninitializedCapacity: count) { buffer, initializedCount in
            nonisolated(unsafe) let slots = buffer.baseAddress!
            // `transform` cannot throw, so every slot is filled before this returns.
            DispatchQueue.concurrentPerform(iterations: count) { index in
                (slots + index).initialize(to: transform(self[index]))
            }
            initializedCount = count
        }
    }
}

/// Runs two independent pieces of work at once and returns both results: `first` on another
/// thread, `second` on this one. Not by `concurrentPerform`: inside it, a nested one (as in
/// `second`'s `parallelMap`) gets a share of the cores, here one, and runs serially.
/// `first` runs on a worker of the shared pool, so it must not itself wait for work it queues
/// there (a nested `inParallel`): the pool then starves until the system adds a worker, a
/// second later.
public func inParallel<A: Sendable, B: Sendable>(_ first: @escaping @Sendable () -> A, _ second: () -> B) -> (A, B) {
    nonisolated(unsafe) var a: A?
    let done = DispatchSemaphore(value: 0)
    // Written once, on the other thread, and read only after the semaphore says it is done.
    DispatchQueue.global().async {
        a = first()
        done.signal()
    }
    let b = second()
    done.wait()
    return (a!, b)
}
