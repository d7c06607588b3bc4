/// The size of an SVG image: its root element's `width` and `height` when both are plain
/// numbers (or pixels), otherwise the width and height of its `viewBox`.
public enum SVGSize {
    public static func read(_ bytes: [UInt8]) -> ImageReading {
        guard let root = SVGMarkup(bytes).elements.first, root.localName == "svg" else {
            return .unreadable("not an SVG image: it does not start with an <svg> element")
        }
        if let width = root.attribute("width").flatMap(pixels), let height = root.attribute("height").flatMap(pixels),
            let size = ImageSize(width: width, height: height)
        {
            return .size(size)
        }
        if let box = root.attribute("viewBox").map(numbers), box.count == 4,
            let size = ImageSize(width: Int(box[2].rounded()), height: Int(box[3].rounded()))
        {
            return .size(size)
        }
        return .unreadable("the <svg> element has no viewBox, nor a width and height in pixels")
    }

    /// "320", "320px", "320.5" → pixels; nil for percentages and other units.
    private static func pixels(_ text: String) -> Int? {
        var number = text.trimmingWhitespace
        if number.hasSuffix("px") { number.removeLast(2) }
        guard let value = Double(number), value.isFinite, value <= Double(ImageSize.largest) else { return nil }
        return Int(value.rounded())
    }

    private static func numbers(_ text: String) -> [Double] {
        text.split { $0 == " " || $0 == "," || $0 == "\t" || $0 == "\n" || $0 == "\r" }
            .compactMap { Double($0) }.filter { $0.isFinite && abs($0) <= Double(ImageSize.largest) }
    }
}
