import Testing

@testable import Mustache

@Suite struct ValueTests {
    private func render(_ template: String, _ context: TemplateValue) -> String? {
        MustacheTests.render("page", in: ["page": template], with: context)
    }

    @Test func escapesExactlyFiveCharacters() {
        let text: TemplateValue = ["text": "a&b<c>d\"e'f/g=h`i é 😀"]
        #expect(render("{{text}}", text) == "a&amp;b&lt;c&gt;d&quot;e&#39;f/g=h`i é 😀")
        #expect(render("{{{text}}}|{{& text}}", text) == "a&b<c>d\"e'f/g=h`i é 😀|a&b<c>d\"e'f/g=h`i é 😀")
    }

    @Test func valuesPrintAsDocumented() {
        let context: TemplateValue = ["yes": true, "no": false, "list": ["a"], "object": ["a": "b"], "empty": ""]
        #expect(render("[{{yes}}|{{no}}|{{list}}|{{object}}|{{empty}}|{{missing}}]", context) == "[true|false||||]")
    }

    @Test func sectionsFollowTheValue() {
        let context: TemplateValue = [
            "yes": true, "no": false, "empty": "", "text": "t", "none": [], "items": ["a", "b"], "object": ["name": "o"],
        ]
        let template =
            "{{#yes}}Y{{/yes}}{{#no}}N{{/no}}{{#empty}}E{{.}}{{/empty}}{{#text}}<{{.}}>{{/text}}"
            + "{{#none}}L{{/none}}{{#items}}({{.}}){{/items}}{{#object}}{{name}}{{/object}}{{#missing}}M{{/missing}}"
        #expect(render(template, context) == "YE<t>(a)(b)o")
        let inverted =
            "{{^yes}}Y{{/yes}}{{^no}}N{{/no}}{{^empty}}E{{/empty}}{{^text}}T{{/text}}"
            + "{{^none}}L{{/none}}{{^items}}I{{/items}}{{^object}}O{{/object}}{{^missing}}M{{/missing}}"
        #expect(render(inverted, context) == "NLM")
    }

    @Test func namesResolveThroughTheStack() {
        let context: TemplateValue = ["a": ["b": ["c": "deep"]], "name": "outer", "items": [["name": "inner"], ["other": "x"]]]
        #expect(
            render("{{a.b.c}}|{{a.x.c}}|{{#items}}{{name}},{{/items}}|{{#a}}{{.name}}{{/a}}", context)
                == "deep||inner,outer,|")
    }
}
