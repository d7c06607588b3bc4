import Foundation

/// An image's size in CSS pixels, written into its `<img>` so the page does not move as it loads.
public struct ImageSize: Sendable, Hashable {
    public var width: Int
    public var height: Int

    /// Sizes beyond this are taken for a damaged header rather than a picture.
    public static let largest = 65_535

    public init?(width: Int, height: Int) {
        guard (1...Self.largest).contains(width), (1...Self.largest).contains(height) else { return nil }
        self.width = width
        self.height = height
    }
}

/// What was read of a file with an image's extension: its size, or why it cannot be shown.
public enum ImageReading: Sendable, Hashable {
    case size(ImageSize)
    case unreadable(String)

    /// The image formats a page may show, by lower-case file extension.
    public static let extensions: Set<String> = ["svg", "png", "jpg", "jpeg", "webp", "gif"]

    /// Reads the size from the header of `data`, the contents of `path`; nil when the path has
    /// no image extension. Only the first bytes a format needs are read, each one checked
    /// against the length first, so a short or damaged file gives a reason and never a crash.
    public static func read(_ data: Data, path: String) -> ImageReading? {
        let fileExtension = (path as NSString).pathExtension.lowercased()
        guard extensions.contains(fileExtension) else { return nil }
        if fileExtension == "svg" { return SVGSize.read([UInt8](data)) }
        let header = [UInt8](data.prefix(RasterHeader.bytesNeeded))
        let (size, format): (ImageSize?, String)
        switch fileExtension {
        case "png": (size, format) = (RasterHeader.png(header), "PNG")
        case "jpg", "jpeg": (size, format) = (RasterHeader.jpeg([UInt8](data)), "JPEG")
        case "webp": (size, format) = (RasterHeader.webp(header), "WebP")
        default: (size, format) = (RasterHeader.gif(header), "GIF")
        }
        return size.map(ImageReading.size) ?? .unreadable("not a \(format) image with a readable size")
    }
}
