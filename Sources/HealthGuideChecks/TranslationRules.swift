import HealthGuideBase
import HealthGuideContent
import HealthGuideLinks

/// A translated article made from an older review of its source may miss a changed warning
/// sign: it is reported at its `source_reviewed` with how far behind it is, until the
/// translation is brought up to date and `source_reviewed` set to the source's `reviewed`.
public struct TranslationOutdatedRule: SiteRule {
    public let id = RuleID.translationOutdated

    public func check(_ context: CheckContext) -> [Finding] {
        let graph = context.graph
        return graph.translationPairs.compactMap { pair in
            let page = graph.pages[pair.translation], source = graph.pages[pair.source]
            let matter = page.source.frontMatter
            let place = matter.locations["source_reviewed"] ?? matter.locations["title"] ?? .start
            switch TranslationCurrency.of(page, source: source) {
            case nil, .current?:
                return nil
            case let .outdated(reviewed, from, days)?:
                return Finding(
                    page: page, location: place,
                    message: "translation is \(days) day\(days == 1 ? "" : "s") behind its source: made from the review of "
                        + "\(from.iso), but \(source.source.displayPath) was reviewed on \(reviewed.iso)",
                    hint: "bring the translation up to date, then set 'source_reviewed: \(reviewed.iso)'")
            case .unknown?:
                return Finding(
                    page: page, location: place,
                    message: "translation does not say which review of \(source.source.displayPath) it was made from",
                    hint: "add 'source_reviewed:' with the source's 'reviewed' date it was translated from")
            case let .textChanged(recorded, current)?:
                return Finding(
                    page: page, location: matter.locations["source_hash"] ?? place,
                    message: "the text of \(source.source.displayPath) changed since this translation was made "
                        + "('source_hash' is \(recorded), the source's text is now \(current))",
                    hint: "bring the translation up to date, then run 'healthguide translated \(page.source.path)'")
            case let .ahead(reviewed, from)?:
                return Finding(
                    page: page, location: place,
                    message: "'source_reviewed' (\(from.iso)) is later than the source's 'reviewed' (\(reviewed.iso))",
                    hint: "set 'source_reviewed' to the source's 'reviewed' date it was translated from")
            }
        }
    }
}

/// A translation's care cards must be its source's: the same cards, at the same levels,
/// with as many signs each. A sign missing from the translation is one a patient may never read.
public struct TranslationCardsRule: SiteRule {
    public let id = RuleID.translationCards

    public func check(_ context: CheckContext) -> [Finding] {
        let graph = context.graph
        return graph.translationPairs.compactMap { pair in
            let page = graph.pages[pair.translation], source = graph.pages[pair.source]
            let (translated, original) = (CardOutline(page), CardOutline(source))
            guard translated != original else { return nil }
            return Finding(
                page: page, location: page.source.frontMatter.locations["title"] ?? .start,
                message: "care cards differ from the source's: \(translated.description) here, "
                    + "\(original.description) in \(source.source.displayPath)",
                hint: "translate every card of the source, sign for sign, at its level")
        }
    }
}
