import Testing

@testable import Mustache

@Suite("Template objects: named values kept in order of name")
struct TemplateObjectTests {
    @Test("values are found by name and kept in order of name; a name given twice keeps its last value")
    func lookUp() {
        let object: TemplateObject = ["url": .text("a/"), "title": .text("Ice"), "has_toc": .flag(true), "title": .text("Heat")]
        #expect(object.members.map(\.name) == ["has_toc", "title", "url"])
        #expect(object["title"] == .text("Heat"))
        #expect(object["url"] == .text("a/"))
        #expect(object["summary"] == nil)
        #expect(object["tit"] == nil)
        #expect(object["urls"] == nil)
        #expect(TemplateObject([:])["title"] == nil)
    }

    @Test("setting a value adds, replaces or, with nil, removes it, and the order holds")
    func setting() {
        var object: TemplateObject = ["b": .text("1")]
        object["d"] = .text("2")
        object["a"] = .text("3")
        object["c"] = .text("4")
        object["b"] = .text("5")
        object["c"] = nil
        object["e"] = nil
        #expect(object.members.map(\.name) == ["a", "b", "d"])
        #expect(object.members.map(\.value) == [.text("3"), .text("5"), .text("2")])
    }

    @Test("adding an object merges the two in order, its values winning where both have a name")
    func adding() {
        var layout: TemplateObject = ["title": .text("Site"), "root": .text("../"), "url": .text("a/")]
        layout.add(["title": .text("Ice"), "summary": .text("Cold."), "zone": .flag(false)])
        #expect(layout.members.map(\.name) == ["root", "summary", "title", "url", "zone"])
        #expect(layout["title"] == .text("Ice"))
        var empty = TemplateObject([:])
        empty.add(layout)
        #expect(empty == layout)
    }

    @Test("an object made from a dictionary equals the same values given as a literal")
    func fromDictionary() {
        let values: [String: TemplateValue] = ["b": .text("2"), "a": .list([]), "c": .flag(true)]
        #expect(TemplateObject(values) == ["c": .flag(true), "a": .list([]), "b": .text("2")])
    }
}
