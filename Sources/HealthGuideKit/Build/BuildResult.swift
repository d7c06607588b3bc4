import Foundation
import HealthGuideBase
import HealthGuideChecks
import HealthGuideLinks
import HealthGuideOutput

/// How a build ended; the command line turns it into the exit status.
public enum BuildStatus: Int32, Sendable {
    case success = 0
    /// Errors in the content (or warnings, in strict mode).
    case contentErrors = 1
    /// Bad options, settings or templates: nothing could be built.
    case configurationError = 2
}

/// The outcome of a build or check.
public struct BuildResult: Sendable {
    public var status: BuildStatus
    public var diagnostics: [Diagnostic]
    /// Why the build would not write into its output folder, when it would not.
    public var refusal: OutputRefusal.Reason?
    public var written = 0
    /// The output paths written, sorted: the preview server tells a stylesheet swap from a page change.
    public var writtenFiles: [String] = []
    public var unchanged = 0
    public var removed = 0
    /// Pages whose templates were rendered in this build (the rest were proven current).
    public var rendered = 0
    /// Markdown files read, parsed and checked in this build (the rest came from the page cache).
    public var prepared = 0
    /// True for a quick rebuild after a save (`SiteBuilder.rebuild(changed:)`), which
    /// reused the last build's graph instead of building a new one.
    public var isQuick = false
    public var searchIndexBytes = 0
    public var seconds = 0.0
    /// The steps of `build()` and how long each took; empty when it stopped at bad settings
    /// or templates, and for a quick rebuild.
    public var timings = BuildTimings()
    /// The linked site, for reports; nil when loading failed or no input had changed.
    public var graph: SiteGraph?
    /// How many pages' links were resolved for `graph` (the others' came from the page cache),
    /// and whether its structure was worked out rather than taken from the cache.
    public var linksResolved = 0
    public var structureIsNew = false
    /// The editor's record of every article; filled by `check()` only.
    public var articles: [ArticleRecord] = []
    /// Every translation with its state; filled by `check()` only.
    public var translations: [TranslationRecord] = []

    public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
    public var warningCount: Int { diagnostics.filter { $0.severity == .warning }.count }

    /// `Built 52 files (3 written, 49 unchanged, 0 removed), 0 warnings, search index 41 KB in 0.12 s`
    public var summary: String {
        let total = written + unchanged
        let kilobytes = (searchIndexBytes + 1023) / 1024
        return "Built \(total) files (\(written) written, \(unchanged) unchanged, \(removed) removed), "
            + "\(warningCount) warning\(warningCount == 1 ? "" : "s"), search index \(kilobytes) KB in "
            + String(format: "%.2f s", seconds)
    }
}
