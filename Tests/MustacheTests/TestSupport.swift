import Foundation
import Testing

@testable import Mustache

// Literal syntax keeps the expected contexts in tests readable.
extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    public init(stringLiteral value: String) { self = .text(value) }
    public init(booleanLiteral value: Bool) { self = .flag(value) }
    public init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self = .object(TemplateObject(elements))
    }
}

/// Compiles `templates` and renders `name`, recording a test issue instead of crashing when
/// compiling fails, so a broken case fails alone.
func render(_ name: String, in templates: [String: String], with context: TemplateValue) -> String? {
    switch TemplateLibrary.compile(templates) {
    case .success(let library):
        do {
            return try library.render(name, context)
        } catch {
            Issue.record("rendering failed: \(error)")
            return nil
        }
    case .failure(let errors):
        Issue.record("templates did not compile: \(errors)")
        return nil
    }
}

/// The errors `TemplateLibrary.compile` reports for `templates`, or [] if they compile.
func compileErrors(_ templates: [String: String]) -> [TemplateError] {
    switch TemplateLibrary.compile(templates) {
    case .success: []
    case .failure(let errors): errors.errors
    }
}

/// A JSON value from a spec file, turned into context data the way swift-mustache's own spec tests
/// see it: numbers become the text Swift prints for them (85 → "85", 1.5 → "1.5"), and null
/// becomes a missing key.
struct SpecData: Decodable {
    let value: TemplateValue?

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            value = nil
        } else if let flag = try? container.decode(Bool.self) {
            value = .flag(flag)
        } else if let integer = try? container.decode(Int.self) {
            value = .text(String(integer))
        } else if let number = try? container.decode(Double.self) {
            value = .text(String(number))
        } else if let text = try? container.decode(String.self) {
            value = .text(text)
        } else if let list = try? container.decode([SpecData].self) {
            value = .list(list.compactMap(\.value))
        } else {
            let fields = try container.decode([String: SpecData].self)
            value = .object(TemplateObject(fields.compactMapValues(\.value)))
        }
    }
}
