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

@Suite("JSON writer")
struct JSONValueTests {
    @Test("quotes, backslashes, control characters and line separators are escaped; other text is kept")
    func escaping() {
        let text = "Say \"ice\" \\ heat\n\t\r\u{1}\u{1F}é 😀 a\u{2028}b\u{2029}c <b>&"
        #expect(
            JSONValue.string(text).serialized()
                == #""Say \"ice\" \\ heat\n\t\r\u0001\u001fé 😀 a\u2028b\u2029c <b>&""#)
        #expect(
            JSONValue.string(text).serialized(scriptSafe: true)
                == #""Say \"ice\" \\ heat\n\t\r\u0001\u001fé 😀 a\u2028b\u2029c \u003cb\u003e\u0026""#)
    }

    @Test("objects keep their keys' order; arrays and numbers")
    func structure() {
        let value = JSONValue.object([("z", .int(-3)), ("a", .array([.string(""), .int(0)])), ("m", .object([]))])
        #expect(value.serialized() == #"{"z":-3,"a":["",0],"m":{}}"#)
    }
}
