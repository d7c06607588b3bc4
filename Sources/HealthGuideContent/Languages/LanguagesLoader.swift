import HealthGuideBase
import Yams

/// Reads `languages:` of `site.yml`: a mapping from each language code besides the default to
/// that language's texts.
///
/// ```yaml
/// languages:
///   es:
///     title: "Espasmos de espalda"
///     disclaimer: "…"
///     reading: { formula: fernandez-huerta, warning: 60, error: 50 }
///     sections: { causes: { title: "Causas", description: "…" } }
/// ```
enum LanguagesLoader {
    static let fields = [
        "title", "description", "disclaimer", "medicines_note", "emergency_number", "emergency_text", "reading", "sections",
    ]
    static let required = ["title", "disclaimer"]

    /// The languages, sorted by code, given the site's default language and sections; `values`
    /// are the site's, whose names the languages' texts may use as `[[name]]`.
    static func languages(
        _ node: Node, defaultLanguage: String, sections: [SectionConfig], values: SiteValues, reader: inout YAMLReader
    ) -> [LanguageConfig] {
        guard let pairs = reader.mapping(node, named: "languages", allowedKeys: nil) else { return [] }
        var languages: [LanguageConfig] = []
        for (code, keyNode, value) in pairs {
            let place = reader.location(of: keyNode)
            guard LanguageTag.isValid(code) else {
                reader.report(at: place, "language '\(code)' must be a language tag such as es, es-419 or fr", rule: .invalidValue)
                continue
            }
            guard let formula = ReadabilityFormula.standard(for: code) else {
                reader.report(
                    at: place,
                    "language '\(code)' is not supported: HealthGuide scores plain language in "
                        + ReadabilityFormula.languages.joined(separator: ", "), rule: .invalidValue)
                continue
            }
            guard code.lowercased() != defaultLanguage.lowercased() else {
                reader.report(at: place, "language '\(code)' is the site's default 'language': list only the others", rule: .invalidValue)
                continue
            }
            // Its pages are published under `<code>/`, beside the sections and the build's own files.
            if let owner = GeneratedPaths.owner(of: code)
                ?? sections.first(where: { $0.id == code }).map({ "the pages of section '\($0.id)'" })
            {
                reader.report(
                    at: place, "language '\(code)' would write its pages to '\(code)/', where the build writes \(owner)",
                    rule: .pathCollision)
                continue
            }
            if let language = self.language(code, value, formula: formula, sections: sections, values: values, reader: &reader) {
                languages.append(language)
            }
        }
        return languages.sorted { $0.code < $1.code }
    }

    private static func language(
        _ code: String, _ node: Node, formula: ReadabilityFormula, sections: [SectionConfig], values: SiteValues,
        reader: inout YAMLReader
    ) -> LanguageConfig? {
        guard let pairs = reader.mapping(node, named: "language '\(code)'", allowedKeys: fields) else { return nil }
        var language = LanguageConfig(code: code, reading: formula.defaultLimits)
        for (key, _, value) in pairs {
            switch key {
            case "title": language.title = reader.string(value, field: key) ?? ""
            case "description": language.description = text(value, field: key, values: values, reader: &reader)
            case "disclaimer": language.disclaimer = text(value, field: key, values: values, reader: &reader)
            case "medicines_note": language.medicinesNote = text(value, field: key, values: values, reader: &reader)
            case "emergency_number": language.emergencyNumber = reader.string(value, field: key)
            case "emergency_text": language.emergencyText = reader.string(value, field: key)
            case "reading": language.reading = reading(value, code: code, formula: formula, reader: &reader)
            case "sections": language.sections = sectionTexts(value, code: code, sections: sections, values: values, reader: &reader)
            default: break
            }
        }
        let present = Set(pairs.map(\.key))
        for field in required where !present.contains(field) {
            reader.report(at: reader.location(of: node), "language '\(code)' is missing '\(field)'", rule: .missingField)
        }
        return language
    }

    private static func reading(_ node: Node, code: String, formula: ReadabilityFormula, reader: inout YAMLReader) -> ReadingLimits {
        var limits = formula.defaultLimits
        guard let pairs = reader.mapping(node, named: "languages.\(code).reading", allowedKeys: ["formula", "warning", "error"]) else {
            return limits
        }
        for (key, _, value) in pairs where key == "formula" {
            let name = value.scalar?.string ?? ""
            guard let chosen = ReadabilityFormula(rawValue: name) else {
                reader.report(
                    at: reader.location(of: value),
                    "'languages.\(code).reading.formula' must be one of "
                        + ReadabilityFormula.allCases.map(\.rawValue).joined(separator: ", ") + ", not '\(name)'",
                    rule: .invalidValue)
                continue
            }
            guard chosen.language == LanguageTag.primary(of: code) else {
                reader.report(
                    at: reader.location(of: value), "formula '\(name)' counts the syllables of another language than '\(code)'",
                    rule: .invalidValue)
                continue
            }
            limits = chosen.defaultLimits
        }
        for (key, _, value) in pairs where key != "formula" {
            guard let text = value.scalar?.string, let number = Double(text), (0.0...206.0).contains(number) else {
                reader.report(
                    at: reader.location(of: value), "'languages.\(code).reading.\(key)' must be a number from 0 to 206", rule: .invalidValue
                )
                continue
            }
            if key == "warning" { limits.warning = number } else { limits.error = number }
        }
        // On an ease scale the error lies below the warning; on a grade scale above it.
        if limits.formula.higherIsHarder ? limits.warning > limits.error : limits.warning < limits.error {
            let side = limits.formula.higherIsHarder ? "above" : "below"
            reader.report(
                at: reader.location(of: node),
                "'languages.\(code).reading.warning' is \(side) 'languages.\(code).reading.error': the warning would never show",
                rule: .invalidValue)
        }
        return limits
    }

    /// A text that may hold `[[name]]`, as written: the language's own values are put in by
    /// `SiteConfig.localized(for:)`. An unknown name is an error where the text starts.
    private static func text(_ node: Node, field: String, values: SiteValues, reader: inout YAMLReader) -> String {
        let text = reader.string(node, field: field) ?? ""
        for name in values.substitute(in: text).unknown {
            reader.report(at: reader.location(of: node), values.unknownMessage(name.name), rule: .unknownValue)
        }
        return text
    }

    private static func sectionTexts(
        _ node: Node, code: String, sections: [SectionConfig], values: SiteValues, reader: inout YAMLReader
    ) -> [String: SectionText] {
        let ids = sections.map(\.id)
        guard let pairs = reader.mapping(node, named: "languages.\(code).sections", allowedKeys: ids) else { return [:] }
        var texts: [String: SectionText] = [:]
        for (id, _, value) in pairs {
            guard let fields = reader.mapping(value, named: "section '\(id)' of language '\(code)'", allowedKeys: ["title", "description"])
            else { continue }
            var text = SectionText(title: "", description: "")
            for (key, _, field) in fields {
                if key == "title" { text.title = reader.string(field, field: key) ?? "" }
                if key == "description" { text.description = Self.text(field, field: key, values: values, reader: &reader) }
            }
            if text.title.isEmpty {
                reader.report(at: reader.location(of: value), "section '\(id)' of language '\(code)' needs a 'title'", rule: .missingField)
                continue
            }
            texts[id] = text
        }
        return texts
    }
}
