import HealthGuideBase
import HealthGuideContent

/// The `<img>` of one image, written as cmark-gfm writes its own (the source escaped as
/// `CmarkDestination` does, so a body rendered before linking fills in the same way), with
/// the width and height of the file, and `loading="lazy"` for images after the first.
public struct ImageTag {
    public var source: String
    public var alt: String
    public var size: ImageSize?
    /// The first image of a page may be on the first screen, and loading it lazily would only
    /// delay it; later images load as the reader scrolls toward them.
    public var loadsLazily: Bool
    public var allowRawHTML: Bool
    public var title = ""

    public var html: String {
        var output: [UInt8] = Array("<img src=\"".utf8)
        CmarkDestination.append(source, allowRawHTML: allowRawHTML, to: &output)
        output += "\" alt=\"".utf8
        HTML.appendEscaped(alt, to: &output)
        output += "\"".utf8
        if !title.isEmpty {
            output += " title=\"".utf8
            HTML.appendEscaped(title, to: &output)
            output += "\"".utf8
        }
        if let size {
            output += " width=\"\(size.width)\" height=\"\(size.height)\"".utf8
        }
        if loadsLazily {
            output += " loading=\"lazy\"".utf8
        }
        output += " />".utf8
        return String(decoding: output, as: UTF8.self)
    }

    /// The image in a figure, with `caption` under it.
    public func figure(caption: String) -> String {
        "<figure>" + html + "<figcaption>" + HTML.escape(caption) + "</figcaption></figure>\n"
    }
}
