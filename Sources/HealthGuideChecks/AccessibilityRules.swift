import Foundation
import HealthGuideBase
import HealthGuideContent
import HealthGuideLinks

// Checks from WCAG 2.2 that the Markdown alone can answer.

/// Screen-reader users hear the alt text instead of seeing the picture (WCAG 1.1.1).
public struct AltTextRule: PageRule {
    public let id = RuleID.altText

    public func check(page: Page, context: PageCheckContext) -> [Finding] {
        page.facts.links.filter { $0.isImage && $0.text.isBlank }.map { image in
            Finding(
                page: page, location: image.location, message: "image '\(image.destination)' has no alt text",
                hint: "say what the picture shows inside the brackets: ![A person kneeling on all fours](…)")
        }
    }
}

/// Headings are how screen-reader users move through a page (WCAG 1.3.1). The template shows
/// the page title as the one level-1 heading, so the body starts at `##` and goes down one
/// level at a time.
public struct HeadingOrderRule: PageRule {
    public let id = RuleID.headingOrder

    public func check(page: Page, context: PageCheckContext) -> [Finding] {
        var findings: [Finding] = []
        var previousLevel = 1
        for heading in page.facts.headings {
            if heading.level == 1 {
                findings.append(
                    Finding(
                        page: page, location: heading.location,
                        message: "more than one level-1 heading: '\(heading.text)' (the page title is already one)",
                        hint: "use '##' for the main headings of the body"))
            } else if heading.level > previousLevel + 1 {
                findings.append(
                    Finding(
                        page: page, location: heading.location,
                        message: "heading '\(heading.text)' skips from level \(previousLevel) to level \(heading.level)",
                        hint: "use '\(String(repeating: "#", count: previousLevel + 1))' here"))
            }
            previousLevel = heading.level
        }
        return findings
    }
}

/// Link text must say where the link goes, because screen readers list links out of context
/// (WCAG 2.4.4): no "click here", no bare web address.
public struct LinkTextRule: PageRule {
    public let id = RuleID.linkText

    public static let vagueTexts: Set<String> = [
        "click", "click here", "go", "here", "learn more", "link", "more", "more info", "more information",
        "page", "read more", "see here", "this", "this link", "this page",
    ]

    public func check(page: Page, context: PageCheckContext) -> [Finding] {
        page.facts.links.filter { !$0.isImage }.compactMap { link in
            let text = link.text.trimmingWhitespace
            if Self.mayBeVague(text),
                Self.vagueTexts.contains(Self.trimmingPunctuation(text.lowercased()).trimmingWhitespace)
            {
                return Finding(
                    page: page, location: link.location, message: "link text '\(text)' does not say where the link goes",
                    hint: "use words that name the page: 'read about [ice and heat](…)'")
            }
            if Self.isBareAddress(text, destination: link.destination) {
                return Finding(
                    page: page, location: link.location, message: "link text is a bare web address '\(text)'",
                    hint: "name the page or the site in the link text instead of its address")
            }
            return nil
        }
    }

    /// False when the text has more ASCII letters than any vague text: folding keeps every
    /// one of them, so it cannot fold to one. Most link texts are long, and Foundation's
    /// trimming of punctuation was most of the cost of this rule.
    private static func mayBeVague(_ text: String) -> Bool {
        text.utf8.lazy.filter { (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) }.count <= mostVagueLetters
    }

    /// The text without punctuation (Unicode's categories P*, as Foundation's
    /// `punctuationCharacters`) at either end: "here." and "(more)" are as vague as their
    /// words. Trimmed by scalar properties, at a tenth of Foundation's cost.
    public static func trimmingPunctuation(_ text: String) -> String {
        var scalars = text.unicodeScalars[...]
        while let first = scalars.first, isPunctuation(first) { scalars.removeFirst() }
        while let last = scalars.last, isPunctuation(last) { scalars.removeLast() }
        return String(scalars)
    }

    private static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
            .initialPunctuation, .finalPunctuation, .otherPunctuation:
            return true
        default: return false
        }
    }

    private static let mostVagueLetters = vagueTexts.map { $0.filter(\.isLetter).count }.max() ?? 0

    public static func isBareAddress(_ text: String, destination: String) -> Bool {
        let lowered = text.lowercased()
        return lowered.hasPrefix("http://") || lowered.hasPrefix("https://") || lowered.hasPrefix("www.")
            || (text == destination && text.contains(":"))
    }
}

/// Screen readers name each cell by its column header (WCAG 1.3.1); GFM tables always have a
/// header row, but it can be left blank.
public struct TableHeaderRule: PageRule {
    public let id = RuleID.tableHeader

    public func check(page: Page, context: PageCheckContext) -> [Finding] {
        page.facts.tables.filter { !$0.hasHeaderText }.map { table in
            Finding(
                page: page, location: table.location, message: "table has no header text",
                hint: "name each column in the table's first row")
        }
    }
}

/// Two pages with one title cannot be told apart in search results, tabs and link lists
/// (WCAG 2.4.2).
public struct DuplicateTitleRule: SiteRule {
    public let id = RuleID.duplicateTitle

    public func check(_ context: CheckContext) -> [Finding] {
        let pages = context.graph.pages
        let order = context.graph.titleOrder
        var findings: [Finding] = []
        // In title order equal titles sit together, the first by path first. Only a run of
        // two or more pages is looked at: this runs over every page on every build.
        var start = 0
        while start < order.count {
            let titleKey = pages[order[start]].titleKey
            var end = start + 1
            while end < order.count, pages[order[end]].titleKey == titleKey { end += 1 }
            if end - start > 1, !titleKey.isEmpty {
                findings += Self.findings(among: order[start..<end], pages: pages)
            }
            start = end
        }
        return findings
    }

    /// The findings among pages of one title, in title order. A translation may keep its
    /// source's title (a medicine's name): titles are compared within a language.
    private static func findings(among sameTitle: ArraySlice<Int>, pages: [Page]) -> [Finding] {
        var firstInLanguage: [String: Int] = [:]
        var findings: [Finding] = []
        for index in sameTitle {
            let page = pages[index]
            let language = page.source.language ?? ""
            guard let earlier = firstInLanguage[language] else {
                firstInLanguage[language] = index
                continue
            }
            findings.append(
                Finding(
                    page: page, location: page.source.frontMatter.locations["title"] ?? .start,
                    message: "title '\(page.title)' is also the title of \(pages[earlier].source.displayPath)",
                    hint: "give each page a title of its own"))
        }
        return findings
    }
}
