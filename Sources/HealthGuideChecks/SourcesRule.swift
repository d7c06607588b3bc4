import Foundation
import HealthGuideBase
import HealthGuideContent
import HealthGuideLinks

/// Claims need sources a reader can follow up: at least one per article, each with a title
/// and a publisher, and any URL a full web address.
public struct SourcesRule: PageRule {
    public let id = RuleID.sources

    public func check(page: Page, context: PageCheckContext) -> [Finding] {
        guard page.isArticle else { return [] }
        let matter = page.source.frontMatter
        // A missing `sources:` field is already reported by the loader.
        guard let fieldLocation = matter.locations["sources"] else { return [] }
        guard !matter.sources.isEmpty else {
            return [
                Finding(
                    page: page, location: fieldLocation, message: "article lists no sources",
                    hint: "add at least one source with a title and a publisher")
            ]
        }
        var findings: [Finding] = []
        for (index, source) in matter.sources.enumerated() {
            let location = source.location ?? fieldLocation
            let name = source.title.map { "source '\($0)'" } ?? "source \(index + 1)"
            if source.title == nil {
                findings.append(
                    Finding(
                        page: page, location: location, message: "\(name) has no title",
                        hint: "add 'title:' with the title of the page, leaflet or paper"))
            }
            if source.publisher == nil {
                findings.append(
                    Finding(
                        page: page, location: location, message: "\(name) has no publisher",
                        hint: "add 'publisher:' with who published it (NHS, Mayo Clinic, a journal…)"))
            }
            if let url = source.url, !WebAddress.isValid(url) {
                findings.append(
                    Finding(
                        page: page, location: location, message: "\(name) has a malformed URL '\(url)'",
                        hint: "write the full address, starting with https://"))
            }
        }
        return findings
    }
}
