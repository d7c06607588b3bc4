import Foundation

/// What one build leaves for the next in the same process: the manifest and the page cache.
/// The preview server keeps one, so a rebuild after a save neither reads nor decodes them
/// from disk; the command line, which builds once, reads them from the output folder.
public final class BuildMemory: @unchecked Sendable {
    private let lock = NSLock()
    private var manifest: BuildManifest?
    private var pages: PageCache?

    public init() {}

    var last: (manifest: BuildManifest?, pages: PageCache?) {
        lock.withLock { (manifest, pages) }
    }

    func forget() {
        lock.withLock {
            manifest = nil
            pages = nil
        }
    }

    func remember(manifest: BuildManifest, pages: PageCache?) {
        lock.withLock {
            self.manifest = manifest
            if let pages { self.pages = pages }
        }
    }
}
