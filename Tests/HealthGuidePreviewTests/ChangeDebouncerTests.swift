import Testing

@testable import HealthGuidePreview

@Suite("Gathering a burst of saves")
struct ChangeDebouncerTests {
    let start = ContinuousClock.now

    @Test("a burst is one batch, ready once the files are quiet")
    func burst() {
        var debouncer = ChangeDebouncer(quietPeriod: .milliseconds(20), longestWait: .milliseconds(250))
        #expect(debouncer.deadline == nil)
        debouncer.add("a.md", at: start)
        debouncer.add("a.md~", at: start + .milliseconds(2))
        debouncer.add("b.md", at: start + .milliseconds(5))
        #expect(debouncer.takeBatch(at: start + .milliseconds(15)) == nil)
        #expect(debouncer.deadline == start + .milliseconds(25))
        #expect(debouncer.takeBatch(at: start + .milliseconds(25)) == ["a.md", "a.md~", "b.md"])
        #expect(debouncer.deadline == nil)
        #expect(debouncer.takeBatch(at: start + .seconds(1)) == nil)
    }

    @Test("a file written without pause is still rebuilt after the longest wait")
    func continuousWrites() {
        var debouncer = ChangeDebouncer(quietPeriod: .milliseconds(20), longestWait: .milliseconds(100))
        for step in 0..<10 {
            debouncer.add("a.md", at: start + .milliseconds(step * 10))
        }
        #expect(debouncer.deadline == start + .milliseconds(100))
        #expect(debouncer.takeBatch(at: start + .milliseconds(100)) == ["a.md"])
    }
}
