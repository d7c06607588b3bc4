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

/// A site in English and Spanish: translations in `Content/es/`, published under `/es/`, with
/// alternates both ways, a language switcher, and checks that a translation keeps up with its source.
@Suite("Multilingual sites")
struct MultilingualTests {
    static let languages = """

        languages:
          es:
            title: "Guía de prueba"
            description: "Una guía pequeña."
            disclaimer: "Esta guía es solo para aprender. Consulte a un médico sobre su salud."
            sections:
              causes: { title: "Causas", description: "Por qué pasa." }
        rules:
          orphan: off
        """

    static let spanishHome = """
        ---
        title: "Guía de prueba"
        summary: "Una guía pequeña."
        ---

        Lea sobre la [distensión muscular](causes/muscle-strain.md).
        """

    /// A Spanish article translated from the source's review of `sourceReviewed`.
    static func spanishStrain(sourceReviewed: String = "2026-11-01", extraBody: String = "") -> String {
        Fixture.article(
            title: "Distensión muscular",
            body: """
                ## Qué se siente

                Una distensión duele. Pruebe el [estiramiento del gato](../stretches/cat-cow.md).
                \(extraBody)
                """, extra: "source_reviewed: \(sourceReviewed)")
    }

    static func site(_ changes: [String: String] = [:]) -> [String: String] {
        var files = Fixture.smallSite()
        files["site.yml"] = Fixture.siteYML + languages
        files["es/index.md"] = spanishHome
        files["es/causes/muscle-strain.md"] = spanishStrain()
        for (path, text) in changes { files[path] = text }
        return files
    }

    /// The diagnostics as printed, hints and all, with the temporary folder taken out of the paths.
    private func printed(_ result: BuildResult, _ site: TestSite, rule: RuleID? = nil) -> [String] {
        result.diagnostics.filter { rule == nil || $0.rule == rule }.map {
            $0.description.replacingOccurrences(of: site.root.path + "/", with: "")
        }
    }

    @Test("a translation is published under its language's folder, with its language, alternates both ways and a switcher")
    func layoutAndAlternates() throws {
        let site = try TestSite(Self.site())
        let result = site.build(strict: false)
        #expect(result.status == .success, "\(printed(result, site))")
        let spanish = try #require(site.page("es/causes/muscle-strain/index.html"))
        let english = try #require(site.page("causes/muscle-strain/index.html"))
        #expect(spanish.contains("<html lang=\"es\">"))
        #expect(english.contains("<html lang=\"en\">"))
        let alternates = """
            <link rel="alternate" hreflang="en" href="https://guide.example.org/causes/muscle-strain/">
            <link rel="alternate" hreflang="es" href="https://guide.example.org/es/causes/muscle-strain/">
            <link rel="alternate" hreflang="x-default" href="https://guide.example.org/causes/muscle-strain/">
            """
        #expect(spanish.contains(alternates))
        #expect(english.contains(alternates))
        #expect(
            english.contains(
                """
                <li><span lang="en" aria-current="true">English</span></li>
                <li><a href="../../es/causes/muscle-strain/" lang="es" hreflang="es" rel="alternate">Español</a></li>
                """))
        // A page with no translation switches to the other language's home page.
        let untranslated = try #require(site.page("stretches/cat-cow/index.html"))
        #expect(untranslated.contains("<li><a href=\"../../es/\" lang=\"es\" hreflang=\"es\">Español</a></li>"))
        #expect(!untranslated.contains("hreflang=\"x-default\""))
        // The Spanish pages speak Spanish: the section title from site.yml, the interface from strings/es.yml.
        #expect(spanish.contains("<a href=\"../\">Causas</a>"))
        #expect(spanish.contains("<h2 id=\"sources-heading\">Fuentes</h2>"))
        #expect(spanish.contains("\"inLanguage\":\"es\""))
        #expect(spanish.contains("Esta guía es solo para aprender."))
        // Each language has its own home, sections, search page, search index and feed.
        for file in ["es/index.html", "es/causes/index.html", "es/stretches/index.html", "es/search/index.html", "es/feed.xml"] {
            #expect(site.exists(file), "\(file)")
        }
        #expect(site.page("search-index.es.json")?.contains("\"u\":\"es/causes/muscle-strain/\"") == true)
        #expect(site.page("search-index.json")?.contains("es/causes") == false)
        #expect(site.page("es/feed.xml")?.contains("<title>Distensión muscular</title>") == true)
        #expect(site.page("feed.xml")?.contains("Distensión") == false)
    }

    @Test("the sitemap lists every language's pages with xhtml:link alternates")
    func sitemap() throws {
        let site = try TestSite(Self.site())
        #expect(site.build().status == .success)
        let sitemap = try #require(site.page("sitemap.xml"))
        #expect(
            sitemap.hasPrefix(
                """
                <?xml version="1.0" encoding="UTF-8"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
                  <url><loc>https://guide.example.org/</loc><xhtml:link rel="alternate" hreflang="en" href="https://guide.example.org/"/><xhtml:link rel="alternate" hreflang="es" href="https://guide.example.org/es/"/><xhtml:link rel="alternate" hreflang="x-default" href="https://guide.example.org/"/></url>
                """))
        #expect(
            sitemap.contains(
                """
                  <url><loc>https://guide.example.org/es/causes/muscle-strain/</loc><lastmod>2026-11-01</lastmod><xhtml:link rel="alternate" hreflang="en" href="https://guide.example.org/causes/muscle-strain/"/><xhtml:link rel="alternate" hreflang="es" href="https://guide.example.org/es/causes/muscle-strain/"/><xhtml:link rel="alternate" hreflang="x-default" href="https://guide.example.org/causes/muscle-strain/"/></url>
                """))
        #expect(sitemap.contains("  <url><loc>https://guide.example.org/stretches/cat-cow/</loc><lastmod>2026-11-01</lastmod></url>\n"))
    }

    @Test("a link to a page not translated yet goes to its source, with a note; a translated one to the translation")
    func linksInTranslations() throws {
        let site = try TestSite(Self.site())
        let result = site.build(strict: true)
        #expect(result.status == .success)
        #expect(
            printed(result, site) == [
                "Content/es/causes/muscle-strain.md:13:34: note: link '../stretches/cat-cow.md' goes to 'stretches/cat-cow.md', which has no 'es' translation yet [link-to-untranslated]"
            ])
        #expect(
            site.page("es/causes/muscle-strain/index.html")?.contains("<a href=\"../../../stretches/cat-cow/\">estiramiento del gato</a>")
                == true)
        #expect(site.page("es/index.html")?.contains("<a href=\"causes/muscle-strain/\">distensión muscular</a>") == true)
    }

    @Test("re-reviewing a source makes check flag its translation and the page show a notice linking to the source")
    func outdatedTranslation() throws {
        let site = try TestSite(Self.site())
        #expect(site.build().status == .success)
        #expect(site.page("es/causes/muscle-strain/index.html")?.contains("translation-notice") == false)
        try site.edit("causes/muscle-strain.md", replacing: "reviewed: 2026-11-01", with: "reviewed: 2026-11-15")
        let result = site.build()
        #expect(
            printed(result, site, rule: .translationOutdated) == [
                "Content/es/causes/muscle-strain.md:8:1: warning: translation is 14 days behind its source: made from the review of 2026-11-01, but Content/causes/muscle-strain.md was reviewed on 2026-11-15 [translation-outdated]\n  hint: bring the translation up to date, then set 'source_reviewed: 2026-11-15'"
            ])
        #expect(
            site.page("es/causes/muscle-strain/index.html")?.contains(
                """
                <div class="callout callout--warning translation-notice" role="note"><p>Puede que esta traducción no esté al día: la página original se revisó de nuevo el <time datetime="2026-11-15">2026-11-15</time>. <a href="../../../causes/muscle-strain/" hreflang="en">Lea la página original (English)</a></p></div>
                """) == true)
        #expect(try site.differencesFromCleanBuild().isEmpty)
        // Brought up to date, the translation is current again.
        try site.edit("es/causes/muscle-strain.md", replacing: "source_reviewed: 2026-11-01", with: "source_reviewed: 2026-11-15")
        let updated = site.build()
        #expect(!updated.diagnostics.contains { $0.rule == .translationOutdated })
        #expect(site.page("es/causes/muscle-strain/index.html")?.contains("translation-notice") == false)
        #expect(try site.differencesFromCleanBuild().isEmpty)
    }

    @Test("a translation without source_reviewed, or ahead of its source, is reported")
    func unknownCurrency() throws {
        var untold = Self.spanishStrain()
        untold = untold.replacingOccurrences(of: "source_reviewed: 2026-11-01\n", with: "")
        let site = try TestSite(Self.site(["es/causes/muscle-strain.md": untold]))
        #expect(
            printed(site.build(), site, rule: .translationOutdated) == [
                "Content/es/causes/muscle-strain.md:2:1: warning: translation does not say which review of Content/causes/muscle-strain.md it was made from [translation-outdated]\n  hint: add 'source_reviewed:' with the source's 'reviewed' date it was translated from"
            ])
        try site.write("es/causes/muscle-strain.md", Self.spanishStrain(sourceReviewed: "2026-11-20"))
        #expect(
            printed(site.build(), site, rule: .translationOutdated) == [
                "Content/es/causes/muscle-strain.md:8:1: warning: 'source_reviewed' (2026-11-20) is later than the source's 'reviewed' (2026-11-01) [translation-outdated]\n  hint: set 'source_reviewed' to the source's 'reviewed' date it was translated from"
            ])
    }

    @Test("a translation whose care cards differ from its source's in number or level is an error")
    func cardsDiffer() throws {
        let card = "\n> [!EMERGENCY]\n> - you cannot move your legs\n> - you cannot control your bladder\n"
        let spanishCard = "\n> [!URGENT]\n> - no puede mover las piernas\n"
        var files = Self.site(["es/causes/muscle-strain.md": Self.spanishStrain(extraBody: spanishCard)])
        files["causes/muscle-strain.md"] = try #require(files["causes/muscle-strain.md"]) + card
        let site = try TestSite(files)
        let result = site.build()
        #expect(result.status == .contentErrors)
        #expect(
            printed(result, site, rule: .translationCards) == [
                "Content/es/causes/muscle-strain.md:2:1: error: care cards differ from the source's: [!URGENT] with 1 sign here, [!EMERGENCY] with 2 signs in Content/causes/muscle-strain.md [translation-cards]\n  hint: translate every card of the source, sign for sign, at its level"
            ])
    }

    @Test("a translation's care cards are headed in its language, with its language's emergency number")
    func cardsInSpanish() throws {
        var files = Self.site([
            "es/causes/muscle-strain.md": Self.spanishStrain(extraBody: "\n> [!EMERGENCY]\n> - no puede mover las piernas\n")
        ])
        files["causes/muscle-strain.md"] =
            try #require(files["causes/muscle-strain.md"]) + "\n> [!EMERGENCY]\n> - you cannot move your legs\n"
        files["site.yml"] = try #require(files["site.yml"]).replacingOccurrences(
            of: "    disclaimer: \"Esta", with: "    emergency_number: \"112\"\n    disclaimer: \"Esta")
        let site = try TestSite(files)
        #expect(site.build().status == .success)
        #expect(
            site.page("es/causes/muscle-strain/index.html")?.contains(
                "<h3 class=\"care-card__heading\"><span class=\"visually-hidden\">Atención inmediata: </span>Llame al 112 o vaya a la sala de emergencias si:</h3>"
            ) == true)
        #expect(site.page("es/causes/muscle-strain/index.html")?.contains("En caso de emergencia, llame al 112.") == true)
        #expect(site.page("causes/muscle-strain/index.html")?.contains("Call 911 or go to the emergency department if:") == true)
        // emergency_text words the card's heading itself.
        try site.edit(
            "site.yml", replacing: "    emergency_number: \"112\"\n",
            with: "    emergency_number: \"112\"\n    emergency_text: \"Llame ya al {number} si:\"\n")
        #expect(site.build().status == .success)
        #expect(
            site.page("es/causes/muscle-strain/index.html")?.contains(
                "<span class=\"visually-hidden\">Atención inmediata: </span>Llame ya al 112 si:</h3>") == true)
        #expect(try site.differencesFromCleanBuild().isEmpty)
    }

    @Test("a language's own glossary links its terms, has its own page, and names its medicines")
    func spanishGlossary() throws {
        let glossary = """
            - term: "ibuprofeno"
              definition: "Un medicamento para el dolor."
              medicine: true
            """
        var files = Self.site([
            "es/glossary.yml": glossary,
            "es/causes/muscle-strain.md": Self.spanishStrain(extraBody: "\nEl ibuprofeno puede ayudar.\n"),
        ])
        files["site.yml"] = try #require(files["site.yml"]).replacingOccurrences(
            of: "    disclaimer: \"Esta", with: "    medicines_note: \"Lea la etiqueta.\"\n    disclaimer: \"Esta")
        let site = try TestSite(files)
        let result = site.build()
        #expect(result.status == .success)
        #expect(!result.diagnostics.contains { $0.rule == .ignoredFile })
        let page = try #require(site.page("es/causes/muscle-strain/index.html"))
        #expect(page.contains("href=\"../../glossary/#term-ibuprofeno\""))
        #expect(page.contains("<p>Lea la etiqueta.</p>"))
        #expect(page.contains("<strong>Sobre los medicamentos</strong>"))
        #expect(site.page("es/glossary/index.html")?.contains("<dt id=\"term-ibuprofeno\">ibuprofeno</dt>") == true)
        #expect(site.page("glossary/index.html")?.contains("ibuprofeno") == false)
        #expect(try site.differencesFromCleanBuild().isEmpty)
    }

    @Test("healthguide translated records the source's review and text; a later edit of the text is reported and noticed")
    func sourceHash() throws {
        let site = try TestSite(Self.site())
        try site.edit("causes/muscle-strain.md", replacing: "reviewed: 2026-11-01", with: "reviewed: 2026-11-12")
        let output = try CommandLineRunner.run(
            ["translated", "Content/es/causes/muscle-strain.md", "Content/causes/rest.md"], in: site.root)
        #expect(output.status == 1)
        guard case let .success(parts) = FrontMatterSplitter.split(try site.read("causes/muscle-strain.md")) else {
            Issue.record("the source has no front matter")
            return
        }
        let stamped = SourcePage.bodyHash(of: parts.body)
        #expect(output.standardOutput == "Content/es/causes/muscle-strain.md: source_reviewed 2026-11-12, source_hash \(stamped)\n")
        #expect(
            output.standardError
                == "error: Content/causes/rest.md is not a translation: translations live in a language folder (es/)\n")
        #expect(try site.read("es/causes/muscle-strain.md").contains("source_reviewed: 2026-11-12\nsource_hash: \(stamped)\n---\n"))
        #expect(!site.build().diagnostics.contains { $0.rule == .translationOutdated })

        try site.edit("causes/muscle-strain.md", replacing: "A strain hurts.", with: "A strain hurts a lot.")
        let result = site.build()
        let current = try #require(result.graph?.pages.first { $0.source.path == "causes/muscle-strain.md" }?.source.bodyHash)
        #expect(
            printed(result, site, rule: .translationOutdated) == [
                "Content/es/causes/muscle-strain.md:9:1: warning: the text of Content/causes/muscle-strain.md changed since this translation was made ('source_hash' is \(stamped), the source's text is now \(current)) [translation-outdated]\n  hint: bring the translation up to date, then run 'healthguide translated es/causes/muscle-strain.md'"
            ])
        #expect(
            site.page("es/causes/muscle-strain/index.html")?.contains(
                "<p>Puede que esta traducción no esté al día: la página original cambió después. <a href=\"../../../causes/muscle-strain/\" hreflang=\"en\">"
            ) == true)
        #expect(try site.differencesFromCleanBuild().isEmpty)
    }

    @Test("stamping a translation replaces its lines where they are, or adds them at the end of the front matter")
    func stampLines() throws {
        let date = try #require(CalendarDate(iso: "2026-12-05"))
        #expect(
            TranslationStamp.stamped("---\ntitle: \"A\"\n---\n\nBody\n", reviewed: date, hash: "abc")
                == "---\ntitle: \"A\"\nsource_reviewed: 2026-12-05\nsource_hash: abc\n---\n\nBody\n")
        #expect(
            TranslationStamp.stamped("---\nsource_reviewed: 2026-01-01\ntitle: \"A\"\n---\nsource_hash: x\n", reviewed: date, hash: "abc")
                == "---\nsource_reviewed: 2026-12-05\ntitle: \"A\"\nsource_hash: abc\n---\nsource_hash: x\n")
        #expect(TranslationStamp.stamped("No front matter\n", reviewed: date, hash: "abc") == nil)
    }

    @Test("a translation may keep its source's title; two pages of one language may not share one")
    func titlesWithinALanguage() throws {
        let sameTitle = Self.spanishStrain().replacingOccurrences(of: "title: \"Distensión muscular\"", with: "title: \"Muscle strain\"")
        let site = try TestSite(
            Self.site([
                "es/causes/muscle-strain.md": sameTitle,
                "es/stretches/cat-cow.md": sameTitle.replacingOccurrences(
                    of: "../stretches/cat-cow.md", with: "../causes/muscle-strain.md"),
            ]))
        #expect(
            printed(site.build(), site, rule: .duplicateTitle) == [
                "Content/es/stretches/cat-cow.md:2:1: warning: title 'Muscle strain' is also the title of Content/es/causes/muscle-strain.md [duplicate-title]\n  hint: give each page a title of its own"
            ])
    }

    @Test("check --report lists each translation's state")
    func report() throws {
        let site = try TestSite(Self.site())
        try site.edit("causes/muscle-strain.md", replacing: "reviewed: 2026-11-01", with: "reviewed: 2026-11-08")
        let result = site.check()
        #expect(
            TranslationRecord.table(result.translations) == """
                Translation                 Language  Source                   State
                es/causes/muscle-strain.md  es        causes/muscle-strain.md  outdated by 7 days
                es/index.md                 es        index.md                 current
                """)
        let json = try CommandLineRunner.run(["check", "--format", "json", "--today", "2026-11-21"], in: site.root)
        #expect(
            json.standardOutput.contains(
                """
                  "translations" : [
                    {
                      "language" : "es",
                      "path" : "es/causes/muscle-strain.md",
                      "source" : "causes/muscle-strain.md",
                      "state" : "outdated by 7 days"
                    },
                """))
    }

    @Test("languages in site.yml: unknown, malformed, default and colliding codes are errors at their line")
    func languageSettings() throws {
        let yml =
            Fixture.siteYML + """

                languages:
                  xx:
                    title: "X"
                    disclaimer: "X"
                  not a code:
                    title: "X"
                  en:
                    title: "X"
                  es:
                    title: "Guía"
                """
        let site = try TestSite(Fixture.smallSite().merging(["site.yml": yml]) { $1 })
        let result = site.build()
        #expect(result.status == .configurationError)
        #expect(
            printed(result, site) == [
                "Content/site.yml:16:3: error: language 'xx' is not supported: HealthGuide scores plain language in en, es [invalid-value]",
                "Content/site.yml:19:3: error: language 'not a code' must be a language tag such as es, es-419 or fr [invalid-value]",
                "Content/site.yml:21:3: error: language 'en' is the site's default 'language': list only the others [invalid-value]",
                "Content/site.yml:24:5: error: language 'es' is missing 'disclaimer' [missing-field]",
            ])
    }

    @Test("a folder named like a language the site does not list says how to add the language")
    func unlistedLanguageFolder() throws {
        let site = try TestSite(Fixture.smallSite().merging(["es/causes/muscle-strain.md": Self.spanishStrain()]) { $1 })
        #expect(
            printed(site.build(), site, rule: .unknownSection) == [
                "Content/es/causes/muscle-strain.md: error: unknown section folder 'es' [unknown-section]\n  hint: for translations, add 'es' to 'languages' in site.yml"
            ])
    }

    @Test("a translation places its language's block of a name, else the default language's, with its own values")
    func blocksPerLanguage() throws {
        let site = try TestSite(
            Self.site([
                "_blocks/tip.md": "Rest for a day. Call [[emergency_number]] if it is bad.\n",
                "_blocks/note.md": "Shared note.\n",
                "es/_blocks/tip.md": "Descanse un día. Llame al [[emergency_number]] si es grave.\n",
                "causes/muscle-strain.md": Fixture.smallSite()["causes/muscle-strain.md"]! + "\n<!-- block: tip -->\n",
                "es/causes/muscle-strain.md": Self.spanishStrain(extraBody: "\n<!-- block: tip -->\n\n<!-- block: note -->\n"),
            ]))
        let result = site.build()
        #expect(result.status == .success, "\(printed(result, site))")
        #expect(site.page("causes/muscle-strain/index.html")?.contains("<p>Rest for a day. Call 911 if it is bad.</p>") == true)
        let spanish = try #require(site.page("es/causes/muscle-strain/index.html"))
        #expect(spanish.contains("<p>Descanse un día. Llame al 911 si es grave.</p>"))
        #expect(spanish.contains("<p>Shared note.</p>"))
        #expect(!spanish.contains("Rest for a day"))
    }

    @Test("[[values]] in a language's texts are that language's, and an unknown name is an error at its text")
    func valuesInLanguageTexts() throws {
        let texts = Self.languages
            .replacingOccurrences(
                of: "disclaimer: \"Esta guía es solo para aprender. Consulte a un médico sobre su salud.\"",
                with: "disclaimer: \"En una emergencia, llame al [[emergency_number]].\"\n    emergency_number: \"112\"")
        let site = try TestSite(Self.site(["site.yml": Fixture.siteYML + texts]))
        let result = site.build()
        #expect(result.status == .success, "\(printed(result, site))")
        #expect(site.page("es/causes/muscle-strain/index.html")?.contains("En una emergencia, llame al 112.") == true)
        #expect(site.page("causes/muscle-strain/index.html")?.contains("llame al") == false)

        let misspelt = try TestSite(
            Self.site([
                "site.yml": Fixture.siteYML
                    + texts.replacingOccurrences(of: "Por qué pasa.", with: "Llame al [[emergency_numbr]].")
            ]))
        #expect(
            printed(misspelt.build(), misspelt, rule: .unknownValue) == [
                "Content/site.yml:22:47: error: unknown site value '[[emergency_numbr]]' (did you mean '[[emergency_number]]'?) [unknown-value]"
            ])
    }

    @Test("a language whose folder is a section's is an error")
    func languageCollidesWithSection() throws {
        let yml =
            Fixture.siteYML.replacingOccurrences(of: "disclaimer:", with: "  - id: es\n    title: \"Español\"\ndisclaimer:") + """

                languages:
                  es:
                    title: "Guía"
                    disclaimer: "Aviso"
                """
        let site = try TestSite(Fixture.smallSite().merging(["site.yml": yml]) { $1 })
        let result = site.build()
        #expect(result.status == .configurationError)
        #expect(
            printed(result, site) == [
                "Content/site.yml:18:3: error: language 'es' would write its pages to 'es/', where the build writes the pages of section 'es' [path-collision]"
            ])
    }

    @Test("a string a template uses that a language lacks is an error naming the language and the key")
    func missingString() throws {
        let site = try TestSite(Self.site())
        let strings = site.templates.appendingPathComponent("strings/es.yml")
        let text = try String(contentsOf: strings, encoding: .utf8)
        try text.replacingOccurrences(of: "on_this_page: \"En esta página\"\n", with: "")
            .replacingOccurrences(of: "home: \"Inicio\"\n", with: "")
            .write(to: strings, atomically: true, encoding: .utf8)
        let result = site.build()
        #expect(result.status == .configurationError)
        #expect(
            printed(result, site).filter { !$0.contains("[link-to-untranslated]") } == [
                "Templates/article.mustache:16:45: error: string 'on_this_page' is missing for language 'es' in Templates/strings/es.yml [template-error]",
                "Templates/article.mustache:23:33: error: string 'on_this_page' is missing for language 'es' in Templates/strings/es.yml [template-error]",
                "Templates/article.mustache:24:20: error: string 'on_this_page' is missing for language 'es' in Templates/strings/es.yml [template-error]",
                "Templates/strings/es.yml: error: string 'home' is missing for language 'es' [template-error]",
            ])
        try FileManager.default.removeItem(at: strings)
        #expect(
            printed(site.build(), site).filter { !$0.contains("[link-to-untranslated]") } == [
                "Templates/strings/es.yml: error: no interface strings for language 'es' [template-error]\n  hint: copy the strings file of another language to strings/es.yml and translate it"
            ])
    }

    @Test("a save that re-reviews a source re-renders its translation in the preview, as a clean build would")
    func quickRebuild() throws {
        let site = try TestSite(Self.site())
        let builder = SiteBuilder(options: site.options, memory: BuildMemory())
        try #require(builder.build().status == .success)
        try site.edit("causes/muscle-strain.md", replacing: "reviewed: 2026-11-01", with: "reviewed: 2026-11-10")
        let result = builder.rebuild(changed: [site.content.appendingPathComponent("causes/muscle-strain.md").standardizedFileURL.path])
        #expect(result.isQuick)
        #expect(result.diagnostics.contains { $0.rule == .translationOutdated })
        #expect(result.writtenFiles.contains("es/causes/muscle-strain/index.html"))
        #expect(site.page("es/causes/muscle-strain/index.html")?.contains("translation-notice") == true)
        #expect(try site.differencesFromCleanBuild().isEmpty)
    }
}

@Suite("Spanish readability")
struct SpanishReadabilityTests {
    private func syllables(_ word: String) -> Int {
        var word = word
        return word.withUTF8 { SpanishSyllables.count(utf8: $0) }
    }

    @Test(
        "Spanish syllables follow diphthongs, hiatus, silent u and y",
        arguments: [
            ("dolor", 2), ("espalda", 3), ("músculo", 3), ("día", 2), ("tiene", 2), ("que", 1), ("guerra", 2),
            ("pingüino", 3), ("caer", 2), ("ciudad", 2), ("hoy", 1), ("ayuda", 3), ("y", 1), ("Ejercicio", 4),
            ("ÁREA", 3), ("médico", 3), ("2026", 1),
        ])
    func syllableCounts(_ word: String, _ count: Int) {
        #expect(syllables(word) == count, "\(word)")
    }

    @Test("Fernández-Huerta ease: 206.84 − 60 × syllables per word − 1.02 × words per sentence")
    func ease() {
        let score = Readability(sentences: 2, words: 20, syllables: 40, polysyllables: 0)
        #expect(score.fernandezHuertaEase.roundedToTenth == 76.6)
        #expect(score.score(.fernandezHuerta) == score.fernandezHuertaEase)
    }

    @Test("a hard Spanish article is reported by its ease, below its language's limits")
    func hardSpanishArticle() throws {
        let hard =
            Array(
                repeating:
                    "La administración prolongada de antiinflamatorios puede ocasionar complicaciones gastrointestinales considerablemente significativas",
                count: 3
            )
            .joined(separator: ", y ") + "."
        let site = try TestSite(MultilingualTests.site(["es/causes/muscle-strain.md": MultilingualTests.spanishStrain(extraBody: hard)]))
        let result = site.build()
        #expect(
            result.diagnostics.filter { $0.rule == .readability }.map {
                $0.description.replacingOccurrences(of: site.root.path + "/", with: "")
            } == [
                "Content/es/causes/muscle-strain.md:14:1: error: reading ease (Fernández-Huerta) -20.1 is below 50; hardest sentences: line 14 \"La administración prolongada de antiinflamatorios puede…\" (ease -74.0), line 13 \"Una distensión duele.\" (ease 63.8), line 13 \"Pruebe el estiramiento del gato.\" (ease 69.7) [readability]\n  hint: split long sentences and use shorter, everyday words; aim for an ease of 60 or above"
            ])
    }

    @Test("INFLESZ may score Spanish instead: 206.835 − 62.3 × syllables per word − words per sentence")
    func inflesz() throws {
        let score = Readability(sentences: 2, words: 20, syllables: 40, polysyllables: 0)
        #expect(score.infleszEase.roundedToTenth == 72.2)
        var files = MultilingualTests.site()
        files["site.yml"] = try #require(files["site.yml"]).replacingOccurrences(
            of: "    disclaimer: \"Esta", with: "    reading: { formula: inflesz, warning: 90, error: 20 }\n    disclaimer: \"Esta")
        let site = try TestSite(files)
        let messages = site.build().diagnostics.filter { $0.rule == .readability }.map(\.message)
        #expect(messages.count == 1)
        #expect(messages.first?.hasPrefix("reading ease (INFLESZ) ") == true)
        #expect(messages.first?.contains(" is below 90; hardest sentences: ") == true)
        // The formula must be made for the language.
        files["site.yml"] = try #require(files["site.yml"]).replacingOccurrences(of: "formula: inflesz", with: "formula: flesch-kincaid")
        let wrong = try TestSite(files)
        #expect(
            wrong.build().diagnostics.map(\.description).contains {
                $0.hasSuffix("error: formula 'flesch-kincaid' counts the syllables of another language than 'es' [invalid-value]")
            })
    }

    @Test("a site whose default language is Spanish scores its articles by Fernández-Huerta")
    func spanishByDefault() throws {
        var config = SiteConfig()
        config.language = "es-419"
        #expect(config.readingLimits == ReadingLimits(formula: .fernandezHuerta, warning: 60, error: 50))
        config.language = "de"
        #expect(config.readingLimits == ReadingLimits(formula: .fleschKincaid, warning: 8, error: 10))
    }

    @Test("check --report scores a Spanish article by its ease")
    func reportEase() throws {
        let site = try TestSite(MultilingualTests.site())
        let records = site.check().articles.filter { $0.path.hasSuffix("es/causes/muscle-strain.md") }
        #expect(records.map(\.formula) == [.fernandezHuerta])
        #expect(ArticleRecord.table(records).contains(" ease "))
    }

    @Test("plain Spanish passes: short sentences of everyday words")
    func plainSpanish() throws {
        let site = try TestSite(MultilingualTests.site())
        #expect(!site.build().diagnostics.contains { $0.rule == .readability })
    }
}
