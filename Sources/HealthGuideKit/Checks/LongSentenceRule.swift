/// Sentences over 25 words are hard to follow, most of all for readers under stress.
struct LongSentenceRule: PageRule {
    let id = "long-sentence"
    let defaultSeverity = Severity.warning

    static let maximumWords = 25

    func check(page: Page, context: PageCheckContext) -> [Finding] {
        context.sentences.compactMap { sentence in
            let words = sentence.score.words
            guard words > Self.maximumWords else { return nil }
            return Finding(page: page, location: sentence.location,
                           message: "sentence of \(words) words is longer than \(Self.maximumWords): \(sentence.opening)",
                           hint: "split it into two or three shorter sentences")
        }
    }
}
