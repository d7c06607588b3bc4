/// Splitting prose into words and sentences, shared by word counts and the readability rules.
enum Prose {
    /// Words: runs of letters and digits, apostrophes and inner hyphens kept ("don't", "knee-to-chest").
    static func words(in text: String) -> [Substring] {
        text.split { character in
            !(character.isLetter || character.isNumber || character == "'" || character == "’" || character == "-")
        }.filter { word in word.contains { $0.isLetter || $0.isNumber } }
    }
}
