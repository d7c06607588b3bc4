import PropertyBased
import Testing

@testable import HealthGuideBase
@testable import HealthGuideChecks
@testable import HealthGuideContent
@testable import HealthGuideKit
@testable import HealthGuideLinks
@testable import HealthGuideMarkdown
@testable import HealthGuideOutput
@testable import HealthGuideRender
@testable import Mustache

/// Suggestions measure fewer names than a plain search but choose the same one.
@Suite("Did-you-mean suggestions")
struct SuggestionTests {
    @Test(
        "the nearest name, ties to the alphabetically first, none when too far",
        arguments: [
            ("stretches/catcow.md", ["stretches/cat-cow.md", "causes/arthritis.md"], "stretches/cat-cow.md"),
            ("stretch/cat-cow.md", ["stretches/cat-cow.md", "stretch/cow-cat.md"], "stretches/cat-cow.md"),
            ("titel", ["title", "tags", "summary"], "title"),
            ("ab", ["xy", "ba"], "ba"),
            ("ac", ["bc", "ab"], "ab"),
            ("zzzzzzzzzz", ["title", "tags"], nil),
            ("", ["a", "bb"], "a"),
            ("x", [], nil),
        ] as [(String, [String], String?)])
    func examples(word: String, candidates: [String], expected: String?) {
        #expect(Suggestion.closest(to: word, in: candidates) == expected)
    }

    @Test("the distance stops at its bound and agrees with a full measure below it")
    func boundedDistance() {
        func scalars(_ text: String) -> [UInt32] { text.unicodeScalars.map(\.value) }
        #expect(Suggestion.distance(scalars("kitten"), scalars("sitting"), atMost: 3) == 3)
        #expect(Suggestion.distance(scalars("kitten"), scalars("sitting"), atMost: 2) == nil)
        #expect(Suggestion.distance(scalars("causes/article-00123.md"), scalars("cause/article-00123.md"), atMost: 2) == 1)
        #expect(Suggestion.distance(scalars(""), scalars("abc"), atMost: 3) == 3)
        #expect(Suggestion.distance(scalars("abc"), scalars("abc"), atMost: 0) == 0)
    }

    static let alphabet: [Character] = ["a", "b", "c", "/", "-", "é"]
    static let word = Gen.element(of: alphabet).map { $0 ?? "a" }.string(of: 0...9)

    @Test("the same suggestion as measuring every name in full, on random names")
    func sameAsFullMeasure() async {
        await propertyCheck(count: 1000, input: Self.word, Self.word.array(of: 0...12)) { word, candidates in
            #expect(Suggestion.closest(to: word, in: candidates) == PlainSuggestion.closest(to: word, in: candidates))
        }
    }
}

/// Every candidate measured in full, with the acceptance rule suggestions follow.
enum PlainSuggestion {
    static func closest(to word: String, in candidates: [String]) -> String? {
        let target = Array(word.lowercased())
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = levenshtein(target, Array(candidate.lowercased()))
            if let current = best, distance > current.distance || (distance == current.distance && candidate >= current.candidate) {
                continue
            }
            best = (candidate, distance)
        }
        guard let best else { return nil }
        return best.distance <= max(2, min(target.count, best.candidate.count) / 3) ? best.candidate : nil
    }

    static func levenshtein(_ a: [Character], _ b: [Character]) -> Int {
        var previous = Array(0...b.count)
        for i in a.indices {
            var current = [i + 1]
            for j in b.indices {
                current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (a[i] == b[j] ? 0 : 1)))
            }
            previous = current
        }
        return previous[b.count]
    }
}
