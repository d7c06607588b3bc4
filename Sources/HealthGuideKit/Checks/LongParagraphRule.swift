/// Paragraphs over five sentences read as a wall of text on a phone.
struct LongParagraphRule: PageRule {
    let id = "long-paragraph"
    let defaultSeverity = Severity.warning

    static let maximumSentences = 5

    func check(page: Page, context: PageCheckContext) -> [Finding] {
        page.facts.textBlocks.filter { $0.kind == .paragraph }.compactMap { paragraph in
            let count = Sentence.sentences(in: paragraph).count
            guard count > Self.maximumSentences else { return nil }
            return Finding(page: page, location: paragraph.location(atUTF8Offset: 0),
                           message: "paragraph of \(count) sentences is longer than \(Self.maximumSentences)",
                           hint: "split it into shorter paragraphs, or turn steps into a list")
        }
    }
}
