import HealthGuideBase

/// What an SVG file must not hold before it is published: pictures are shown as images, and
/// an SVG opened on its own is a document that can run code and load other files. Each
/// finding names what was found and where.
public enum SVGSafety {
    public struct Problem: Equatable {
        public var message: String
        public var location: SourceLocation
    }

    /// Elements that run code or carry a page of HTML inside the picture.
    private static let forbiddenElements: Set<String> = ["script", "foreignobject", "iframe", "embed", "object"]

    public static func problems(in bytes: [UInt8]) -> [Problem] {
        let markup = SVGMarkup(bytes)
        var problems: [Problem] = []
        for element in markup.elements {
            if forbiddenElements.contains(element.localName) {
                problems.append(Problem(message: "a <\(element.name)> element", location: element.location))
            }
            // `<set attributeName="href" to="javascript:…">` changes a link once the picture runs.
            if ["set", "animate"].contains(element.localName), let animated = element.attribute("attributeName"),
                SVGMarkup.Element.local(animated) == "href" || SVGMarkup.Element.local(animated).hasPrefix("on")
            {
                problems.append(Problem(message: "an animation of '\(animated)'", location: element.location))
            }
            for attribute in element.attributes {
                let name = SVGMarkup.Element.local(attribute.name)
                if name.hasPrefix("on") {
                    problems.append(Problem(message: "an event attribute '\(attribute.name)'", location: attribute.location))
                } else if name == "href", !attribute.value.trimmingWhitespace.hasPrefix("#") {
                    problems.append(
                        Problem(
                            message: "an external reference \(attribute.name)=\"\(attribute.value)\"",
                            location: attribute.location))
                } else {
                    problems += styleProblems(attribute.value, at: attribute.location)
                }
            }
        }
        for style in markup.styles {
            problems += styleProblems(style.text, at: style.location)
        }
        return problems
    }

    /// `@import` and `url(…)` to anything but a `#fragment` of the same file, in a style sheet
    /// or an attribute (`style`, `fill`, `filter`…). CSS escapes are not decoded: a backslash
    /// is reported instead, since it could spell either.
    private static func styleProblems(_ text: String, at location: SourceLocation) -> [Problem] {
        let lowered = text.lowercased()
        var problems: [Problem] = []
        if lowered.contains("@import") {
            problems.append(Problem(message: "an @import in a style", location: location))
        }
        var rest = Substring(lowered)
        while let range = rest.range(of: "url(") {
            let target = rest[range.upperBound...].drop { $0 == " " || $0 == "\"" || $0 == "'" }
            if !target.hasPrefix("#") {
                let shown = String(target.prefix { $0 != ")" && $0 != "\"" && $0 != "'" }.prefix(60)).trimmingWhitespace
                problems.append(Problem(message: "an external reference url(\(shown))", location: location))
            }
            rest = rest[range.upperBound...]
        }
        if lowered.contains("\\") {
            problems.append(Problem(message: "a backslash escape in a style", location: location))
        }
        return problems
    }
}
