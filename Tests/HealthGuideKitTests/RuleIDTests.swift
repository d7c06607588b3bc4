import Foundation
import HealthGuideTestSupport
import Testing

@testable import HealthGuideBase
@testable import HealthGuideChecks
@testable import HealthGuideKit

/// The rule ids: one list in code, the same rules in the README and in `check --help`.
@Suite("Rule ids")
struct RuleIDTests {
    @Test("every id is unique, lower-case words joined by hyphens, and prints as itself")
    func ids() {
        let ids = RuleID.allCases.map(\.rawValue)
        #expect(Set(ids).count == ids.count)
        for rule in RuleID.allCases {
            #expect(rule.rawValue.range(of: "^[a-z]+(-[a-z]+)*$", options: .regularExpression) != nil, "\(rule.rawValue)")
            #expect("\(rule)" == rule.rawValue)
            #expect(!rule.summary.isEmpty && !rule.summary.contains("\n") && rule.summary.count <= 72, "\(rule)")
        }
    }

    @Test("the content rules are exactly the rules the engine runs, in its order, with the enum's severities")
    func contentRulesAreTheEngine() {
        #expect(RuleEngine.standardRules.map(\.id) == RuleID.contentRules)
        #expect(RuleEngine.standardRules.map(\.defaultSeverity) == RuleID.contentRules.map(\.defaultSeverity))
        #expect(RuleID.contentRules.filter(\.isSetupProblem).isEmpty)
    }

    @Test("the README's rule table lists exactly the content rules, with their default severities and what they find")
    func readmeTable() throws {
        let readme = try String(contentsOf: TestSite.repository.appendingPathComponent("README.md"), encoding: .utf8)
        let lines = readme.components(separatedBy: "\n")
        let header = try #require(lines.firstIndex(of: "| rule | default | finds |"), "README has no rule table")
        let rows = lines[(header + 2)...].prefix { $0.hasPrefix("| ") }
        let documented = rows.map { row in
            row.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
        }
        let expected = RuleID.contentRules.map { ["`\($0.rawValue)`", $0.defaultSeverity.rawValue, $0.summary] }
        #expect(documented == expected)
    }

    @Test("check --help lists every content rule with its default severity and what it finds, and no other id")
    func checkHelp() throws {
        let output = try CommandLineRunner.run(["check", "--help"], in: FileManager.default.temporaryDirectory)
        #expect(output.status == 0)
        for rule in RuleID.contentRules {
            #expect(
                output.standardOutput.contains("\n  \(rule.rawValue) (\(rule.defaultSeverity.rawValue))\n      \(rule.summary)\n"),
                "\(rule)")
        }
        let words = output.standardOutput.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let listed = try Regex(#"([a-z-]+) \((?:error|warning)\)"#)
        #expect(words.matches(of: listed).map { String($0.output[1].substring ?? "") } == RuleID.contentRules.map(\.rawValue))
    }

    @Test("a diagnostic keeps its rule through the page cache's byte form; an unknown id there is malformed")
    func byteForm() throws {
        let diagnostic = Diagnostic(
            file: "Content/a.md", location: SourceLocation(line: 2, column: 3), severity: .warning,
            message: "long", rule: .longSentence, hint: "split it")
        var writer = ByteWriter()
        diagnostic.write(to: &writer)
        var reader = ByteReader(writer.bytes[...])
        #expect(try Diagnostic(from: &reader) == diagnostic)

        var unknown = ByteWriter()
        unknown.write("long-sentences")
        var unknownReader = ByteReader(unknown.bytes[...])
        #expect(throws: ByteReader.Malformed.self) { try RuleID(from: &unknownReader) }
    }
}
