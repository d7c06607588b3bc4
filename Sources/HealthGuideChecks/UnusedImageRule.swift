import HealthGuideBase
import HealthGuideLinks

/// An image no page shows or links to would be published for nothing, and is often one a
/// page meant to show under another name.
public struct UnusedImageRule: SiteRule {
    public let id = RuleID.unusedImage

    public func check(_ context: CheckContext) -> [Finding] {
        let media = context.graph.media
        guard !media.images.isEmpty else { return [] }
        var used = Set<String>()
        for page in context.graph.pages {
            for link in page.facts.links {
                if let target = MediaFiles.target(of: link.destination, fromFile: page.source.path) { used.insert(target) }
            }
        }
        return media.images.keys.filter { !used.contains($0) }.sorted().map { path in
            Finding(
                file: media.displayPaths[path] ?? path, location: nil, message: "image '\(path)' is not used by any page",
                hint: "show it on a page with ![what it shows](../\(path)), or delete it")
        }
    }
}
