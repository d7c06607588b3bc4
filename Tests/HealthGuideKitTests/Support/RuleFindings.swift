import Foundation
import HealthGuideTestSupport

@testable import HealthGuideBase
@testable import HealthGuideChecks
@testable import HealthGuideContent
@testable import HealthGuideKit
@testable import HealthGuideLinks
@testable import HealthGuideMarkdown
@testable import HealthGuideOutput
@testable import HealthGuideRender
@testable import Mustache

extension TestSite {
    /// `check()` with review dates judged as of `today`.
    func check(today: String) -> BuildResult {
        var options = options
        options.today = CalendarDate(iso: today)!
        return SiteBuilder(options: options).check()
    }

    /// The first line of each diagnostic of `rule`, as the command line prints it but with paths
    /// relative to the site's folder: `Content/causes/x.md:10:1: warning: … [rule]`.
    func findings(_ rule: RuleID, today: String = "2026-11-21") -> [String] {
        check(today: today).diagnostics.filter { $0.rule == rule }.map(relative)
    }

    func relative(_ diagnostic: Diagnostic) -> String {
        let firstLine = diagnostic.description.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? ""
        return firstLine.replacingOccurrences(of: root.path + "/", with: "")
    }
}

extension Fixture {
    /// The small valid site with more files added or replaced.
    static func smallSite(adding files: [String: String]) -> [String: String] {
        smallSite().merging(files) { _, added in added }
    }

    /// `siteYML` with a warning-signs section, for the care-card rules.
    static let siteWithWarningSigns = siteYML.replacingOccurrences(
        of: "disclaimer:",
        with: """
              - id: warning-signs
                title: "When to get help"
                description: "Signs that need care."
            disclaimer:
            """)
}
