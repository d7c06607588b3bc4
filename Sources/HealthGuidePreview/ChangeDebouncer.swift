/// Gathers a burst of file changes into one batch. Editors save in several steps (write a
/// temporary file, rename it, change its mode), and a "save all" touches many files: the batch
/// is ready once no change has come for `quietPeriod`, or at the latest `longestWait` after
/// its first change, so a file written continuously still gets rebuilt.
struct ChangeDebouncer {
    let quietPeriod: Duration
    let longestWait: Duration
    private var pending: Set<String> = []
    private var firstChange: ContinuousClock.Instant?
    private var lastChange: ContinuousClock.Instant?

    init(quietPeriod: Duration = .milliseconds(10), longestWait: Duration = .milliseconds(250)) {
        self.quietPeriod = quietPeriod
        self.longestWait = longestWait
    }

    mutating func add(_ path: String, at now: ContinuousClock.Instant) {
        pending.insert(path)
        if firstChange == nil { firstChange = now }
        lastChange = now
    }

    /// When the pending batch becomes ready; nil when nothing is pending.
    var deadline: ContinuousClock.Instant? {
        guard let firstChange, let lastChange else { return nil }
        return min(lastChange + quietPeriod, firstChange + longestWait)
    }

    /// The batch, if it is ready at `now`; taking it starts a new one.
    mutating func takeBatch(at now: ContinuousClock.Instant) -> Set<String>? {
        guard let deadline, now >= deadline else { return nil }
        defer {
            pending = []
            firstChange = nil
            lastChange = nil
        }
        return pending
    }
}
