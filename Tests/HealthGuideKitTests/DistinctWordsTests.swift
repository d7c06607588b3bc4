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

@Suite("Distinct words: each word numbered once by its lower-case form")
struct DistinctWordsTests {
    /// The numbers given to `words` in turn, ASCII words lower-cased as the page's words are.
    private func numbers(_ words: [String]) -> (numbers: [Int], distinct: DistinctWords) {
        var distinct = DistinctWords()
        let numbers = words.map { word in
            var bytes = word
            if let ascii = bytes.withUTF8({ distinct.number(ofLowercasedASCII: $0) }) { return ascii.number }
            var lowercased = word.lowercased()
            return lowercased.withUTF8 { distinct.number(of: $0).number }
        }
        return (numbers, distinct)
    }

    @Test("words equal but for case share a number, whatever their length; others do not")
    func caseAndLength() {
        let (found, distinct) = numbers([
            "Knee-to-chest", "KNEE-TO-CHEST", "knee-to-chesT", "knee-to-chess", "knee-to-", "knee-to-c",
            "a", "A", "ab", "", "@[`{", "zZ", "ZZ", "knee-to-chest-stretches", "KNEE-TO-CHEST-STRETCHES",
        ])
        #expect(found == [0, 0, 0, 1, 2, 3, 4, 4, 5, 6, 7, 8, 8, 9, 9])
        #expect(distinct.count == 10)
        #expect(distinct.joined(Array(0..<10)) == "knee-to-chest knee-to-chess knee-to- knee-to-c a ab  @[`{ zz knee-to-chest-stretches")
    }

    @Test("a word beyond ASCII, lower-cased first, shares the number of the same letters in ASCII")
    func beyondASCII() {
        var distinct = DistinctWords()
        var kelvin = "\u{212A}m".lowercased()
        #expect(kelvin == "km")
        let first = kelvin.withUTF8 { distinct.number(of: $0) }
        var ascii = "KM"
        let second = ascii.withUTF8 { distinct.number(ofLowercasedASCII: $0) }
        #expect(first.isNew && second?.isNew == false && second?.number == first.number)
        var accented = "Über"
        #expect(accented.withUTF8 { distinct.number(ofLowercasedASCII: $0) } == nil)
    }
}
