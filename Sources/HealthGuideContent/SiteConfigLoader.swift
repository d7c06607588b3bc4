import HealthGuideBase
import Yams

/// Reads and validates `site.yml`. Every problem is reported with its position.
public struct SiteConfigLoader {
    public static let fields = [
        "title", "condition", "base_url", "language", "emergency_number", "review_interval_months",
        "reading_grade", "allow_raw_html", "medicines_note", "sections", "disclaimer", "rules",
        "limits", "values", "languages",
    ]
    public static let required = ["title", "base_url", "sections", "disclaimer"]
    public static let sectionFields = ["id", "title", "order", "description"]

    /// Errors in `site.yml` that leave nothing sensible to build: the content is not even
    /// listed, since every file would be judged by settings that are wrong (a misspelt section
    /// id makes each of its articles an "unknown section").
    public static let stoppingRules: Set<RuleID> = [
        .yamlSyntax, .missingField, .wrongType, .unknownField, .invalidValue, .duplicateField, .duplicateSection, .pathCollision,
    ]

    public let displayPath: String

    public func load(text: String) -> (SiteConfig?, [Diagnostic]) {
        var reader = YAMLReader(file: displayPath)
        guard let root = reader.compose(text) else {
            if reader.diagnostics.isEmpty {
                reader.report(at: .start, "site.yml is empty", rule: .missingField)
            }
            return (nil, reader.diagnostics)
        }
        guard let pairs = reader.mapping(root, named: "site.yml", allowedKeys: Self.fields) else {
            return (nil, reader.diagnostics)
        }
        var config = SiteConfig()
        // The texts that may hold `[[name]]`, with their places: values are put in once all are read.
        var texts: [(field: SiteText, node: Node)] = []
        // Read last: they name the default language and the sections, wherever those are written.
        var languagesNode: Node?
        for (key, _, value) in pairs {
            switch key {
            case "title": config.title = reader.string(value, field: key) ?? ""
            case "condition": config.condition = reader.string(value, field: key) ?? ""
            case "base_url": config.baseURL = Self.baseURL(reader.string(value, field: key), reader: &reader, node: value)
            case "language": config.language = Self.language(reader.string(value, field: key), reader: &reader, node: value)
            case "emergency_number": config.emergencyNumber = reader.string(value, field: key) ?? "911"
            case "review_interval_months":
                if let months = reader.integer(value, field: key) {
                    if months < 1 || months > 60 {
                        reader.report(
                            at: reader.location(of: value), "'review_interval_months' must be between 1 and 60", rule: .invalidValue)
                    } else {
                        config.reviewIntervalMonths = months
                    }
                }
            case "reading_grade": config.readingGrade = Self.readingGrade(value, reader: &reader)
            case "allow_raw_html": config.allowRawHTML = reader.bool(value, field: key) ?? false
            case "medicines_note":
                config.medicinesNote = reader.string(value, field: key) ?? ""
                texts.append((.medicinesNote, value))
            case "sections":
                config.sections = Self.sections(value, reader: &reader)
                texts += Self.descriptionNodes(value).compactMap { id, node in
                    config.sections.contains { $0.id == id } ? (.sectionDescription(id), node) : nil
                }
            case "disclaimer":
                config.disclaimer = reader.string(value, field: key) ?? ""
                texts.append((.disclaimer, value))
            case "values": config.values = Self.values(value, reader: &reader)
            case "rules": config.ruleSeverities = Self.rules(value, reader: &reader)
            case "limits": config.limits = Self.limits(value, reader: &reader)
            case "languages": languagesNode = value
            default: break
            }
        }
        SiteText.putValues(into: &config, texts: texts, reader: &reader)
        if let languagesNode {
            config.languages = LanguagesLoader.languages(
                languagesNode, defaultLanguage: config.language, sections: config.sections, values: SiteValues(config: config),
                reader: &reader)
        }
        let present = Set(pairs.map(\.key))
        for field in Self.required where !present.contains(field) {
            reader.report(at: .start, "site.yml is missing '\(field)'", rule: .missingField)
        }
        return (config, reader.diagnostics)
    }

    /// `values:`, a mapping of names to texts.
    private static func values(_ node: Node, reader: inout YAMLReader) -> [String: String] {
        guard let pairs = reader.mapping(node, named: "values", allowedKeys: nil) else { return [:] }
        var values: [String: String] = [:]
        for (key, keyNode, value) in pairs {
            guard SiteValues.isName(key), !SiteValues.builtInNames.contains(key) else {
                let why =
                    SiteValues.isName(key)
                    ? "is a site setting already: write [[\(key)]] without listing it under 'values'"
                    : "must be made of letters, digits, '_' and '-'"
                reader.report(at: reader.location(of: keyNode), "value name '\(key)' \(why)", rule: .invalidValue)
                continue
            }
            if let text = reader.string(value, field: "values.\(key)", allowEmpty: true) { values[key] = text }
        }
        return values
    }

    /// The `description` node of each section, by id, for putting values into it.
    private static func descriptionNodes(_ node: Node) -> [(String, Node)] {
        (node.sequence ?? []).compactMap { item in
            guard let mapping = item.mapping, let id = mapping["id"]?.string, let description = mapping["description"] else { return nil }
            return (id, description)
        }
    }

    private static func baseURL(_ text: String?, reader: inout YAMLReader, node: Node) -> String {
        guard let text else { return "/" }
        do {
            return try BaseURL(validating: text).text
        } catch {
            reader.report(at: reader.location(of: node), "'base_url' \(error.reason)", rule: .invalidValue)
            return "/"
        }
    }

    private static func limits(_ node: Node, reader: inout YAMLReader) -> InputLimits {
        var limits = InputLimits()
        guard let pairs = reader.mapping(node, named: "limits", allowedKeys: ["file_kb", "table_cells", "folder_depth"]) else {
            return limits
        }
        for (key, _, value) in pairs {
            guard let number = reader.integer(value, field: key) else { continue }
            let most = key == "folder_depth" ? 20 : 1_000_000
            guard number >= 1 && number <= most else {
                reader.report(at: reader.location(of: value), "'\(key)' must be between 1 and \(most)", rule: .invalidValue)
                continue
            }
            switch key {
            case "file_kb": limits.fileKilobytes = number
            case "table_cells": limits.tableCells = number
            default: limits.folderDepth = number
            }
        }
        return limits
    }

    /// The page's `lang`: a language tag (`en`, `en-GB`, `es-419`), which screen readers go by.
    private static func language(_ text: String?, reader: inout YAMLReader, node: Node) -> String {
        guard let text else { return "en" }
        guard LanguageTag.isValid(text) else {
            reader.report(
                at: reader.location(of: node), "'language' must be a language tag such as en, en-GB or es-419, not '\(text)'",
                rule: .invalidValue)
            return "en"
        }
        return text
    }

    /// Grades are school years: a finite number, and the warning no higher than the error.
    private static let gradeRange = 0.0...30.0

    /// A grade as written in site.yml: `8`, `8.5`.
    private static func grade(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }

    private static func readingGrade(_ node: Node, reader: inout YAMLReader) -> ReadingGradeLimits {
        var limits = ReadingGradeLimits()
        guard let pairs = reader.mapping(node, named: "reading_grade", allowedKeys: ["warning", "error"]) else { return limits }
        for (key, _, value) in pairs {
            guard let text = value.scalar?.string, let number = Double(text) else {
                reader.report(at: reader.location(of: value), "'reading_grade.\(key)' must be a number", rule: .wrongType)
                continue
            }
            guard gradeRange.contains(number) else {
                reader.report(
                    at: reader.location(of: value), "'reading_grade.\(key)' must be a grade from 0 to 30, not '\(text)'",
                    rule: .invalidValue)
                continue
            }
            if key == "warning" { limits.warning = number } else { limits.error = number }
        }
        if limits.warning > limits.error {
            reader.report(
                at: reader.location(of: node),
                "'reading_grade.warning' (\(grade(limits.warning))) is above 'reading_grade.error' (\(grade(limits.error))): the warning would never show",
                rule: .invalidValue)
        }
        return limits
    }

    private static func sections(_ node: Node, reader: inout YAMLReader) -> [SectionConfig] {
        guard let items = reader.sequence(node, field: "sections") else { return [] }
        var sections: [SectionConfig] = []
        var firstIDNodes: [String: Node] = [:]
        for (index, item) in items.enumerated() {
            guard let pairs = reader.mapping(item, named: "a section", allowedKeys: sectionFields) else { continue }
            var section = SectionConfig(id: "", title: "", order: index + 1, description: "")
            var idNode = item
            for (key, _, value) in pairs {
                switch key {
                case "id":
                    section.id = reader.string(value, field: "id") ?? ""
                    idNode = value
                case "title": section.title = reader.string(value, field: "title") ?? ""
                case "order": section.order = reader.integer(value, field: "order") ?? section.order
                case "description": section.description = reader.string(value, field: "description") ?? ""
                default: break
                }
            }
            if section.id.isEmpty || section.title.isEmpty {
                reader.report(at: reader.location(of: item), "every section needs an 'id' and a 'title'", rule: .missingField)
                continue
            }
            if let problem = Slug.problem(with: section.id) {
                reader.report(at: reader.location(of: idNode), "section id '\(Slug.quoted(section.id))' \(problem)", rule: .invalidValue)
                continue
            }
            if let owner = GeneratedPaths.owner(of: section.id) {
                reader.report(
                    at: reader.location(of: idNode),
                    "section '\(section.id)' would write its pages to '\(section.id)/', where the build writes \(owner)",
                    rule: .pathCollision, hint: "choose another section id")
                continue
            }
            if let first = firstIDNodes[section.id] {
                let place = reader.location(of: first).map { " (first at line \($0.line))" } ?? ""
                reader.report(at: reader.location(of: idNode), "section '\(section.id)' is listed twice\(place)", rule: .duplicateSection)
                continue
            }
            firstIDNodes[section.id] = idNode
            sections.append(section)
        }
        return sections.sorted { ($0.order, $0.id) < ($1.order, $1.id) }
    }

    /// The content rules' severities; the ids come from `RuleID`, so an unknown one is an
    /// unknown field with a suggestion.
    private static func rules(_ node: Node, reader: inout YAMLReader) -> [RuleID: Severity?] {
        guard let pairs = reader.mapping(node, named: "rules", allowedKeys: RuleID.contentRules.map(\.rawValue)) else { return [:] }
        var severities: [RuleID: Severity?] = [:]
        for (key, _, value) in pairs {
            // `mapping` passed only the content rules' ids.
            guard let rule = RuleID(rawValue: key) else { continue }
            switch value.scalar?.string {
            case "error": severities[rule] = .error
            case "warning": severities[rule] = .warning
            case "off": severities[rule] = .some(nil)
            default:
                reader.report(at: reader.location(of: value), "rule '\(key)' must be error, warning or off", rule: .invalidValue)
            }
        }
        return severities
    }
}
