import Testing

@testable import HealthGuidePreview

@Suite("The reload script")
struct ReloadScriptTests {
    @Test("goes before the last </body>, or at the end")
    func injection() {
        #expect(ReloadScript.inject(into: "<body><p>x</p></body></html>") == "<body><p>x</p>\(ReloadScript.tag)</body></html>")
        #expect(ReloadScript.inject(into: "<p>x</p></BODY>") == "<p>x</p>\(ReloadScript.tag)</BODY>")
        #expect(ReloadScript.inject(into: "<p>no body</p>") == "<p>no body</p>\(ReloadScript.tag)")
    }

    @Test("listens for every event the server sends")
    func listens() {
        for name in ["reload", "stylesheets", "failed", "fixed"] {
            #expect(ReloadScript.source.contains("addEventListener(\"\(name)\""))
        }
        #expect(ReloadScript.source.contains(ReloadScript.eventsPath))
        #expect(!ReloadScript.source.contains("innerHTML"), "problems are shown as text, never as markup")
    }
}
