import Foundation
import HealthGuideBase
import HealthGuideContent
import HealthGuideMarkdown

/// A page after parsing: its source, its URL and the facts of its body.
///
/// A class, since the whole-site stages pass pages around by the thousand: copying a struct of
/// this size retains each of its strings and arrays, and on two cores those reference counts
/// became a fifth of an incremental build.
public final class Page: Sendable {
    public let source: SourcePage
    /// Site-relative URL path: `causes/muscle-strain/`.
    public let url: String
    /// What the scanner found in the body.
    public var facts: PageFacts { factsStorage.facts }
    private let factsStorage: PageFactsStorage
    /// The signs of its care cards, kept apart from the facts: the site-wide check of levels
    /// reads every page's signs on every build, and would otherwise decode every page's facts.
    public let cardSigns: [CardSign]
    /// The title as pages are sorted and compared by: trimmed and in lower case. Kept, since
    /// every build sorts and compares all titles.
    public let titleKey: String

    /// A page with the given facts; `cardSigns` when they are known already, else read from them.
    public convenience init(source: SourcePage, url: String, facts: PageFacts, cardSigns: [CardSign]? = nil) {
        self.init(source: source, url: url, factsStorage: PageFactsStorage(facts),
                  cardSigns: cardSigns ?? CardSign.signs(of: facts))
    }

    /// A page read from the page cache, whose facts are decoded from `encodedFacts` when first
    /// read: after one edit most pages' facts are never read, and decoding them all was a
    /// quarter of reading the cache.
    public convenience init(source: SourcePage, url: String, encodedFacts: ArraySlice<UInt8>, cardSigns: [CardSign]) {
        self.init(source: source, url: url, factsStorage: PageFactsStorage(encoded: encodedFacts), cardSigns: cardSigns)
    }

    private init(source: SourcePage, url: String, factsStorage: PageFactsStorage, cardSigns: [CardSign]) {
        self.source = source
        self.url = url
        self.factsStorage = factsStorage
        self.cardSigns = cardSigns
        titleKey = source.frontMatter.title.trimmingWhitespace.lowercased()
    }

    /// The facts as the page cache keeps them: the bytes they were read from, or encoded now.
    public var encodedFacts: ArraySlice<UInt8> { factsStorage.encoded }

    public var title: String { source.frontMatter.title }
    public var isArticle: Bool {
        if case .article = source.kind { return true }
        return false
    }
}

/// A page's facts, given, or kept as the page cache's bytes and decoded once, by whichever
/// thread first asks.
private final class PageFactsStorage: @unchecked Sendable {
    private let lock = NSLock()
    /// Set once: at creation for given facts, else when first decoded, under `lock`.
    private var decoded: PageFacts?
    private let bytes: ArraySlice<UInt8>?

    init(_ facts: PageFacts) {
        decoded = facts
        bytes = nil
    }

    init(encoded: ArraySlice<UInt8>) {
        bytes = encoded
    }

    var facts: PageFacts {
        // Given facts never change, so they are read without the lock.
        guard let bytes else { return decoded ?? PageFacts() }
        return lock.withLock {
            if let decoded { return decoded }
            var reader = ByteReader(bytes)
            // The cache file's checksum and format version vouch for bytes the encoder below
            // wrote, and a test reads them back; were they unreadable anyway, the page would
            // have no facts rather than stop the build.
            let facts = (try? PageFacts(from: &reader)) ?? PageFacts()
            decoded = facts
            return facts
        }
    }

    var encoded: ArraySlice<UInt8> {
        if let bytes { return bytes }
        var writer = ByteWriter()
        writer.write(facts)
        return writer.bytes[...]
    }
}
