import Foundation

/// What to build and how; the command line fills this in.
public struct BuildOptions: Sendable {
    public var contentDirectory: URL
    public var templatesDirectory: URL
    public var outputDirectory: URL
    /// Include pages marked `draft: true`.
    public var includeDrafts = false
    /// Ignore the last build's manifest and render every page.
    public var clean = false
    /// Warnings fail the build too.
    public var strict = false
    /// Build into an output folder that holds files no build wrote (`OutputFolderGuard`).
    public var force = false
    /// Overrides `base_url` from `site.yml` (staging, production); checked by the same rules.
    public var baseURL: BaseURL?
    /// The day review dates are judged by.
    public var today: CalendarDate = .today

    public init(contentDirectory: URL, templatesDirectory: URL, outputDirectory: URL) {
        self.contentDirectory = contentDirectory
        self.templatesDirectory = templatesDirectory
        self.outputDirectory = outputDirectory
    }

    /// `Content/`, `Templates/` and `Site/` in `folder`.
    public static func defaults(in folder: URL) -> BuildOptions {
        BuildOptions(
            contentDirectory: folder.appendingPathComponent("Content"),
            templatesDirectory: folder.appendingPathComponent("Templates"),
            outputDirectory: folder.appendingPathComponent("Site"))
    }
}

extension CalendarDate {
    /// Today in UTC. Counted from the clock's seconds: setting up a Foundation calendar took
    /// most of a millisecond, which every build paid, even one that finds nothing changed.
    public static var today: CalendarDate {
        let days = Int((Date().timeIntervalSince1970 / 86_400).rounded(.down))
        // The clock of any running system is within years 1 to 9999.
        return CalendarDate(daysSince1970: days) ?? CalendarDate(year: 1970, month: 1, day: 1)!
    }
}
