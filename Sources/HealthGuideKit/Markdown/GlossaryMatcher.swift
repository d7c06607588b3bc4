/// Finds glossary terms in running text: whole words, any case, longest spelling first.
struct GlossaryMatcher: Sendable {
    struct Match {
        /// Character offsets into the searched text.
        var range: Range<Int>
        var entryIndex: Int
    }

    private let spellings: [(characters: [Character], entryIndex: Int)]

    init(entries: [GlossaryEntry]) {
        var spellings: [([Character], Int)] = []
        for (index, entry) in entries.enumerated() {
            for spelling in entry.spellings {
                spellings.append((Self.folded(Array(spelling)), index))
            }
        }
        self.spellings = spellings.sorted { $0.0.count > $1.0.count }
    }

    var isEmpty: Bool { spellings.isEmpty }

    static func folded(_ characters: [Character]) -> [Character] {
        characters.map { character in
            character.isUppercase ? (character.lowercased().first ?? character) : character
        }
    }

    /// The earliest match in `text` of an entry not in `skipping`.
    func firstMatch(in text: [Character], skipping: Set<Int>) -> Match? {
        guard !spellings.isEmpty, !text.isEmpty else { return nil }
        let folded = Self.folded(text)
        var best: Match?
        for (spelling, entryIndex) in spellings where !skipping.contains(entryIndex) {
            guard let start = Self.wordStart(of: spelling, in: folded, before: best?.range.lowerBound ?? folded.count) else { continue }
            best = Match(range: start..<start + spelling.count, entryIndex: entryIndex)
        }
        return best
    }

    /// First whole-word occurrence of `word` starting before `limit`.
    private static func wordStart(of word: [Character], in text: [Character], before limit: Int) -> Int? {
        guard !word.isEmpty, word.count <= text.count else { return nil }
        let lastStart = min(limit - 1, text.count - word.count)
        guard lastStart >= 0 else { return nil }
        var start = 0
        while start <= lastStart {
            if text[start] == word[0], text[start..<start + word.count].elementsEqual(word),
               start == 0 || !isWordCharacter(text[start - 1]),
               start + word.count == text.count || !isWordCharacter(text[start + word.count]) {
                return start
            }
            start += 1
        }
        return nil
    }

    private static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber
    }
}
