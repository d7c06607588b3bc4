/// How long each step of a build took (`healthguide build --timings`). The steps run one after
/// another, each on every core it can use, so their times add up to the build's. A build with
/// nothing changed has two: the stamps, then finding every output file in place.
public struct BuildTimings: Sendable {
    public struct Step: Sendable {
        public var name: String
        public var seconds: Double
    }

    public private(set) var steps: [Step] = []
    private var stepStart = ContinuousClock.now

    public init() {}

    /// Ends the step called `name`, which began when the last one ended.
    public mutating func finish(_ name: String) {
        let now = ContinuousClock.now
        let elapsed = (now - stepStart).components
        steps.append(Step(name: name, seconds: Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18))
        stepStart = now
    }

    /// One line per step, the milliseconds aligned: `   47.1 ms  input stamps and the last build's state`.
    public var table: String {
        steps.map { step in
            let milliseconds = (step.seconds * 10_000).rounded() / 10
            let number = String(milliseconds)
            return String(repeating: " ", count: max(0, 9 - number.count)) + number + " ms  " + step.name
        }.joined(separator: "\n")
    }
}
