import HealthGuideBase
import Yams

/// A text of `site.yml` that pages show and that may hold `[[name]]`: the disclaimer, the
/// medicines note and each section's description.
enum SiteText {
    case disclaimer
    case medicinesNote
    case sectionDescription(String)

    /// Puts the site values into each text. An unknown name is an error at the text's place
    /// (a YAML scalar can be folded over lines, so the place is where its value starts), and
    /// the text keeps it as written.
    static func putValues(into config: inout SiteConfig, texts: [(field: SiteText, node: Node)], reader: inout YAMLReader) {
        let values = SiteValues(config: config)
        for (field, node) in texts {
            let (text, unknown, _) = values.substitute(in: field.text(in: config))
            for name in unknown {
                reader.report(at: reader.location(of: node), values.unknownMessage(name.name), rule: .unknownValue)
            }
            field.set(text, in: &config)
        }
    }

    private func text(in config: SiteConfig) -> String {
        switch self {
        case .disclaimer: return config.disclaimer
        case .medicinesNote: return config.medicinesNote
        case let .sectionDescription(id): return config.section(id: id)?.description ?? ""
        }
    }

    private func set(_ text: String, in config: inout SiteConfig) {
        switch self {
        case .disclaimer: config.disclaimer = text
        case .medicinesNote: config.medicinesNote = text
        case let .sectionDescription(id):
            if let index = config.sections.firstIndex(where: { $0.id == id }) { config.sections[index].description = text }
        }
    }
}
