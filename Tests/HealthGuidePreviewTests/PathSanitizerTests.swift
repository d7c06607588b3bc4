import Testing

@testable import HealthGuidePreview

@Suite("Request paths")
struct PathSanitizerTests {
    /// Request targets that try to leave the output folder, or hide how they would.
    static let escapes = [
        "/../secret.txt",
        "/causes/../../secret.txt",
        "/%2e%2e/secret.txt",
        "/%2E%2E/secret.txt",
        "/.%2e/secret.txt",
        "/%2e./secret.txt",
        "/causes/%2e%2e/%2e%2e/secret.txt",
        "/%252e%252e/secret.txt",
        "/%25252e%25252e/secret.txt",
        "/..%2fsecret.txt",
        "/..%2Fsecret.txt",
        "/%2fetc%2fpasswd",
        "/..%5csecret.txt",
        "/..\\secret.txt",
        "/\\..\\secret.txt",
        "//etc/passwd",
        "/./secret.txt",
        "/%00",
        "/index.html%00.txt",
        "/%c0%ae%c0%ae/secret.txt",
        "/%",
        "/%2",
        "/%zz",
        "secret.txt",
    ]

    @Test("escapes are refused", arguments: escapes)
    func refused(_ target: String) {
        #expect(PathSanitizer.sanitize(target) == nil)
    }

    @Test("hidden files, such as the build's manifest, are refused")
    func hidden() {
        #expect(PathSanitizer.sanitize("/.healthguide/manifest.json") == nil)
        #expect(PathSanitizer.sanitize("/%2ehealthguide/manifest.json") == nil)
    }

    @Test("ordinary paths are decoded into segments")
    func accepted() {
        #expect(PathSanitizer.sanitize("/") == .init(segments: [], namesFolder: true))
        #expect(PathSanitizer.sanitize("/causes/muscle-strain/") == .init(segments: ["causes", "muscle-strain"], namesFolder: true))
        #expect(
            PathSanitizer.sanitize("/assets/site.3f2a1c9e.css") == .init(segments: ["assets", "site.3f2a1c9e.css"], namesFolder: false))
        #expect(PathSanitizer.sanitize("/images/caf%C3%A9%20menu.png") == .init(segments: ["images", "café menu.png"], namesFolder: false))
        #expect(PathSanitizer.sanitize("/causes/muscle-strain") == .init(segments: ["causes", "muscle-strain"], namesFolder: false))
    }
}
