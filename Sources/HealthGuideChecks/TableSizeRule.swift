import HealthGuideBase
import HealthGuideLinks

/// A table larger than `limits.table_cells`: no patient reads it, and a huge one would take the
/// build minutes and gigabytes to render.
public struct TableSizeRule: PageRule {
    public let id = RuleID.tableTooLarge

    public func check(page: Page, context: PageCheckContext) -> [Finding] {
        let limit = context.config.limits.tableCells
        return page.facts.tables.filter { $0.cells > limit }.map { table in
            Finding(
                page: page, location: table.location, message: "table has \(table.cells) cells, more than the \(limit) a table may have",
                hint: "split the table, or raise limits.table_cells in site.yml")
        }
    }
}
