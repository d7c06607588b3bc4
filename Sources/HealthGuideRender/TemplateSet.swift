import Foundation
import HealthGuideBase
import HealthGuideContent
import Mustache

/// The Mustache templates of a site, loaded from the templates folder: page templates at the
/// top (`article.mustache`), partials in `partials/` (used as `{{> partials/header}}`),
/// compiled once into a `TemplateLibrary`.
public struct TemplateSet: Sendable {
    public let library: TemplateLibrary
    /// Template name → fingerprint of its text and of every partial and parent it uses,
    /// directly or through others: editing `tag.mustache` re-renders tag pages only.
    public let fingerprints: [String: String]
    /// Template name → its file as shown in diagnostics.
    private let files: [String: String]
    /// The interface text of each of the site's languages.
    public let strings: InterfaceStrings

    /// Templates every site must have.
    public static let requiredTemplates = ["layout", "home", "section", "article", "tag", "glossary", "search", "404"]

    /// Loads and compiles every template and the strings of each of `languages`; a syntax
    /// error, a missing partial, a missing page template or a missing string is reported with
    /// the template's file, line and column.
    public static func load(from directory: URL, languages: [String] = ["en"], log: DiagnosticLog) -> TemplateSet? {
        let root = directory.standardizedFileURL.path
        guard FileSystem.isDirectory(root) else {
            log.add(
                Diagnostic(
                    file: SourcePaths.standardized(root), location: nil, severity: .error,
                    message: "templates folder not found", rule: .missingTemplates))
            return nil
        }
        var sources: [String: String] = [:]
        var files: [String: String] = [:]
        // Assets are listed here too: a link among them is refused before anything is copied.
        let listing = InputFolderWalker(root: root, boundaryName: "the templates folder").walk()
        log.add(contentsOf: listing.diagnostics)
        var failed = listing.diagnostics.contains { $0.severity == .error }
        for file in listing.files where file.hasSuffix(".mustache") {
            let name = String(file.dropLast(".mustache".count))
            let display = SourcePaths.standardized(root + "/" + file)
            files[name] = display
            guard let data = FileManager.default.contents(atPath: root + "/" + file),
                case let .success(text) = TextDecoding.decode(data)
            else {
                log.add(
                    Diagnostic(file: display, location: nil, severity: .error, message: "template is not UTF-8 text", rule: .templateError))
                failed = true
                continue
            }
            sources[name] = text
        }
        for required in requiredTemplates where files[required] == nil {
            log.add(
                Diagnostic(
                    file: SourcePaths.standardized(root + "/" + required + ".mustache"), location: nil, severity: .error,
                    message: "missing template '\(required).mustache'", rule: .templateError))
            failed = true
        }
        switch TemplateLibrary.compile(sources) {
        case let .failure(problems):
            for problem in problems.errors {
                log.add(diagnostic(for: problem, files: files, among: Array(sources.keys)))
            }
            return nil
        case let .success(library):
            guard !failed,
                let strings = InterfaceStrings.load(root: root, languages: languages, sources: sources, files: files, log: log)
            else { return nil }
            return TemplateSet(
                library: library, fingerprints: fingerprints(of: sources, library: library, strings: strings), files: files,
                strings: strings)
        }
    }

    /// The page's bytes, ready to write; throws the diagnostic when templates nest without end
    /// on this page's data.
    public func render(_ context: TemplateContext, template: String) throws(Diagnostic) -> Data {
        do {
            return Data(try library.renderUTF8(template, .object(context)) ?? [])
        } catch {
            throw Self.diagnostic(for: error, files: files, among: [])
        }
    }

    /// `names` are the templates there are, for a suggestion when the problem is a missing one.
    private static func diagnostic(for problem: TemplateError, files: [String: String], among names: [String]) -> Diagnostic {
        Diagnostic(
            file: files[problem.template] ?? problem.template,
            location: SourceLocation(line: problem.line, column: problem.column),
            severity: .error, message: message(for: problem, among: names), rule: .templateError)
    }

    private static func message(for problem: TemplateError, among names: [String]) -> String {
        if problem.chain != nil { return problem.message }
        guard let missing = problem.missingTemplate else { return "template syntax error: \(problem.message)" }
        let suggestion = Suggestion.closest(to: missing, in: names).map { " (did you mean '\($0)'?)" } ?? ""
        return problem.message + suggestion
    }

    /// The fingerprint of a template is over the texts of the templates it reaches, and the
    /// interface strings they may show.
    private static func fingerprints(of sources: [String: String], library: TemplateLibrary, strings: InterfaceStrings) -> [String: String]
    {
        var fingerprints: [String: String] = [:]
        for name in sources.keys {
            var reached: Set<String> = [name]
            var pending = [name]
            while let next = pending.popLast() {
                for used in library.references(of: next) where reached.insert(used).inserted {
                    pending.append(used)
                }
            }
            fingerprints[name] = ContentHash.of(parts: [strings.fingerprint] + reached.sorted().flatMap { [$0, sources[$0] ?? ""] })
        }
        return fingerprints
    }
}
