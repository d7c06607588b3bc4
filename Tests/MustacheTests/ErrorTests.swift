import Testing

@testable import Mustache

@Suite struct ErrorTests {
    /// The single error compiling `source` as template "page" gives.
    private func error(in source: String, with others: [String: String] = [:]) -> TemplateError? {
        var templates = others
        templates["page"] = source
        let errors = compileErrors(templates)
        #expect(errors.count == 1, "expected one error, got \(errors)")
        return errors.first
    }

    private func expected(_ line: Int, _ column: Int, _ message: String, missing: String? = nil) -> TemplateError {
        TemplateError(template: "page", line: line, column: column, message: message, missingTemplate: missing)
    }

    @Test func unclosedTag() {
        #expect(error(in: "<p>\nHello {{name</p>\n") == expected(2, 7, "a tag is not closed with '}}'"))
    }

    @Test func columnsCountCharactersNotBytes() {
        // "👍🏽" is two Unicode scalars and eight UTF-8 bytes but one Character; "é" is two bytes.
        #expect(error(in: "👍🏽 é {{name") == expected(1, 5, "a tag is not closed with '}}'"))
    }

    @Test func unclosedTripleMustacheAndComment() {
        #expect(error(in: "{{{body}}") == expected(1, 1, "a tag is not closed with '}}}'"))
        #expect(error(in: "a\n  {{! no end") == expected(2, 3, "a tag is not closed with '}}'"))
    }

    @Test func unclosedTagWithChangedDelimiters() {
        #expect(error(in: "{{=<% %>=}}\n<%name") == expected(2, 1, "a tag is not closed with '%>'"))
    }

    @Test func tagFollowedByAnotherTag() {
        #expect(error(in: "{{ {{name}}") == expected(1, 1, "a tag is not closed with '}}'"))
    }

    @Test func sectionClosedWithTheWrongName() {
        #expect(error(in: "{{#items}}\n  {{/item}}\n") == expected(2, 3, "a section is closed with the wrong name"))
        #expect(
            error(in: "{{<layout}}{{$main}}x{{/layout}}", with: ["layout": ""])
                == expected(1, 22, "a section is closed with the wrong name"))
    }

    @Test func sectionNeverClosedPointsAtItsOpeningTag() {
        #expect(error(in: "<ul>\n{{#items}}\n<li>{{name}}</li>\n</ul>\n") == expected(2, 1, "a section is opened but never closed"))
        #expect(error(in: "{{#a}}{{^b}}{{/b}}") == expected(1, 1, "a section is opened but never closed"))
        #expect(error(in: "{{$main}}\n") == expected(1, 1, "a section is opened but never closed"))
    }

    @Test func sectionClosedButNeverOpened() {
        #expect(error(in: "text\n{{/items}}") == expected(2, 1, "a section is closed but was never opened"))
    }

    @Test func missingPartialAndParent() {
        #expect(
            error(in: "a {{> partials/missing }}") == expected(1, 3, "template 'partials/missing' not found", missing: "partials/missing"))
        #expect(
            error(in: "{{<nolayout}}{{$main}}x{{/main}}{{/nolayout}}")
                == expected(1, 1, "template 'nolayout' not found", missing: "nolayout"))
    }

    @Test func unsupportedFeatures() {
        #expect(error(in: "{{>*dynamic}}") == expected(1, 1, "dynamic names such as '*dynamic' are not supported"))
        #expect(error(in: "{{<*dynamic}}{{/*dynamic}}") == expected(1, 1, "dynamic names such as '*dynamic' are not supported"))
        #expect(error(in: "x{{index()}}") == expected(1, 2, "transforms such as 'index()' are not supported"))
        #expect(error(in: "{{#first(items)}}{{/first(items)}}") == expected(1, 1, "transforms such as 'first(items)' are not supported"))
        #expect(error(in: "{{%CONTENT_TYPE:TEXT}}") == expected(1, 1, "pragmas ({{% … }}) are not supported"))
    }

    @Test func malformedTags() {
        #expect(error(in: "{{ }}") == expected(1, 1, "a tag has no name"))
        #expect(error(in: "{{café}}") == expected(1, 1, "'café' is not a valid name: use only letters, digits and . - _ ?"))
        #expect(error(in: "{{page title}}") == expected(1, 1, "a tag is not closed with '}}'"))
        #expect(error(in: "{{=<% =}}") == expected(1, 1, "a set-delimiter tag must look like {{=<% %>=}}"))
        #expect(
            error(in: "{{<layout}}\n{{title}}\n{{/layout}}", with: ["layout": ""])
                == expected(2, 1, "only blocks ({{$name}}…{{/name}}) and comments may appear inside a parent tag"))
    }

    @Test func everyTemplateIsCheckedAndEachErrorReportedOnce() {
        let errors = compileErrors([
            "b": "{{> missing}} and {{> missing}}",
            "a": "{{#open}}",
            "fine": "{{> b}}{{> a}}",
        ])
        #expect(
            errors == [
                TemplateError(template: "a", line: 1, column: 1, message: "a section is opened but never closed"),
                TemplateError(template: "b", line: 1, column: 1, message: "template 'missing' not found", missingTemplate: "missing"),
                TemplateError(template: "b", line: 1, column: 19, message: "template 'missing' not found", missingTemplate: "missing"),
            ])
    }

    @Test func partialThatAlwaysIncludesItselfIsFoundWhenCompiling() {
        #expect(
            compileErrors(["loop": "x\n  {{> loop}}"]) == [
                TemplateError(
                    template: "loop", line: 2, column: 3,
                    message: "template 'loop' includes itself without end: loop → loop; "
                        + "a template can include itself only inside a section, which the data can end",
                    chain: ["loop", "loop"])
            ])
    }

    @Test func partialsThatIncludeEachOtherAreFoundOnceWithTheirChain() {
        // page → a → b → a: the cycle is a and b, reported at the tag that closes it.
        #expect(
            compileErrors([
                "page": "{{> a}}",
                "a": "A{{> b}}",
                "b": "{{#list}}{{/list}} {{< a}}{{/a}}",
            ]) == [
                TemplateError(
                    template: "b", line: 1, column: 20,
                    message: "template 'b' includes itself without end: b → a → b; "
                        + "a template can include itself only inside a section, which the data can end",
                    chain: ["b", "a", "b"])
            ])
    }

    @Test func recursionInsideASectionOrABlockCompiles() {
        #expect(
            compileErrors([
                "tree": "{{name}}{{#children}}{{> tree}}{{/children}}{{^children}}{{> tree}}{{/children}}",
                "parent": "{{$b}}{{> parent}}{{/b}}",
            ]) == [])
    }

    @Test func recursionTheDataNeverEndsStopsWithAnErrorAtTheTag() throws {
        // Every level finds `items` again further down the stack, so the recursion never ends;
        // with two items a level, rendering it out would take 2^200 steps.
        let library = try TemplateLibrary.compile([
            "page": "<ul>{{> partials/item}}</ul>",
            "partials/item": "<li>\n{{#items}}{{> partials/item}}{{/items}}</li>",
        ]).get()
        #expect(
            throws: TemplateError(
                template: "partials/item", line: 2, column: 11,
                message: "templates nested more than 200 deep: partials/item → partials/item "
                    + "repeats on every level without end",
                chain: ["partials/item", "partials/item"])
        ) {
            try library.render("page", ["items": [true, true]])
        }
    }

    @Test func recursionOverFiniteDataRenders() throws {
        let library = try TemplateLibrary.compile(["tree": "{{name}}({{#children}}{{> tree}}{{/children}})"]).get()
        let leaf: TemplateValue = ["name": "c", "children": []]
        #expect(try library.render("tree", ["name": "a", "children": [["name": "b", "children": [leaf]], leaf]]) == "a(b(c())c())")
    }

    @Test func overrideThatExpandsItsOwnBlockStopsWithAnErrorAtTheBlock() throws {
        let library = try TemplateLibrary.compile([
            "page": "{{<layout}}{{$main}}[{{$main}}x{{/main}}]{{/main}}{{/layout}}",
            "layout": "<main>{{$main}}{{/main}}</main>",
        ]).get()
        #expect(
            throws: TemplateError(
                template: "page", line: 1, column: 22,
                message: "templates nested more than 200 deep: page → layout → page "
                    + "repeats on every level without end",
                chain: ["page", "layout", "page"])
        ) {
            try library.render("page", [:])
        }
    }
}
