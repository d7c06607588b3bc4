import Foundation
import Mustache

/// The Mustache templates of a site, loaded from the templates folder: page templates at the
/// top (`article.mustache`), partials in `partials/` (used as `{{> partials/header}}`).
public struct TemplateSet: Sendable {
    let library: MustacheLibrary
    /// Template name → fingerprint of its text and of every partial and parent it uses,
    /// directly or through others: editing `tag.mustache` re-renders tag pages only.
    let fingerprints: [String: String]

    /// Templates every site must have.
    static let requiredTemplates = ["layout", "home", "section", "article", "tag", "glossary", "search", "404"]

    /// Loads and checks every template; a syntax error, a missing partial or a missing page
    /// template is reported with the template's file and line.
    static func load(from directory: URL, log: DiagnosticLog) -> TemplateSet? {
        let root = directory.standardizedFileURL.path
        let paths = DisplayPaths()
        guard FileSystem.isDirectory(root) else {
            log.add(Diagnostic(file: paths.display(root), location: nil, severity: .error,
                               message: "templates folder not found", rule: "missing-templates"))
            return nil
        }
        var templates: [String: MustacheTemplate] = [:]
        var sources: [(name: String, file: String, text: String)] = []
        var failed = false
        for file in templateFiles(in: root) {
            let name = String(file.dropLast(".mustache".count))
            let display = paths.display(root + "/" + file)
            guard let data = FileManager.default.contents(atPath: root + "/" + file),
                  case let .success(text) = TextDecoding.decode(data) else {
                log.add(Diagnostic(file: display, location: nil, severity: .error, message: "template is not UTF-8 text", rule: "template-error"))
                failed = true
                continue
            }
            do {
                templates[name] = try MustacheTemplate(string: text)
                sources.append((name, display, text))
            } catch let error as MustacheTemplate.ParserError {
                log.add(Diagnostic(file: display, location: SourceLocation(line: error.context.lineNumber, column: error.context.columnNumber + 1),
                                   severity: .error, message: "template syntax error: \(describe(error.error))", rule: "template-error"))
                failed = true
            } catch {
                log.add(Diagnostic(file: display, location: nil, severity: .error, message: "template error: \(error)", rule: "template-error"))
                failed = true
            }
        }
        for required in requiredTemplates where templates[required] == nil && !sources.contains(where: { $0.name == required }) && !failed {
            log.add(Diagnostic(file: paths.display(root + "/" + required + ".mustache"), location: nil, severity: .error,
                               message: "missing template '\(required).mustache'", rule: "template-error"))
            failed = true
        }
        for source in sources {
            for reference in PartialReferences.find(in: source.text) where templates[reference.name] == nil {
                let suggestion = Suggestion.closest(to: reference.name, in: templates.keys).map { " (did you mean '\($0)'?)" } ?? ""
                log.add(Diagnostic(file: source.file, location: reference.location, severity: .error,
                                   message: "template '\(reference.name)' not found\(suggestion)", rule: "template-error"))
                failed = true
            }
        }
        guard !failed else { return nil }
        return TemplateSet(library: MustacheLibrary(templates: templates), fingerprints: fingerprints(of: sources))
    }

    func render(_ context: [String: Any], template: String) -> String {
        library.render(context, withTemplate: template) ?? ""
    }

    /// The fingerprint of a template is over the texts of the templates it reaches.
    private static func fingerprints(of sources: [(name: String, file: String, text: String)]) -> [String: String] {
        var texts: [String: String] = [:]
        var uses: [String: [String]] = [:]
        for source in sources {
            texts[source.name] = source.text
            uses[source.name] = PartialReferences.find(in: source.text).map(\.name)
        }
        var fingerprints: [String: String] = [:]
        for name in texts.keys {
            var reached: Set<String> = [name]
            var pending = [name]
            while let next = pending.popLast() {
                for used in uses[next] ?? [] where reached.insert(used).inserted {
                    pending.append(used)
                }
            }
            fingerprints[name] = ContentHash.of(parts: reached.sorted().flatMap { [$0, texts[$0] ?? ""] })
        }
        return fingerprints
    }

    private static func templateFiles(in root: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { return [] }
        var files: [String] = []
        while let path = enumerator.nextObject() as? String {
            if path.hasSuffix(".mustache"), !path.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
                files.append(path)
            }
        }
        return files.sorted()
    }

    private static func describe(_ error: Error) -> String {
        switch error {
        case MustacheTemplate.Error.sectionCloseNameIncorrect: return "a section is closed with the wrong name"
        case MustacheTemplate.Error.unfinishedName: return "a tag is not closed with '}}'"
        case MustacheTemplate.Error.expectedSectionEnd: return "a section is opened but never closed"
        default: return "\(error)"
        }
    }
}

/// Finds `{{> name}}` (partial) and `{{< name}}` (parent) tags, which swift-mustache would
/// otherwise render as nothing when the template is missing.
enum PartialReferences {
    struct Reference {
        var name: String
        var location: SourceLocation
    }

    static func find(in text: String) -> [Reference] {
        var references: [Reference] = []
        for (lineIndex, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var search = line[...]
            while let open = search.range(of: "{{") {
                let afterOpen = search[open.upperBound...]
                guard let close = afterOpen.range(of: "}}") else { break }
                let tag = afterOpen[..<close.lowerBound]
                if let sigil = tag.first, sigil == ">" || sigil == "<" {
                    let name = String(tag.dropFirst()).trimmingWhitespace
                    if !name.isEmpty {
                        let column = line.distance(from: line.startIndex, to: open.lowerBound) + 1
                        references.append(Reference(name: name, location: SourceLocation(line: lineIndex + 1, column: column)))
                    }
                }
                search = afterOpen[close.upperBound...]
            }
        }
        return references
    }
}
