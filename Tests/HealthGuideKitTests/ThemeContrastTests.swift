import Foundation
import HealthGuideTestSupport
import Testing

/// The theme's palette meets WCAG 2.2 AA: every text colour on every background it is used on
/// has a contrast of at least 4.5:1, in the light palette and in the dark one
/// (`prefers-color-scheme: dark`), and so do the headings of the care cards.
/// The colours are read from the custom properties of `Templates/assets/site.css`.
@Suite("Theme colour contrast")
struct ThemeContrastTests {
    /// Text colour on background colour, as the stylesheet uses them.
    static let textPairs: [(text: String, background: String, usedFor: String)] = [
        ("--text", "--background", "body text"),
        ("--text", "--surface", "text in the footer, callouts and section cards"),
        ("--muted", "--background", "review dates, breadcrumbs, aliases"),
        ("--muted", "--surface", "secondary text on grey panels"),
        ("--link", "--background", "links"),
        ("--link", "--surface", "links in the footer and callouts"),
        ("--link-visited", "--background", "visited links"),
        ("--link-visited", "--surface", "visited links in the footer"),
        ("--link-hover", "--background", "links under the pointer"),
        ("--link-hover", "--surface", "links under the pointer in the footer"),
        ("--brand-text", "--brand", "the header, its links, the search button"),
        ("--focus-text", "--focus", "a link with keyboard focus"),
        ("--tip-text", "--tip-background", "glossary definitions shown on hover and focus"),
        ("--care-heading-text", "--care-non-urgent", "non-urgent care card heading"),
        ("--care-heading-text", "--care-urgent", "urgent care card heading"),
        ("--care-heading-text", "--care-emergency", "emergency care card heading"),
        ("--care-emergency-text", "--care-emergency-dark", "emergency care card list"),
        ("--text", "--background", "non-urgent and urgent care card lists"),
    ]

    static let stylesheet = TestSite.repository.appendingPathComponent("Templates/assets/site.css")

    @Test("text colours have a contrast of at least 4.5:1 in both palettes", arguments: ColourScheme.allCases)
    func textContrast(scheme: ColourScheme) throws {
        let palette = try Palette.load(Self.stylesheet, scheme: scheme)
        for pair in Self.textPairs {
            let text = try #require(palette.colour(pair.text), "\(scheme): \(pair.text) is not a colour")
            let background = try #require(palette.colour(pair.background), "\(scheme): \(pair.background) is not a colour")
            let ratio = text.contrast(with: background)
            #expect(ratio >= 4.5, "\(scheme): \(pair.text) on \(pair.background) (\(pair.usedFor)) is \(String(format: "%.2f", ratio)):1")
        }
    }

    @Test("the care cards keep their level colours and readable headings in both palettes", arguments: ColourScheme.allCases)
    func careCards(scheme: ColourScheme) throws {
        let palette = try Palette.load(Self.stylesheet, scheme: scheme)
        let white = try #require(RGB(hex: "#ffffff"))
        for level in ["--care-non-urgent", "--care-urgent", "--care-emergency"] {
            let band = try #require(palette.colour(level), "\(level) is not a colour")
            let heading = try #require(palette.colour("--care-heading-text"))
            #expect(heading.contrast(with: band) >= 4.5, "\(scheme): the \(level) heading is \(heading.contrast(with: band)):1")
            // White headings on a strong band, as on the NHS website.
            #expect(heading == white, "\(scheme): care card headings should be white")
        }
        let blue = try #require(palette.colour("--care-non-urgent"))
        let red = try #require(palette.colour("--care-urgent"))
        #expect(blue.b > blue.r, "\(scheme): non-urgent cards should be blue, not \(blue)")
        #expect(red.r > red.b && red.r > red.g, "\(scheme): urgent cards should be red, not \(red)")
        #expect(palette.colour("--care-emergency") == red, "\(scheme): emergency cards share the urgent red")
        let dark = try #require(palette.colour("--care-emergency-dark"))
        #expect(dark.luminance < 0.05, "\(scheme): the emergency card body should be dark, not \(dark)")
    }

    @Test("keyboard focus stands out from the page by at least 3:1", arguments: ColourScheme.allCases)
    func focusIndicator(scheme: ColourScheme) throws {
        let palette = try Palette.load(Self.stylesheet, scheme: scheme)
        let background = try #require(palette.colour("--background"))
        let focus = try #require(palette.colour("--focus"))
        let underline = try #require(palette.colour("--focus-text"))
        // The focus style is a yellow block with a dark bar under it: one of them must stand out.
        let best = max(focus.contrast(with: background), underline.contrast(with: background))
        #expect(best >= 3, "\(scheme): the focus indicator is only \(best):1 against the page")
    }

    @Test("the dark palette overrides the page colours and every var() used is defined")
    func paletteIsComplete() throws {
        let css = try Palette.stripComments(String(contentsOf: Self.stylesheet, encoding: .utf8))
        let light = try Palette.load(Self.stylesheet, scheme: .light)
        let dark = try Palette.load(Self.stylesheet, scheme: .dark)
        for name in ["--text", "--background", "--surface", "--link", "--muted"] {
            #expect(light.colour(name) != dark.colour(name), "\(name) is the same in dark mode")
        }
        let used = Set(css.matches(of: /var\((--[a-z0-9-]+)\)/).map { String($0.output.1) })
        // A property may also be set on a component (`.care-card { --card: … }`).
        let declared = Set(css.matches(of: /(--[a-z0-9-]+)\s*:/).map { String($0.output.1) })
        #expect(!used.isEmpty)
        for name in used.sorted() {
            #expect(light.values[name] != nil || declared.contains(name), "var(\(name)) is used but never defined")
        }
    }

    @Test("the contrast formula matches WCAG's own examples")
    func formula() throws {
        let black = try #require(RGB(hex: "#000")), white = try #require(RGB(hex: "#fff"))
        #expect(abs(black.contrast(with: white) - 21) < 0.001)
        #expect(abs(white.contrast(with: white) - 1) < 0.001)
        // #767676 on white is the classic lightest grey that passes 4.5:1.
        let grey = try #require(RGB(hex: "#767676"))
        #expect(abs(grey.contrast(with: white) - 4.54) < 0.01)
    }
}

extension ThemeContrastTests {
    enum ColourScheme: String, CaseIterable, CustomTestStringConvertible, Sendable {
        case light, dark
        var testDescription: String { rawValue }
    }

    /// An sRGB colour with WCAG 2 relative luminance and contrast ratio.
    struct RGB: Equatable, CustomStringConvertible {
        var r: Double, g: Double, b: Double

        init?(hex: String) {
            var digits = hex.trimmingCharacters(in: .whitespaces)
            guard digits.hasPrefix("#") else { return nil }
            digits.removeFirst()
            if digits.count == 3 { digits = digits.map { "\($0)\($0)" }.joined() }
            guard digits.count == 6, let value = UInt32(digits, radix: 16) else { return nil }
            r = Double((value >> 16) & 0xff) / 255
            g = Double((value >> 8) & 0xff) / 255
            b = Double(value & 0xff) / 255
        }

        var luminance: Double {
            func linear(_ c: Double) -> Double { c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4) }
            return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
        }

        func contrast(with other: RGB) -> Double {
            let (lighter, darker) = (max(luminance, other.luminance), min(luminance, other.luminance))
            return (lighter + 0.05) / (darker + 0.05)
        }

        var description: String {
            String(format: "#%02x%02x%02x", Int(r * 255 + 0.5), Int(g * 255 + 0.5), Int(b * 255 + 0.5))
        }
    }

    /// The custom properties of a stylesheet's `:root` rule, with the `:root` rule inside
    /// `@media (prefers-color-scheme: dark)` applied on top for the dark scheme.
    struct Palette {
        var values: [String: String]

        static func load(_ url: URL, scheme: ColourScheme) throws -> Palette {
            let css = stripComments(try String(contentsOf: url, encoding: .utf8))
            let (topLevel, darkMedia) = split(css)
            var values = try #require(rootDeclarations(in: topLevel), "site.css has no top-level :root rule")
            if scheme == .dark {
                let media = try #require(darkMedia, "site.css has no @media (prefers-color-scheme: dark) block")
                let overrides = try #require(rootDeclarations(in: media), "the dark media block has no :root rule")
                values.merge(overrides) { _, dark in dark }
            }
            return Palette(values: values)
        }

        /// The colour of a custom property, following `var(--other)` references.
        func colour(_ name: String, depth: Int = 0) -> RGB? {
            guard depth < 10, let value = values[name] else { return nil }
            if let reference = value.firstMatch(of: /^var\((--[a-z0-9-]+)\)$/) {
                return colour(String(reference.output.1), depth: depth + 1)
            }
            return RGB(hex: value)
        }

        static func stripComments(_ css: String) -> String {
            css.replacing(/\/\*[\s\S]*?\*\//, with: "")
        }

        /// The stylesheet without any at-rule blocks, and the body of the dark-scheme media block.
        private static func split(_ css: String) -> (topLevel: String, darkMedia: String?) {
            var topLevel = ""
            var darkMedia: String?
            var index = css.startIndex
            while index < css.endIndex {
                if css[index] == "@", let open = css[index...].firstIndex(of: "{") {
                    let prelude = css[index..<open]
                    let close = matchingBrace(in: css, from: open)
                    let body = String(css[css.index(after: open)..<close])
                    if prelude.contains("prefers-color-scheme: dark") || prelude.contains("prefers-color-scheme:dark") {
                        darkMedia = body
                    }
                    index = close < css.endIndex ? css.index(after: close) : close
                } else {
                    topLevel.append(css[index])
                    index = css.index(after: index)
                }
            }
            return (topLevel, darkMedia)
        }

        private static func matchingBrace(in css: String, from open: String.Index) -> String.Index {
            var depth = 0
            var index = open
            while index < css.endIndex {
                if css[index] == "{" { depth += 1 }
                if css[index] == "}" {
                    depth -= 1
                    if depth == 0 { return index }
                }
                index = css.index(after: index)
            }
            return css.endIndex
        }

        /// `--name: value;` declarations of the first `:root { … }` rule.
        private static func rootDeclarations(in css: String) -> [String: String]? {
            guard let match = css.firstMatch(of: /:root\s*\{([^}]*)\}/) else { return nil }
            var values: [String: String] = [:]
            for declaration in match.output.1.split(separator: ";") {
                guard let colon = declaration.firstIndex(of: ":") else { continue }
                let name = declaration[..<colon].trimmingCharacters(in: .whitespacesAndNewlines)
                let value = declaration[declaration.index(after: colon)...].trimmingCharacters(in: .whitespacesAndNewlines)
                if name.hasPrefix("--") { values[name] = value }
            }
            return values
        }
    }
}
