import Foundation
import HealthGuideBase
import HealthGuideContent
import HealthGuideOutput
import HealthGuideRender

/// What one build leaves for the next in the same process: the manifest, the page cache, and
/// the whole last good build. The preview server keeps one, so a rebuild after a save neither
/// reads nor decodes them from disk, and a save that keeps the site's shape is a quick
/// rebuild (`SiteBuilder.rebuild(changed:)`). The command line, which builds once, reads the
/// manifest and cache from the output folder instead.
public final class BuildMemory: @unchecked Sendable {
    private let lock = NSLock()
    private var manifest: BuildManifest?
    private var pages: PageCache?
    private var live: LiveBuild?

    public init() {}

    public var last: (manifest: BuildManifest?, pages: PageCache?, live: LiveBuild?) {
        lock.withLock { (manifest, pages, live) }
    }

    /// After a failed write the folder differs from every manifest but the one on disk.
    public func forget() {
        lock.withLock {
            manifest = nil
            pages = nil
            live = nil
        }
    }

    /// After a failed quick rebuild, whose findings the next build must find again in full.
    public func forgetLiveBuild() {
        lock.withLock { live = nil }
    }

    public func remember(manifest: BuildManifest, pages: PageCache?, live: LiveBuild?) {
        lock.withLock {
            self.manifest = manifest
            if let pages { self.pages = pages }
            self.live = live
        }
    }
}

/// The last good build, whole: what a quick rebuild starts from.
public struct LiveBuild: Sendable {
    public var site: LinkedSite
    public var templates: TemplateSet
    public var assets: AssetCatalog
    /// `SiteRenderer.siteKey` of the build; a save that keeps the shape keeps it too.
    public var siteKey: String
    public var diagnostics: [Diagnostic]
    /// Every file the build read: a changed path that is not among these and no longer
    /// exists came and went within one save.
    public var inputs: InputStamps
    /// True once the manifest on disk lists the output as unknown: quick rebuilds keep the
    /// real manifest in memory only, and a server killed meanwhile leaves a folder the next
    /// build rewrites rather than trusts.
    public var diskManifestIsPending = false
}
