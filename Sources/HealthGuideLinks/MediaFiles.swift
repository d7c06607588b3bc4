import HealthGuideContent
import HealthGuideMarkdown

/// The files of `Content/images/` that links may point to, with what was read of each image.
public struct MediaFiles: Sendable {
    /// Content paths: `images/cat-cow-start.svg`.
    public let paths: Set<String>
    /// By content path, each file with an image's extension: its size, or why it cannot be shown.
    public let images: [String: ImageReading]
    /// By content path, how diagnostics name an image file.
    public let displayPaths: [String: String]

    public init(_ files: [StaticFile]) {
        paths = Set(files.map(\.path))
        var images: [String: ImageReading] = [:]
        var displayPaths: [String: String] = [:]
        for file in files {
            guard let image = file.image else { continue }
            images[file.path] = image
            displayPaths[file.path] = file.displayPath
        }
        self.images = images
        self.displayPaths = displayPaths
    }

    /// Part of the site's shape (`SiteShape.extras`): every path, and every image's size or
    /// problem, since links to an image are checked against it and pages show its size.
    public var shapeParts: [String] {
        paths.sorted().map { path in
            switch images[path] {
            case let .size(size)?: return path + " \(size.width)x\(size.height)"
            case let .unreadable(reason)?: return path + " !" + reason
            case nil: return path
            }
        }
    }

    /// The content path a link of the page at `file` points to, when it names a file of the
    /// content folder; nil for web addresses, fragments and paths outside the folder.
    public static func target(of destination: String, fromFile file: String) -> String? {
        guard LinkDestination.scheme(of: destination) == nil, !destination.hasPrefix("//") else { return nil }
        let path = LinkResolver.splitFragment(destination).path
        guard !path.isEmpty, let decoded = path.percentDecoded else { return nil }
        return SitePath.resolve(decoded, fromFile: file)
    }

    /// For each of `links`, the links of the page at `file` in document order, the size of the
    /// image it shows; nil for links, images from other sites, and images that cannot be read.
    /// Empty when the site has no images or the page shows none.
    public func sizes(of links: [LinkFact], fromFile file: String) -> [ImageSize?] {
        guard !images.isEmpty, links.contains(where: \.isImage) else { return [] }
        return links.map { link in
            guard link.isImage, let target = Self.target(of: link.destination, fromFile: file),
                case let .size(size)? = images[target]
            else { return nil }
            return size
        }
    }
}
