import Foundation
import HealthGuideBase
import HealthGuideContent
import Mustache

/// The interface text of each of the site's languages, from `Templates/strings/<code>.yml`:
/// one `key: "text"` line per string. Templates show them as `{{strings.search}}`, and the
/// page titles made in code (`Topics`, `Page not found`) come from here too, so no language is
/// written into the templates or the program.
public struct InterfaceStrings: Sendable {
    /// Language code → key → text.
    public let texts: [String: [String: String]]
    /// Over every strings file: a changed string changes every page that may show it.
    public let fingerprint: String

    public init(texts: [String: [String: String]], fingerprint: String) {
        self.texts = texts
        self.fingerprint = fingerprint
    }

    /// The folder of the strings files, inside the templates folder.
    public static let folder = "strings"

    /// Strings the program puts into pages itself (page titles and descriptions). `{title}`
    /// and `{tag}` in them are replaced by the site's title and the tag.
    public static let requiredByCode = [
        "home", "topics", "topic_title", "topic_description", "topics_description", "glossary", "glossary_description",
        "search", "search_description", "not_found", "language_name",
    ]

    /// The language's strings as a template value.
    public func value(for language: String) -> TemplateValue {
        .object(TemplateObject((texts[language] ?? [:]).mapValues { TemplateValue.text($0) }))
    }

    /// The text of `key` in `language`, with `{name}` placeholders filled.
    public func text(_ key: String, language: String, _ values: [String: String] = [:]) -> String {
        var text = texts[language]?[key] ?? ""
        for (name, value) in values { text = text.replacingOccurrences(of: "{\(name)}", with: value) }
        return text
    }

    /// Reads the strings of `languages`, and reports every file that is missing or unreadable
    /// and every key a template or the program uses that a language lacks. `sources` are the
    /// templates' texts by name, `files` their files as diagnostics show them.
    static func load(
        root: String, languages: [String], sources: [String: String], files: [String: String], log: DiagnosticLog
    ) -> InterfaceStrings? {
        var texts: [String: [String: String]] = [:]
        var hashes: [String] = []
        var failed = false
        for language in languages {
            let path = root + "/" + folder + "/" + language + ".yml"
            let display = SourcePaths.standardized(path)
            guard let data = FileManager.default.contents(atPath: path), case let .success(text) = TextDecoding.decode(data) else {
                log.add(
                    Diagnostic(
                        file: display, location: nil, severity: .error,
                        message: "no interface strings for language '\(language)'", rule: .templateError,
                        hint: "copy the strings file of another language to \(folder)/\(language).yml and translate it"))
                failed = true
                continue
            }
            hashes += [language, ContentHash.of(data)]
            var reader = YAMLReader(file: display)
            var strings: [String: String] = [:]
            if let root = reader.compose(text), let pairs = reader.mapping(root, named: "a strings file", allowedKeys: nil) {
                for (key, _, value) in pairs {
                    strings[key] = reader.string(value, field: key)
                }
            }
            for var diagnostic in reader.diagnostics {
                diagnostic.rule = .templateError
                log.add(diagnostic)
                failed = true
            }
            texts[language] = strings
        }
        guard !failed else { return nil }
        for language in languages {
            let strings = texts[language] ?? [:]
            let file = SourcePaths.standardized(root + "/" + folder + "/" + language + ".yml")
            for (name, source) in sources.sorted(by: { $0.key < $1.key }) {
                for use in uses(in: source) where strings[use.key] == nil {
                    log.add(
                        Diagnostic(
                            file: files[name] ?? name, location: use.location, severity: .error,
                            message: "string '\(use.key)' is missing for language '\(language)' in \(file)", rule: .templateError))
                    failed = true
                }
            }
            for key in requiredByCode where strings[key] == nil {
                log.add(
                    Diagnostic(
                        file: file, location: nil, severity: .error,
                        message: "string '\(key)' is missing for language '\(language)'", rule: .templateError))
                failed = true
            }
        }
        guard !failed else { return nil }
        return InterfaceStrings(texts: texts, fingerprint: ContentHash.of(parts: hashes))
    }

    /// Every `strings.<key>` a template names inside a tag, with its line and column.
    static func uses(in source: String) -> [(key: String, location: SourceLocation)] {
        var uses: [(key: String, location: SourceLocation)] = []
        var line = 1, column = 1
        let bytes = Array(source.utf8)
        let marker = Array("strings.".utf8)
        var index = 0
        var inTag = false
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "{"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "{") { inTag = true }
            if bytes[index] == UInt8(ascii: "}") { inTag = false }
            if inTag, bytes[index...].starts(with: marker) {
                var end = index + marker.count
                while end < bytes.count, isKeyByte(bytes[end]) { end += 1 }
                let key = String(decoding: bytes[(index + marker.count)..<end], as: UTF8.self)
                if !key.isEmpty { uses.append((key, SourceLocation(line: line, column: column))) }
            }
            if bytes[index] == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if bytes[index] & 0xC0 != 0x80 {
                column += 1
            }
            index += 1
        }
        return uses
    }

    private static func isKeyByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            || byte == UInt8(ascii: "_")
    }
}
