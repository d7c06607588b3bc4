import Foundation
import HealthGuideTestSupport
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

@Suite("Rule severities, hints and the editor's report")
struct RuleSeverityTests {
    /// An article that breaks the orphan, long-paragraph and readability rules at once: one
    /// paragraph of six sentences "Medication reduces inflammation." (3 words, 4 + 3 + 4 syllables).
    /// FK = 0.39 × 18/6 + 11.8 × 66/18 − 15.59 = 1.17 + 43.267 − 15.59 = 28.847
    static let brokenArticle = Fixture.article(
        title: "Therapy",
        body: Array(repeating: "Medication reduces inflammation.", count: 6)
            .joined(separator: " "))

    @Test("site.yml can raise a rule to error, lower it to warning or turn it off")
    func severityOverrides() throws {
        let site = try TestSite(Fixture.smallSite(adding: ["causes/therapy.md": Self.brokenArticle]))
        let defaults = site.check().diagnostics
        #expect(defaults.filter { $0.rule == .orphan }.map(\.severity) == [.warning])
        #expect(defaults.filter { $0.rule == .readability }.map(\.severity) == [.error])
        #expect(defaults.filter { $0.rule == .longParagraph }.map(\.severity) == [.warning])

        try site.write("site.yml", Fixture.siteYML + "\nrules:\n  orphan: error\n  readability: warning\n  long-paragraph: off\n")
        let configured = site.check().diagnostics
        #expect(configured.filter { $0.rule == .orphan }.map(\.severity) == [.error])
        #expect(configured.filter { $0.rule == .readability }.map(\.severity) == [.warning])
        #expect(configured.filter { $0.rule == .longParagraph }.isEmpty)
    }

    @Test("'review-date: error' makes a passed next-review date an error")
    func overdueReviewAsError() throws {
        let site = try TestSite(
            Fixture.smallSite(adding: [
                "site.yml": Fixture.siteYML + "\nrules:\n  review-date: error\n",
                "causes/rest.md": Fixture.article(title: "Rest", body: "Rest a little.", reviewed: "2025-01-01"),
            ]))
        #expect(
            site.findings(.reviewDate) == [
                "Content/causes/rest.md:4:1: error: next review was due on 2026-01-01 (12 months after 2025-01-01) [review-date]"
            ])
    }

    @Test("every finding of the content rules has a position and a hint")
    func findingsHaveHints() throws {
        let body = """
            # Therapy

            #### Details

            Physical therapists recommend rehabilitation programs. Rest. Walk. Sleep. Eat. Drink.

            ![](../images/none.png) [here](../causes/muscle-strain.md)

            |  |  |
            |--|--|
            | a | b |

            > [!URGENT]
            > Call today.
            """
        let site = try TestSite(
            Fixture.smallSite(adding: [
                "causes/therapy.md": Fixture.article(title: "Muscle strain", body: body, reviewed: "2020-01-01")
            ]))
        let ruleIDs = Set(RuleEngine.standardRules.map(\.id))
        let findings = site.check().diagnostics.filter { ruleIDs.contains($0.rule) }
        #expect(
            Set(findings.map(\.rule)) == [
                .headingOrder, .longParagraph, .altText, .linkText, .tableHeader, .emptyCard, .reviewDate,
                .duplicateTitle, .orphan,
            ])
        for finding in findings {
            #expect(finding.location != nil, "\(finding)")
            #expect(finding.hint != nil, "\(finding)")
        }
    }

    @Test("check() returns each article's record: path, grade, words, minutes, sources, next review")
    func articleRecords() throws {
        let site = try TestSite(Fixture.smallSite(adding: ["causes/therapy.md": Self.brokenArticle]))
        let result = site.check()
        #expect(
            result.articles.map { $0.path.replacingOccurrences(of: site.root.path + "/", with: "") } == [
                "Content/causes/muscle-strain.md", "Content/causes/therapy.md",
                "Content/stretches/cat-cow.md", "Content/stretches/knee-to-chest.md",
            ])
        let therapy = try #require(result.articles.first { $0.title == "Therapy" })
        #expect(therapy.grade == 28.8)
        #expect(therapy.words == 18)
        #expect(therapy.readingMinutes == 1)
        #expect(therapy.sources == 1)
        #expect(therapy.reviewed == "2026-11-01")
        #expect(therapy.nextReview == "2027-11-01")
    }

    @Test("the JSON form of a record carries its path and grade")
    func recordJSON() throws {
        let site = try TestSite(Fixture.smallSite())
        let record = try #require(site.check().articles.first)
        let json = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(record)) as? [String: Any])
        #expect(json["path"] as? String == record.path)
        #expect(json["grade"] as? Double == record.grade)
        #expect(Set(json.keys).isSuperset(of: ["words", "readingMinutes", "sources", "nextReview"]))
    }

    @Test("the --report table has a header and one aligned row per article")
    func reportTable() throws {
        let site = try TestSite(Fixture.smallSite())
        let records = site.check().articles.map { record -> ArticleRecord in
            var record = record
            record.path = record.path.replacingOccurrences(of: site.root.path + "/", with: "")
            return record
        }
        let lines = ArticleRecord.table(records).split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        #expect(lines[0] == "Article                             Grade  Words  Minutes  Sources  Next review")
        #expect(lines[1].hasPrefix("Content/causes/muscle-strain.md "))
        #expect(lines[1].hasSuffix("       1        1  2027-11-01"))
    }
}
