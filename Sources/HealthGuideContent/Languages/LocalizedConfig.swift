extension SiteConfig {
    /// The settings as pages in `language` see them: its title, disclaimer, medicines note,
    /// emergency number, section titles and readability, with `language` set to its code.
    /// nil (the default language) or a code the site does not list gives the settings as they are.
    public func localized(for language: String?) -> SiteConfig {
        guard let language, let texts = languages.first(where: { $0.code == language }) else { return self }
        var config = self
        config.language = texts.code
        config.title = texts.title
        config.description = texts.description
        config.disclaimer = texts.disclaimer
        config.medicinesNote = texts.medicinesNote
        config.emergencyNumber = texts.emergencyNumber ?? emergencyNumber
        config.translationReading = texts.reading
        config.emergencyText = texts.emergencyText
        config.sections = sections.map { section in
            guard let text = texts.sections[section.id] else { return section }
            return SectionConfig(id: section.id, title: text.title, order: section.order, description: text.description)
        }
        // `[[name]]` in the language's texts stands for the language's own values (its emergency
        // number); `LanguagesLoader` has reported any unknown name.
        let values = SiteValues(config: config)
        config.description = values.substitute(in: config.description).text
        config.disclaimer = values.substitute(in: config.disclaimer).text
        config.medicinesNote = values.substitute(in: config.medicinesNote).text
        for index in config.sections.indices {
            config.sections[index].description = values.substitute(in: config.sections[index].description).text
        }
        return config
    }

    /// The formula and limits the readability rule scores this language's articles by. The
    /// default language's are its formula's with `reading_grade`'s limits when it is English
    /// (or a language HealthGuide cannot score, as before languages were known), else its
    /// formula's defaults.
    public var readingLimits: ReadingLimits {
        if let translationReading { return translationReading }
        let formula = ReadabilityFormula.standard(for: language) ?? .fleschKincaid
        guard formula == .fleschKincaid else { return formula.defaultLimits }
        return ReadingLimits(formula: formula, warning: readingGrade.warning, error: readingGrade.error)
    }

    /// The codes of the site's languages, the default first.
    public var languageCodes: [String] {
        [language] + languages.map(\.code)
    }

    /// The language folder a content path starts with (`es/causes/x.md` → `es`), if any.
    public func languageFolder(of path: String) -> String? {
        // Asked of every file: a site in one language answers at once.
        guard !languages.isEmpty, let slash = path.firstIndex(of: "/") else { return nil }
        let folder = String(path[..<slash])
        return languages.contains { $0.code == folder } ? folder : nil
    }
}
