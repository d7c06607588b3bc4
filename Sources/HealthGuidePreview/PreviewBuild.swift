import HealthGuideKit

/// A build the preview ran, for the terminal.
public struct PreviewBuild: Sendable {
    public var result: BuildResult
    /// The changed files that started it, as the user names them; empty for the first build.
    public var changedFiles: [String]

    public var isFirst: Bool { changedFiles.isEmpty }
}
