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

/// Known XSS vectors (in the manner of OWASP's filter evasion cheat sheet) through the raw HTML
/// sanitizer: each with its exact output and exactly what it reports.
@Suite("Raw HTML sanitizer")
struct RawHTMLSanitizerTests {
    struct Vector: CustomTestStringConvertible, Sendable {
        var input: String
        var output: String
        var removals: [String]
        var testDescription: String { input }
    }

    static let scriptOnly = "raw HTML <script> removed, with its content"
    static let badScheme = "addresses are not allowed (only http, https, mailto, tel and relative ones)"

    static let vectors: [Vector] = [
        Vector(input: "<script>alert('XSS')</script>", output: "", removals: [scriptOnly]),
        Vector(input: "<SCRIPT SRC=http://xss.rocks/xss.js></SCRIPT>", output: "", removals: [scriptOnly]),
        Vector(input: "<SCRIPT/XSS SRC=\"http://xss.rocks/xss.js\"></SCRIPT>after", output: "after", removals: [scriptOnly]),
        Vector(input: "<<SCRIPT>alert(\"XSS\");//\\<</SCRIPT>", output: "&lt;", removals: [scriptOnly]),
        Vector(
            input: "<IMG SRC=\"javascript:alert('XSS');\">", output: "<img>",
            removals: ["raw HTML attribute 'src' removed from <img>: 'javascript:' \(badScheme)"]),
        Vector(
            input: "<IMG SRC=JaVaScRiPt:alert('XSS')>", output: "<img>",
            removals: ["raw HTML attribute 'src' removed from <img>: 'javascript:' \(badScheme)"]),
        Vector(
            input:
                "<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>",
            output: "<img>", removals: ["raw HTML attribute 'src' removed from <img>: 'javascript:' \(badScheme)"]),
        Vector(
            input:
                "<IMG SRC=&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116>",
            output: "<img>", removals: ["raw HTML attribute 'src' removed from <img>: 'javascript:' \(badScheme)"]),
        Vector(
            input:
                "<IMG SRC=&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74&#x28&#x27&#x58&#x53&#x53&#x27&#x29>",
            output: "<img>", removals: ["raw HTML attribute 'src' removed from <img>: 'javascript:' \(badScheme)"]),
        Vector(
            input: "<IMG SRC=\"jav\tascript:alert('XSS');\">", output: "<img>",
            removals: ["raw HTML attribute 'src' removed from <img>: 'javascript:' \(badScheme)"]),
        Vector(
            input: "<IMG SRC=\"jav&#x09;ascript:alert('XSS');\">", output: "<img>",
            removals: ["raw HTML attribute 'src' removed from <img>: 'javascript:' \(badScheme)"]),
        Vector(
            input: "<IMG SRC=\"jav&#x0A;ascript:alert('XSS');\">", output: "<img>",
            removals: ["raw HTML attribute 'src' removed from <img>: 'javascript:' \(badScheme)"]),
        Vector(
            input: "<IMG SRC=\" &#14;  javascript:alert('XSS');\">", output: "<img>",
            removals: ["raw HTML attribute 'src' removed from <img>: 'javascript:' \(badScheme)"]),
        Vector(
            input: "<a href=\"&#x6A;avascript&colon;alert(1)\">x</a>", output: "<a>x</a>",
            removals: ["raw HTML attribute 'href' removed from <a>: 'javascript:' \(badScheme)"]),
        Vector(
            input: "<a href=\"vbscript:msgbox(1)\">x</a>", output: "<a>x</a>",
            removals: ["raw HTML attribute 'href' removed from <a>: 'vbscript:' \(badScheme)"]),
        Vector(
            input: "<img src=\"data:image/svg+xml;base64,PHN2Zz4=\" alt=\"\">", output: "<img alt=\"\">",
            removals: ["raw HTML attribute 'src' removed from <img>: 'data:' \(badScheme)"]),
        Vector(
            input: "<img srcset=\"ok.png 1x, javascript:alert(1) 2x\">", output: "<img>",
            removals: ["raw HTML attribute 'srcset' removed from <img>: 'javascript:' \(badScheme)"]),
        Vector(
            input: "<img src=x:alert(alt) onerror=eval(src) alt=0>", output: "<img alt=\"0\">",
            removals: [
                "raw HTML attribute 'src' removed from <img>: 'x:' \(badScheme)",
                "raw HTML attribute 'onerror' removed from <img>: event handlers are not allowed",
            ]),
        Vector(
            input: "<a onmouseover=\"alert(document.cookie)\">xxs link</a>", output: "<a>xxs link</a>",
            removals: ["raw HTML attribute 'onmouseover' removed from <a>: event handlers are not allowed"]),
        Vector(
            input: "<IMG \"\"\"><SCRIPT>alert(\"XSS\")</SCRIPT>\"\\>", output: "<img>\"\\&gt;",
            removals: ["raw HTML attribute '\"\"\"' removed from <img>: not an allowed attribute of <img>", scriptOnly]),
        Vector(
            input: "<BODY onload!#$%&()*~+-_.,:;?@[/|\\]^`=alert(\"XSS\")>", output: "",
            removals: ["raw HTML <body> removed: not an allowed element"]),
        Vector(
            input: "<IFRAME SRC=\"javascript:alert('XSS');\"></IFRAME>", output: "",
            removals: ["raw HTML <iframe> removed, with its content"]),
        Vector(input: "<svg/onload=alert('XSS')>", output: "", removals: ["raw HTML <svg> removed, with its content"]),
        Vector(
            input: "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>", output: "",
            removals: ["raw HTML <math> removed, with its content"]),
        Vector(
            input: "<object data=\"javascript:alert(1)\"></object><embed src=\"javascript:alert(1)\">", output: "",
            removals: ["raw HTML <object> removed, with its content", "raw HTML <embed> removed: not an allowed element"]),
        Vector(
            input: "<form action=\"javascript:alert(1)\"><button formaction=\"javascript:alert(1)\">Go</button></form>",
            output: "Go",
            removals: ["raw HTML <form> removed: not an allowed element", "raw HTML <button> removed: not an allowed element"]),
        Vector(
            input: "<DIV STYLE=\"background-image: url(javascript:alert('XSS'))\">x</DIV>", output: "<div>x</div>",
            removals: ["raw HTML attribute 'style' removed from <div>: CSS with 'url(' is not allowed"]),
        Vector(
            input: "<DIV STYLE=\"width: expression(alert('XSS'));\">", output: "<div>",
            removals: ["raw HTML attribute 'style' removed from <div>: CSS with 'expression' is not allowed"]),
        Vector(
            input: "<div style=\"w\\69 dth: ex/**/pression(alert(1))\">", output: "<div>",
            removals: ["raw HTML attribute 'style' removed from <div>: CSS with '\\' is not allowed"]),
        Vector(
            input: "<TABLE BACKGROUND=\"javascript:alert('XSS')\">", output: "<table>",
            removals: ["raw HTML attribute 'background' removed from <table>: not an allowed attribute of <table>"]),
        Vector(
            input: "<META HTTP-EQUIV=\"refresh\" CONTENT=\"0;url=javascript:alert('XSS');\">", output: "",
            removals: ["raw HTML <meta> removed: not an allowed element"]),
        Vector(
            input: "<BASE HREF=\"javascript:alert('XSS');//\">", output: "", removals: ["raw HTML <base> removed: not an allowed element"]),
        Vector(
            input: "<LINK REL=\"stylesheet\" HREF=\"javascript:alert('XSS');\">", output: "",
            removals: ["raw HTML <link> removed: not an allowed element"]),
        Vector(
            input: "<xss onpointerover=alert(1)>hover</xss>", output: "hover", removals: ["raw HTML <xss> removed: not an allowed element"]),
        Vector(
            input: "<details open ontoggle=alert(1)>", output: "<details open=\"\">",
            removals: ["raw HTML attribute 'ontoggle' removed from <details>: event handlers are not allowed"]),
        Vector(input: "<!--[if gte IE 4]><SCRIPT>alert('XSS');</SCRIPT><![endif]-->", output: "", removals: []),
        // A browser ends this comment at `--!>`, so the image is markup, not comment.
        Vector(
            input: "<!-- --!><img src=x onerror=alert(1)> -->", output: "<img src=\"x\"> --&gt;",
            removals: ["raw HTML attribute 'onerror' removed from <img>: event handlers are not allowed"]),
        Vector(input: "<a href=\"javascript:alert(1)\"", output: "", removals: ["unfinished raw HTML tag removed"]),
        Vector(
            input: "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>", output: "<img src=\"x\">\"&gt;",
            removals: [
                "raw HTML <noscript> removed, with its content",
                "raw HTML attribute 'onerror' removed from <img>: event handlers are not allowed",
            ]),
    ]

    @Test("a known XSS vector is removed, and said so", arguments: vectors)
    func vector(_ vector: Vector) {
        let (html, removals) = RawHTMLSanitizer.sanitize(vector.input)
        #expect(html == vector.output)
        #expect(removals.map(\.message) == vector.removals)
    }

    @Test("what is allowed is kept, written again in one form")
    func keptAsWritten() {
        let input = """
            <div class="note" ID=intro><p title='say "hi"'>Call <a href="tel:911">911</a>, mail \
            <a href="mailto:help@example.org">us</a>, read <a href="https://example.org/?a=1&amp;b=2#c">this</a>, \
            <a href="../stretches/">that</a> or <a href="#top">the top</a>. 3 < 4 &amp; 5 > 2.<br/></p>
            <img src="../images/cat.png" alt="A cat" width=200 aria-describedby="caption"></div>
            """
        let (html, removals) = RawHTMLSanitizer.sanitize(input)
        #expect(
            html == """
                <div class="note" id="intro"><p title="say &quot;hi&quot;">Call <a href="tel:911">911</a>, mail \
                <a href="mailto:help@example.org">us</a>, read <a href="https://example.org/?a=1&amp;b=2#c">this</a>, \
                <a href="../stretches/">that</a> or <a href="#top">the top</a>. 3 &lt; 4 &amp; 5 &gt; 2.<br></p>
                <img src="../images/cat.png" alt="A cat" width="200" aria-describedby="caption"></div>
                """)
        #expect(removals.isEmpty)
    }

    @Test("each removal is at its byte offset in the raw HTML")
    func offsets() {
        let (_, removals) = RawHTMLSanitizer.sanitize("<p>\n<a onclick=x>y</a><script>z</script>")
        #expect(
            removals == [
                RawHTMLSanitizer.Removal(
                    offset: 7, message: "raw HTML attribute 'onclick' removed from <a>: event handlers are not allowed"),
                RawHTMLSanitizer.Removal(offset: 22, message: Self.scriptOnly),
            ])
    }
}
