import Testing

@testable import Mustache

@Suite struct SiteTemplateTests {
    @Test func articleFillsTheLayout() {
        #expect(render("article", in: SiteFixtures.templates, with: SiteFixtures.article) == SiteFixtures.articleOutput)
    }

    @Test func pageWithMissingKeysAndFalseFlags() {
        #expect(render("404", in: SiteFixtures.templates, with: SiteFixtures.notFound) == SiteFixtures.notFoundOutput)
    }

    @Test func referencesAreTheDirectlyUsedTemplates() throws {
        let library = try TemplateLibrary.compile(SiteFixtures.templates).get()
        #expect(library.references(of: "article") == ["layout"])
        #expect(library.references(of: "layout") == ["partials/breadcrumbs", "partials/footer", "partials/header"])
        #expect(library.references(of: "partials/footer") == [])
        #expect(library.references(of: "no such template") == [])
    }

    @Test func unknownTemplateRendersNil() throws {
        let library = try TemplateLibrary.compile(SiteFixtures.templates).get()
        #expect(try library.render("partials/missing", SiteFixtures.article) == nil)
    }

    /// Renders the article page many times from one compiled library; only the output is checked
    /// (timing belongs in a release-build measurement, not in a test).
    @Test func renderingTheArticleRepeatedlyGivesTheSameOutput() throws {
        let library = try TemplateLibrary.compile(SiteFixtures.templates).get()
        for _ in 0..<1000 {
            let output = try library.render("article", SiteFixtures.article)
            guard output == SiteFixtures.articleOutput else {
                Issue.record("render produced \(String(describing: output))")
                return
            }
        }
    }
}
