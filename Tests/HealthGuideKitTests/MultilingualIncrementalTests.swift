import Foundation
import HealthGuideTestSupport
import Testing

@testable import HealthGuideKit

/// Rebuilds of a site in two languages: each edit renders the pages it touches in every
/// language and leaves the output equal, byte for byte, to a clean build's.
@Suite("Multilingual rebuilds")
struct MultilingualIncrementalTests {
    @Test("re-reviewing a source renders it and its translation again, and the sitemap and its language's feed")
    func sourceReviewed() throws {
        let site = try TestSite(MultilingualTests.site())
        let result = try rebuild(site) {
            try site.edit("causes/muscle-strain.md", replacing: "reviewed: 2026-11-01", with: "reviewed: 2026-11-20")
        }
        #expect(
            Set(result.writtenFiles) == [
                "causes/muscle-strain/index.html", "es/causes/muscle-strain/index.html", "sitemap.xml", "feed.xml",
            ])
        #expect(site.page("es/causes/muscle-strain/index.html")?.contains("translation-notice") == true)
        try expectSameAsCleanBuild(site)
    }

    @Test("a new translation renders its source, the pages that list it and the sitemap again")
    func translationAdded() throws {
        let site = try TestSite(MultilingualTests.site())
        let result = try rebuild(site) {
            try site.write(
                "es/stretches/cat-cow.md",
                Fixture.article(title: "El gato y la vaca", body: "## Cómo se hace\n\nArrodíllese.", extra: "source_reviewed: 2026-11-01"))
        }
        #expect(result.writtenFiles.contains("stretches/cat-cow/index.html"))
        #expect(result.writtenFiles.contains("es/stretches/cat-cow/index.html"))
        #expect(result.writtenFiles.contains("sitemap.xml"))
        #expect(
            site.page("stretches/cat-cow/index.html")?.contains("hreflang=\"es\" href=\"https://guide.example.org/es/stretches/cat-cow/\"")
                == true)
        try expectSameAsCleanBuild(site)
    }

    @Test("a deleted translation is removed, and its source no longer names it")
    func translationRemoved() throws {
        let site = try TestSite(MultilingualTests.site())
        let result = try rebuild(site) {
            try site.remove("es/causes/muscle-strain.md")
            try site.edit("es/index.md", replacing: "[distensión muscular](causes/muscle-strain.md)", with: "distensión muscular")
        }
        #expect(result.removed == 1)
        #expect(!site.exists("es/causes/muscle-strain/index.html"))
        #expect(site.page("causes/muscle-strain/index.html")?.contains("<link rel=\"alternate\" hreflang") == false)
        try expectSameAsCleanBuild(site)
    }

    @Test("a language's settings changed render its pages again, and the default language's pages only where they name it")
    func languageSettingsChanged() throws {
        let site = try TestSite(MultilingualTests.site())
        try rebuild(site) {
            try site.edit("site.yml", replacing: "title: \"Guía de prueba\"", with: "title: \"Guía pequeña\"")
        }
        #expect(site.page("es/causes/muscle-strain/index.html")?.contains("<title>Distensión muscular - Guía pequeña</title>") == true)
        try expectSameAsCleanBuild(site)
    }
}
