import Foundation
import HealthGuideTestSupport
import Testing

@testable import HealthGuideBase
@testable import HealthGuideChecks
@testable import HealthGuideContent
@testable import HealthGuideKit
@testable import HealthGuideLinks
@testable import HealthGuideMarkdown
@testable import HealthGuideOutput
@testable import HealthGuideRender
@testable import Mustache

/// Small image files for tests, each with a size in its header.
enum ImageFixture {
    static func svg(width: Int, height: Int, body: String = "<path d=\"M0 0H10\"/>") -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\">\(body)</svg>\n"
    }

    static func png(width: Int, height: Int) -> Data {
        var bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8)
        bytes += bigEndian(width, 4) + bigEndian(height, 4) + [8, 6, 0, 0, 0]
        return Data(bytes)
    }

    static func gif(width: Int, height: Int) -> Data {
        Data(Array("GIF89a".utf8) + littleEndian(width, 2) + littleEndian(height, 2) + [0, 0, 0])
    }

    /// A baseline JPEG's start: an APP0 segment, then the start of frame.
    static func jpeg(width: Int, height: Int) -> Data {
        let app0: [UInt8] = [0xFF, 0xE0, 0, 16] + Array("JFIF".utf8) + [0, 1, 1, 0, 0, 1, 0, 1, 0, 0]
        let frame: [UInt8] = [0xFF, 0xC0, 0, 17, 8] + bigEndian(height, 2) + bigEndian(width, 2) + [3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]
        return Data([0xFF, 0xD8] + app0 + frame)
    }

    static func webpLossless(width: Int, height: Int) -> Data {
        let bits = (width - 1) | ((height - 1) << 14)
        return Data(Array("RIFF".utf8) + [30, 0, 0, 0] + Array("WEBPVP8L".utf8) + [10, 0, 0, 0, 0x2F] + littleEndian(bits, 4) + [0, 0])
    }

    static func webpLossy(width: Int, height: Int) -> Data {
        Data(
            Array("RIFF".utf8) + [30, 0, 0, 0] + Array("WEBPVP8 ".utf8) + [10, 0, 0, 0, 0, 0, 0, 0x9D, 0x01, 0x2A]
                + littleEndian(width, 2) + littleEndian(height, 2))
    }

    static func webpExtended(width: Int, height: Int) -> Data {
        Data(
            Array("RIFF".utf8) + [30, 0, 0, 0] + Array("WEBPVP8X".utf8) + [10, 0, 0, 0, 0, 0, 0, 0]
                + littleEndian(width - 1, 3) + littleEndian(height - 1, 3))
    }

    private static func bigEndian(_ value: Int, _ count: Int) -> [UInt8] {
        (0..<count).reversed().map { UInt8((value >> ($0 * 8)) & 0xFF) }
    }

    private static func littleEndian(_ value: Int, _ count: Int) -> [UInt8] {
        (0..<count).map { UInt8((value >> ($0 * 8)) & 0xFF) }
    }
}

@Suite("Image sizes from file headers")
struct ImageHeaderTests {
    private func size(_ data: Data, _ path: String) -> ImageReading? {
        ImageReading.read(data, path: path)
    }

    private func size(_ width: Int, _ height: Int) -> ImageReading {
        .size(ImageSize(width: width, height: height)!)
    }

    @Test("PNG, GIF, JPEG and the three kinds of WebP give the width and height of their headers")
    func rasterFormats() {
        #expect(size(ImageFixture.png(width: 640, height: 480), "a.png") == size(640, 480))
        #expect(size(ImageFixture.gif(width: 300, height: 2), "a.gif") == size(300, 2))
        #expect(size(ImageFixture.jpeg(width: 1024, height: 768), "a.JPG") == size(1024, 768))
        #expect(size(ImageFixture.jpeg(width: 5, height: 7), "a.jpeg") == size(5, 7))
        #expect(size(ImageFixture.webpLossless(width: 16_000, height: 9), "a.webp") == size(16_000, 9))
        #expect(size(ImageFixture.webpLossy(width: 800, height: 600), "a.webp") == size(800, 600))
        #expect(size(ImageFixture.webpExtended(width: 65_535, height: 1), "a.webp") == size(65_535, 1))
    }

    @Test("a header cut anywhere short of its size, and a file of another format, is unreadable, never a crash")
    func truncatedAndWrongHeaders() {
        // Each file, and how many bytes its header needs for the size.
        let files: [(Data, String, String, Int)] = [
            (ImageFixture.png(width: 640, height: 480), "a.png", "PNG", 24), (ImageFixture.gif(width: 3, height: 2), "a.gif", "GIF", 10),
            (ImageFixture.jpeg(width: 9, height: 9), "a.jpg", "JPEG", 29),
            (ImageFixture.webpLossless(width: 2, height: 2), "a.webp", "WebP", 25),
            (ImageFixture.webpLossy(width: 2, height: 2), "a.webp", "WebP", 30),
            (ImageFixture.webpExtended(width: 2, height: 2), "a.webp", "WebP", 30),
        ]
        for (data, path, format, needed) in files {
            let unreadable = ImageReading.unreadable("not a \(format) image with a readable size")
            for length in 0...data.count {
                let reading = size(data.prefix(length), path)
                if length < needed {
                    #expect(reading == unreadable, "\(path) cut at \(length)")
                } else {
                    #expect(reading != unreadable, "\(path) cut at \(length)")
                }
            }
            #expect(size(Data("not an image at all, just text".utf8), path) == unreadable)
        }
        #expect(size(ImageFixture.png(width: 0, height: 10), "a.png") == .unreadable("not a PNG image with a readable size"))
        #expect(size(ImageFixture.png(width: 70_000, height: 10), "a.png") == .unreadable("not a PNG image with a readable size"))
        // A JPEG segment with a length below 2 would not move the walk on.
        #expect(size(Data([0xFF, 0xD8, 0xFF, 0xE0, 0, 0, 0xFF, 0xC0]), "a.jpg") == .unreadable("not a JPEG image with a readable size"))
        #expect(size(Data("text".utf8), "notes.pdf") == nil)
    }

    @Test("an SVG's size is its width and height in pixels, or else its viewBox")
    func svgSizes() {
        func svg(_ attributes: String) -> ImageReading? {
            size(Data("<?xml version=\"1.0\"?>\n<!-- a drawing -->\n<svg \(attributes)><path d=\"M0 0\"/></svg>".utf8), "a.svg")
        }
        #expect(svg("width=\"320\" height=\"140\" viewBox=\"0 0 640 280\"") == size(320, 140))
        #expect(svg("width='120px' height='60.4px'") == size(120, 60))
        #expect(svg("width=\"100%\" height=\"100%\" viewBox=\"0,0,300,150\"") == size(300, 150))
        #expect(svg("viewBox=\"-10 -10 250.6 99.5\"") == size(251, 100))
        #expect(svg("width=\"100%\"") == .unreadable("the <svg> element has no viewBox, nor a width and height in pixels"))
        #expect(svg("viewBox=\"0 0 0 10\"") == .unreadable("the <svg> element has no viewBox, nor a width and height in pixels"))
        #expect(
            size(Data("<html><svg viewBox=\"0 0 1 1\"/></html>".utf8), "a.svg")
                == .unreadable("not an SVG image: it does not start with an <svg> element"))
        #expect(size(Data([0x89, 0x50, 0x4E, 0x47]), "a.svg") == .unreadable("not an SVG image: it does not start with an <svg> element"))
        #expect(
            size(Data("<svg viewBox=\"0 0 5 5\"".utf8), "a.svg") == .unreadable("not an SVG image: it does not start with an <svg> element")
        )
    }
}

@Suite("Figures and image checks")
struct ImageTests {
    /// The small site with `body` as the cat-cow article, and `images` in `Content/images/`.
    private func site(body: String, images: [String: Data]) throws -> TestSite {
        let site = try TestSite(
            Fixture.smallSite(adding: [
                "stretches/cat-cow.md": Fixture.article(title: "Cat-cow stretch", body: body, tags: ["lower-back", "stretch"], order: 1)
            ]))
        for (path, data) in images { try site.write("images/" + path, data) }
        return site
    }

    private static let backLink = "\n\nBack to [muscle strain](../causes/muscle-strain.md).\n"

    @Test(
        "an image alone in its paragraph with a title is a figure captioned by the title; every image has its size, and all but the first load lazily"
    )
    func figures() throws {
        let site = try site(
            body: """
                ## How to do it

                ![Kneeling with a flat back](../images/start.svg "Start with a flat back.")

                Then round your back ![a rounded back](../images/cat.png "Cat") and hold.

                ![Belly down & head up](../images/cow.svg)
                """ + Self.backLink,
            images: [
                "start.svg": Data(ImageFixture.svg(width: 320, height: 140).utf8),
                "cat.png": ImageFixture.png(width: 64, height: 32),
                "cow.svg": Data(ImageFixture.svg(width: 300, height: 120).utf8),
            ])
        let result = site.build(strict: true)
        #expect(result.status == .success, "\(result.diagnostics)")
        let page = try #require(site.page("stretches/cat-cow/index.html"))
        #expect(
            page.contains(
                """
                <figure><img src="../../images/start.svg" alt="Kneeling with a flat back" width="320" height="140" />\
                <figcaption>Start with a flat back.</figcaption></figure>
                """))
        #expect(
            page.contains(
                """
                <p>Then round your back <img src="../../images/cat.png" alt="a rounded back" title="Cat" width="64" height="32" loading="lazy" /> and hold.</p>
                """))
        #expect(
            page.contains(
                """
                <p><img src="../../images/cow.svg" alt="Belly down &amp; head up" width="300" height="120" loading="lazy" /></p>
                """))
        #expect(site.exists("images/start.svg") && site.exists("images/cat.png"))
    }

    @Test("an image that is missing, unreadable or not an image is an error at the link; one nothing shows is a warning")
    func brokenAndUnusedImages() throws {
        let site = try site(
            body: """
                ![Kneeling](../images/gone.svg) and
                ![Rounded](../images/broken.png)

                ![Notes](../images/notes.pdf) and ![Flat](../images/flat.svg)
                """ + Self.backLink,
            images: [
                "broken.png": Data("not a png".utf8),
                "notes.pdf": Data("%PDF-1.4".utf8),
                "flat.svg": Data("<svg width=\"50%\"></svg>".utf8),
                "spare.webp": ImageFixture.webpLossless(width: 4, height: 4),
                "unused-notes.pdf": Data("%PDF-1.4".utf8),
            ])
        #expect(
            site.findings(.brokenImage) == [
                "Content/stretches/cat-cow.md:12:1: error: broken image '../images/gone.svg' (did you mean '../images/flat.svg'?) [broken-image]",
                "Content/stretches/cat-cow.md:13:1: error: image '../images/broken.png' cannot be shown: not a PNG image with a readable size [broken-image]",
                "Content/stretches/cat-cow.md:15:1: error: image '../images/notes.pdf' cannot be shown: not an image (pages show .svg, .png, .jpg, .webp and .gif files) [broken-image]",
                "Content/stretches/cat-cow.md:15:35: error: image '../images/flat.svg' cannot be shown: the <svg> element has no viewBox, nor a width and height in pixels [broken-image]",
            ])
        #expect(
            site.findings(.unusedImage) == [
                "Content/images/spare.webp: warning: image 'images/spare.webp' is not used by any page [unused-image]"
            ])
        #expect(site.build().status == .contentErrors)
    }

    @Test("a link to an image counts as a use, and an image used by one page only is not reported")
    func linkedImageIsUsed() throws {
        let site = try site(
            body: "## How to do it\n\nSee [the drawing](../images/spare.svg)." + Self.backLink,
            images: ["spare.svg": Data(ImageFixture.svg(width: 10, height: 10).utf8)])
        #expect(site.findings(.unusedImage).isEmpty)
        let result = site.build(strict: true)
        #expect(result.status == .success, "\(result.diagnostics)")
    }

    @Test("an SVG with a script, an event attribute or an outside reference is an error at what was found, and nothing is published")
    func unsafeSVG() throws {
        let svg = """
            <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10" onload="go()">
            <script>alert(1)</script>
            <style>@import "https://example.org/a.css"; path { fill: url(#ok) }</style>
            <use xlink:href="#part"/><use href="other.svg#part"/>
            <a href="&#106;avascript:alert(1)"><path ONCLICK="x" style="fill:url( 'https://example.org/p.svg' )" d="M0 0"/></a>
            <svg:foreignObject/>
            <set attributeName="xlink:href" to="#part"/><animate attributeName="fill" to="red"/>
            </svg>
            """
        let site = try site(body: "![A drawing](../images/bad.svg)" + Self.backLink, images: ["bad.svg": Data(svg.utf8)])
        let result = site.build()
        #expect(result.status == .contentErrors)
        #expect(
            result.diagnostics.filter { $0.rule == .unsafeSVG }.map(site.relative) == [
                "Content/images/bad.svg:1:104: error: unsafe SVG: an event attribute 'onload' [unsafe-svg]",
                "Content/images/bad.svg:2:1: error: unsafe SVG: a <script> element [unsafe-svg]",
                "Content/images/bad.svg:3:8: error: unsafe SVG: an @import in a style [unsafe-svg]",
                "Content/images/bad.svg:4:31: error: unsafe SVG: an external reference href=\"other.svg#part\" [unsafe-svg]",
                "Content/images/bad.svg:5:4: error: unsafe SVG: an external reference href=\"javascript:alert(1)\" [unsafe-svg]",
                "Content/images/bad.svg:5:42: error: unsafe SVG: an event attribute 'ONCLICK' [unsafe-svg]",
                "Content/images/bad.svg:5:54: error: unsafe SVG: an external reference url(https://example.org/p.svg) [unsafe-svg]",
                "Content/images/bad.svg:6:1: error: unsafe SVG: a <svg:foreignObject> element [unsafe-svg]",
                "Content/images/bad.svg:7:1: error: unsafe SVG: an animation of 'xlink:href' [unsafe-svg]",
            ])
        #expect(!site.exists("images/bad.svg"))
        #expect(!site.exists("stretches/cat-cow/index.html"))
    }

    @Test("the guide's own pictures are safe SVGs under 30 KB with a size")
    func guidePictures() throws {
        let folder = TestSite.repository.appendingPathComponent("Content/images")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".svg") }
        #expect(names.count >= 20)
        for name in names {
            let data = try Data(contentsOf: folder.appendingPathComponent(name))
            #expect(data.count < 30_000, "\(name)")
            #expect(SVGSafety.problems(in: [UInt8](data)).isEmpty, "\(name)")
            guard case .size? = ImageReading.read(data, path: name) else {
                Issue.record("\(name) has no readable size")
                continue
            }
        }
    }
}
