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

/// The glossary matcher finds what a plain search, spelling by spelling, finds: whole words,
/// any case, the earliest use first and the longest spelling where two start together.
@Suite("Glossary matching")
struct GlossaryMatcherTests {
    static func entries(_ spellings: [[String]]) -> [GlossaryEntry] {
        spellings.map { GlossaryEntry(term: $0[0], definition: "d", aliases: Array($0.dropFirst()), medicine: false) }
    }

    static func uses(_ text: String, _ spellings: [[String]]) -> [String] {
        var used = GlossaryMatcher.Uses()
        let utf8 = Array(text.utf8)
        return GlossaryMatcher(entries: entries(spellings)).matches(in: text, used: &used).map {
            "\($0.entryIndex):" + String(decoding: utf8[$0.range], as: UTF8.self)
        }
    }

    @Test("whole words in any case, each entry once, the longest spelling where two start together")
    func examples() {
        let glossary = [["Back pain"], ["back"], ["Disc", "discs"], ["β-blocker"], ["Über"]]
        #expect(Self.uses("Back pain and BACK ache; a backpack.", glossary) == ["0:Back pain", "1:BACK"])
        #expect(Self.uses("discs, then a disc", glossary) == ["2:discs"])
        #expect(Self.uses("Take a Β-BLOCKER or an über-dose", glossary) == ["3:Β-BLOCKER", "4:über"])
        #expect(Self.uses("subdisc disco xdisc discé disc", glossary) == ["2:disc"])
        #expect(Self.uses("back pain, back pain", glossary) == ["0:back pain", "1:back"])
        #expect(Self.uses("", glossary) == [])
        #expect(Self.uses("back", []) == [])
    }

    @Test("offsets are the original text's UTF-8 offsets when lower-casing changes a letter's length")
    func offsetsAfterFolding() {
        // U+2126 OHM SIGN lower-cases to U+03C9 (three bytes to two).
        #expect(Self.uses("\u{2126}\u{2126} disc", [["disc"]]) == ["0:disc"])
        #expect(Self.uses("ΩMEGA omega", [["ωmega"]]) == ["0:ΩMEGA"])
    }

    static let words = ["ten", "Don", "TEN", "nerve", "é", "É", "β", "Β", "ab", "a", "disc", "ß"]
    static let separators = [" ", " ", ",", ".", "-", "\n", "(", "x"]
    static let text = Gen.element(of: words + separators).map { $0 ?? " " }.array(of: 0...40).map { $0.joined() }
    static let spelling = Gen.element(of: words).map { $0 ?? "a" }.array(of: 1...3)
        .map { $0.joined(separator: " ") }
    static let glossary = spelling.array(of: 1...3).array(of: 0...8)

    @Test("the same uses as a plain search spelling by spelling, on random texts and glossaries")
    func sameAsPlainSearch() async {
        await propertyCheck(count: 1000, input: Self.text, Self.glossary) { text, glossary in
            // The glossary refuses spellings that are equal but for case.
            var seen = Set<String>()
            let unique = glossary.map { $0.filter { seen.insert($0.lowercased()).inserted } }.filter { !$0.isEmpty }
            var used = GlossaryMatcher.Uses()
            let found = GlossaryMatcher(entries: Self.entries(unique)).matches(in: text, used: &used)
            let expected = PlainGlossarySearch(spellings: unique).uses(in: text)
            #expect(found.map { [$0.entryIndex, $0.range.lowerBound, $0.range.upperBound] } == expected, "\(text) \(unique)")
        }
    }
}

/// The obvious search, for comparison: for each entry not used yet, every spelling's first
/// whole-word occurrence; the earliest wins, then the longest; search on after it.
struct PlainGlossarySearch {
    let spellings: [[String]]

    /// `[entry, start, end]` per use, in UTF-8 offsets.
    func uses(in text: String) -> [[Int]] {
        let characters = Array(text).map(Self.fold)
        var used = Set<Int>()
        var found: [[Int]] = []
        var from = 0
        while true {
            var best: (start: Int, length: Int, entry: Int)?
            for (entry, entrySpellings) in spellings.enumerated() where !used.contains(entry) {
                for spelling in entrySpellings {
                    let word = Array(spelling).map(Self.fold)
                    guard let start = firstWholeWord(word, in: characters, from: from) else { continue }
                    if best == nil || start < best!.start || (start == best!.start && word.count > best!.length) {
                        best = (start, word.count, entry)
                    }
                }
            }
            guard let best else { return found }
            used.insert(best.entry)
            let startOffset = String(text.prefix(best.start)).utf8.count
            let endOffset = String(text.prefix(best.start + best.length)).utf8.count
            found.append([best.entry, startOffset, endOffset])
            from = best.start + best.length
        }
    }

    private func firstWholeWord(_ word: [Character], in text: [Character], from: Int) -> Int? {
        guard !word.isEmpty, from + word.count <= text.count else { return nil }
        for start in from...(text.count - word.count) where text[start..<start + word.count].elementsEqual(word) {
            let before = start == 0 || !Self.isWord(text[start - 1])
            let after = start + word.count == text.count || !Self.isWord(text[start + word.count])
            if before && after { return start }
        }
        return nil
    }

    private static func fold(_ character: Character) -> Character {
        Character(character.lowercased())
    }

    private static func isWord(_ character: Character) -> Bool { character.isLetter || character.isNumber }
}
