import HealthGuideBase
import HealthGuideLinks

/// Every page shows when it was last reviewed and when the next review is due
/// (`reviewed` + `review_interval_months`). A review date in the future is an error: the page
/// would claim a check that has not happened. A next review that has passed is a warning, or
/// an error when the site sets `review-date: error`.
public struct ReviewDateRule: PageRule {
    public let id = RuleID.reviewDate

    public func check(page: Page, context: PageCheckContext) -> [Finding] {
        let matter = page.source.frontMatter
        guard let reviewed = matter.reviewed else { return [] }
        let location = matter.locations["reviewed"]
        if reviewed > context.today {
            return [
                Finding(
                    page: page, location: location,
                    message: "reviewed date \(reviewed) is in the future (today is \(context.today))",
                    hint: "write the day of the last clinical review", severity: .error)
            ]
        }
        let months = context.config.reviewIntervalMonths
        guard let due = reviewed.adding(months: months), due < context.today else { return [] }
        return [
            Finding(
                page: page, location: location,
                message: "next review was due on \(due) (\(months) months after \(reviewed))",
                hint: "have the article reviewed again, then update 'reviewed'")
        ]
    }
}
