import Foundation
import Testing

@testable import Mustache

/// Runs the official Mustache spec files in `Spec/` (see `Spec/README.md` for their source).
@Suite struct SpecTests {
    static let files = ["comments", "interpolation", "sections", "inverted", "partials", "delimiters", "~inheritance"]

    /// Cases that cannot apply to this engine, by "file: name", with the reason. Keep it short.
    static let skipped: [String: String] = [
        "partials: Failed Lookup": "a missing partial is a compile error here, by design, not an empty string"
    ]

    struct Case: Sendable, CustomTestStringConvertible {
        let file: String
        let name: String
        let template: String
        let partials: [String: String]
        let data: TemplateValue
        let expected: String

        var key: String { "\(file): \(name)" }
        var testDescription: String { key }
    }

    private struct File: Decodable {
        struct Test: Decodable {
            let name: String
            let data: SpecData
            let template: String
            let partials: [String: String]?
            let expected: String
        }

        let tests: [Test]
    }

    static let allCases: [Case] = files.flatMap { file -> [Case] in
        guard let url = Bundle.module.url(forResource: file, withExtension: "json", subdirectory: "Spec"),
            let data = try? Data(contentsOf: url),
            let spec = try? JSONDecoder().decode(File.self, from: data)
        else { return [] }
        return spec.tests.map {
            Case(
                file: file, name: $0.name, template: $0.template, partials: $0.partials ?? [:],
                data: $0.data.value ?? .object([:]), expected: $0.expected)
        }
    }

    static let runnableCases = allCases.filter { skipped[$0.key] == nil }

    @Test func everySpecFileIsLoaded() {
        for file in Self.files {
            #expect(Self.allCases.contains { $0.file == file }, "no cases loaded from \(file).json")
        }
        // The numbers of cases in the spec files as copied; a change means the files changed.
        #expect(Self.allCases.count == 147)
        #expect(Self.runnableCases.count == 146)
    }

    @Test func everySkippedCaseExists() {
        for key in Self.skipped.keys {
            #expect(Self.allCases.contains { $0.key == key }, "skip list names a case that does not exist: \(key)")
        }
    }

    @Test(arguments: runnableCases)
    func specCase(_ specCase: Case) {
        // The template under test gets a name no spec partial uses.
        let main = "spec template"
        var templates = specCase.partials
        templates[main] = specCase.template
        let output = render(main, in: templates, with: specCase.data)
        #expect(output == specCase.expected, "\(specCase.key)")
    }
}
