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

/// The sentences of a Markdown body, found the way the readability rules find them.
private func sentences(of markdown: String) -> [Sentence] {
    let facts = MarkdownScanner(glossary: GlossaryMatcher(entries: []), lineOffset: 0).scan(MarkdownDocument(markdown: markdown))
    return Sentence.all(in: facts, words: ProseWords(of: facts))
}

@Suite("Readability: syllables, sentences and scores")
struct ReadabilityTests {
    @Test(
        "syllables are counted by rule",
        arguments: [
            ("cat", 1), ("happy", 2), ("yes", 1), ("day", 1), // vowel groups; y a vowel except first
            ("spine", 1), ("knee", 1), ("agree", 2), // silent final e, but not in "ee"
            ("muscle", 2), ("table", 2), ("while", 1), ("style", 1), // -le after a consonant is said
            ("moves", 1), ("stretches", 2), ("changes", 2), ("muscles", 2), ("goes", 1), // -es
            ("helped", 1), ("started", 2), ("needed", 2), ("tried", 1), // -ed
            ("lying", 2), ("being", 2), ("eating", 2), ("bring", 1), // -ing after a vowel
            ("don't", 1), ("knee-to-chest", 3), ("2017", 1), ("Physical", 3), ("rehabilitation", 6),
        ])
    func syllablesByRule(word: String, expected: Int) {
        #expect(Syllables.count(in: word[...]) == expected, "\(word)")
    }

    @Test("the exceptions list fixes words the rules miscount")
    func syllableExceptions() {
        #expect(Syllables.count(in: "spasms") == 2) // rules alone: 1
        #expect(Syllables.count(in: "idea") == 3) // rules alone: 2
        #expect(Syllables.count(in: "someone") == 2) // rules alone: 3
        #expect(Syllables.count(in: "Every") == 2) // case does not matter
    }

    @Test("a word's syllables are the same whatever its case and wherever it is on the page")
    func syllablesOfRepeatedWords() {
        // Each distinct word is counted once and its count reused (`ProseWords.numbers`): a count
        // kept under the wrong word, or a word numbered in the wrong block, changes these.
        let found = sentences(of: "## Serious idea\n\nIDEA idea Idea. Über über ÜBER.\n\n- Cat sat on a serious IDEA.\n")
        #expect(found.map(\.score.syllables) == [6, 9, 3, 10])
        #expect(found.map(\.score.polysyllables) == [2, 3, 0, 2])
    }

    @Test("sentences end at . ! ? before a capital, not after e.g. or Dr. or inside 2.5")
    func sentenceSplitting() {
        let found = sentences(of: "Take a pain reliever, e.g. Advil, for 2.5 days. See Dr. Lee! Is it better? \"Yes.\" Then rest")
            .map { String($0.text) }
        #expect(found == ["Take a pain reliever, e.g. Advil, for 2.5 days.", "See Dr. Lee!", "Is it better?", "\"Yes.\"", "Then rest"])
    }

    @Test(
        "a stop ends its sentence wherever it falls among the eight-byte runs the search skips over",
        arguments: 0..<17)
    func stopsAtEveryOffset(padding: Int) {
        let lead = String(repeating: "a", count: padding)
        let found = Prose.sentences(in: lead + "Ab. Cd! Ef? Gh.")
        #expect(found == [0..<padding + 3, padding + 4..<padding + 7, padding + 8..<padding + 11, padding + 12..<padding + 15])
    }

    @Test("a title ends no sentence in any case, and a word that only ends like one does")
    func sentenceTitles() {
        let found = sentences(of: "Ask MRS. Park or ST. Luke's. Sit on the dr. Rest. Then VS. Code. Lift Mr. Bean.")
            .map { String($0.text) }
        #expect(found == ["Ask MRS. Park or ST. Luke's.", "Sit on the dr. Rest.", "Then VS. Code.", "Lift Mr. Bean."])
        #expect(
            sentences(of: "Ask Mister. Park is open. Try gym. Then rest.").map { String($0.text) }
                == ["Ask Mister.", "Park is open.", "Try gym.", "Then rest."])
    }

    @Test("headings, list items and table cells are sentences; code is not prose")
    func blocksAreSentences() {
        let markdown = """
            ## Ice and heat

            - Rest
            - Walk a little

            | Do | Don't |
            |----|-------|
            | Walk | Lift |

            ```
            Not prose. Not counted.
            ```
            """
        #expect(
            sentences(of: markdown).map { String($0.text) } == ["Ice and heat", "Rest", "Walk a little", "Do", "Don't", "Walk", "Lift"])
    }

    @Test("each sentence knows its line and column, through links, emphasis and line breaks")
    func sentenceLocations() {
        let found = sentences(of: "Rest. Then **walk** a\nlittle. [Ice](x.md) helps.")
        // The third sentence starts at the link text, one column after its "[".
        #expect(found.map { "\($0.location.line):\($0.location.column)" } == ["1:1", "1:7", "2:10"])
    }

    @Test("easy text: Flesch-Kincaid, reading ease and SMOG match the hand computation")
    func easyText() {
        // "The cat sat on the mat." 6 words of 1 syllable; "It was happy." 1 + 1 + 2 (hap-py).
        // sentences 2, words 9, syllables 10, polysyllables 0
        // FK   = 0.39 × 9/2 + 11.8 × 10/9 − 15.59 = 1.755 + 13.111 − 15.59 = −0.724
        // ease = 206.835 − 1.015 × 9/2 − 84.6 × 10/9 = 206.835 − 4.5675 − 94.0 = 108.2675
        // SMOG = 1.0430 × √(0 × 30 / 2) + 3.1291 = 3.1291
        let score = Readability(sentences(of: "The cat sat on the mat. It was happy."))
        #expect((score.sentences, score.words, score.syllables, score.polysyllables) == (2, 9, 10, 0))
        #expect(abs(score.fleschKincaidGrade - -0.724) < 0.1)
        #expect(abs(score.fleschReadingEase - 108.2675) < 0.1)
        #expect(abs(score.smogGrade - 3.1291) < 0.1)
    }

    @Test("harder text: Flesch-Kincaid, reading ease and SMOG match the hand computation")
    func harderText() {
        // "Physical therapy helps." phys-i-cal 3, ther-a-py 3, helps 1 → 3 words, 7 syllables, 2 polysyllables
        // "Stretching every morning loosens tight muscles." stretch-ing 2, ev-ery 2, morn-ing 2,
        //   loos-ens 2, tight 1, mus-cles 2 → 6 words, 11 syllables, 0 polysyllables
        // sentences 2, words 9, syllables 18, polysyllables 2
        // FK   = 0.39 × 9/2 + 11.8 × 18/9 − 15.59 = 1.755 + 23.6 − 15.59 = 9.765
        // ease = 206.835 − 1.015 × 4.5 − 84.6 × 2 = 206.835 − 4.5675 − 169.2 = 33.0675
        // SMOG = 1.0430 × √(2 × 30 / 2) + 3.1291 = 1.0430 × 5.4772 + 3.1291 = 8.8418
        let score = Readability(sentences(of: "Physical therapy helps. Stretching every morning loosens tight muscles."))
        #expect((score.sentences, score.words, score.syllables, score.polysyllables) == (2, 9, 18, 2))
        #expect(abs(score.fleschKincaidGrade - 9.765) < 0.1)
        #expect(abs(score.fleschReadingEase - 33.0675) < 0.1)
        #expect(abs(score.smogGrade - 8.8418) < 0.1)
    }

    @Test("text without words scores as the easiest text")
    func emptyText() {
        let score = Readability(sentences(of: "```\ncode only\n```"))
        #expect(score.fleschKincaidGrade == 0)
        #expect(score.fleschReadingEase == 100)
        #expect(score.smogGrade == 0)
    }

    @Test("the hardest sentences are the ones that raise the grade most, not the shortest")
    func hardestSentences() {
        let all = sentences(
            of: "## Osteoporosis\n\nRest for a day. Physiotherapists recommend individualized rehabilitation programs. Walk a bit.")
        let scores = all.map { Readability([$0]) }
        #expect(Readability(combining: scores) == Readability(all))
        let hardest = ReadabilityRule.hardest(all, scores: scores, of: Readability(all)).map { String($0.sentence.text) }
        #expect(hardest.first == "Physiotherapists recommend individualized rehabilitation programs.")
    }
}
