import Testing

@testable import HealthGuidePreview

@Suite("Content types")
struct ContentTypesTests {
    @Test(
        "each kind of file a site holds has its type",
        arguments: [
            ("index.html", "text/html; charset=utf-8"),
            ("assets/site.3f2a1c9e.css", "text/css; charset=utf-8"),
            ("assets/search.0a1b2c3d.js", "text/javascript; charset=utf-8"),
            ("images/icon.svg", "image/svg+xml"),
            ("images/photo.png", "image/png"),
            ("images/photo.jpg", "image/jpeg"),
            ("images/photo.JPEG", "image/jpeg"),
            ("images/photo.webp", "image/webp"),
            ("search-index.json", "application/json"),
            ("sitemap.xml", "application/xml"),
            ("robots.txt", "text/plain; charset=utf-8"),
            ("CNAME", "application/octet-stream"),
            ("a.folder/file", "application/octet-stream"),
        ])
    func types(path: String, type: String) {
        #expect(ContentTypes.of(path: path) == type)
    }
}
