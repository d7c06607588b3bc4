import HealthGuideBase
import HealthGuideLinks
import HealthGuideMarkdown

/// Raw HTML is dropped from pages unless `allow_raw_html: true`; say so where it is written.
public struct RawHTMLRule: PageRule {
    public let id = RuleID.rawHTML

    public func check(page: Page, context: PageCheckContext) -> [Finding] {
        guard !context.config.allowRawHTML else { return [] }
        return page.facts.rawHTML.map {
            Finding(
                page: page, location: $0, message: "raw HTML is left out of the page",
                hint: "write it in Markdown, or set 'allow_raw_html: true' in site.yml if you trust every author")
        }
    }
}

/// With `allow_raw_html: true`, raw HTML is kept but sanitized: say what was removed and why,
/// where it is written, so the author is not left wondering where a tag went.
public struct UnsafeHTMLRule: PageRule {
    public let id = RuleID.unsafeHTML

    public func check(page: Page, context: PageCheckContext) -> [Finding] {
        guard context.config.allowRawHTML else { return [] }
        return page.facts.removedHTML.map { Finding(page: page, location: $0.location, message: $0.message) }
    }
}

/// `> [!CAUTION]` and other markers HealthGuide does not know are shown as plain quotes.
public struct UnknownCardRule: PageRule {
    public let id = RuleID.unknownCard

    public func check(page: Page, context: PageCheckContext) -> [Finding] {
        let known = CareCardKind.allCases.map(\.rawValue)
        return page.facts.unknownCardMarkers.map { marker in
            let suggestion = Suggestion.closest(to: marker.name.uppercased(), in: known).map { " (did you mean '[!\($0)]'?)" } ?? ""
            return Finding(
                page: page, location: marker.location, message: "unknown card '[!\(marker.name)]'\(suggestion)",
                hint: "use one of " + known.map { "[!\($0)]" }.joined(separator: ", "))
        }
    }
}
