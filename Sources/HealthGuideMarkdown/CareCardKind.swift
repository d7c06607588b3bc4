import HealthGuideContent

/// The GitHub-alert markers HealthGuide understands: three levels of care advice in the NHS
/// manner, and three plain callouts.
public enum CareCardKind: String, Sendable, Codable, CaseIterable {
    case emergency = "EMERGENCY"
    case urgent = "URGENT"
    case nonUrgent = "NON-URGENT"
    case note = "NOTE"
    case tip = "TIP"
    case warning = "WARNING"

    /// True for the three levels of care advice; false for plain callouts.
    public var isCareLevel: Bool {
        switch self {
        case .emergency, .urgent, .nonUrgent: return true
        case .note, .tip, .warning: return false
        }
    }

    /// CSS modifier: `care-card--emergency`, `callout--tip`.
    public var cssName: String { rawValue.lowercased() }

    /// Read first by screen readers, hidden on screen, so the level is never conveyed by
    /// colour alone; in the page's language (`en` or `es`, the languages HealthGuide supports).
    public func screenReaderPrefix(language: String = "en") -> String {
        let spanish = LanguageTag.primary(of: language) == "es"
        switch self {
        case .emergency: return spanish ? "Atención inmediata: " : "Immediate action required: "
        case .urgent: return spanish ? "Consejo urgente: " : "Urgent advice: "
        case .nonUrgent: return spanish ? "Consejo no urgente: " : "Non-urgent advice: "
        case .note: return spanish ? "Nota: " : "Note: "
        case .tip: return spanish ? "Consejo: " : "Tip: "
        case .warning: return spanish ? "Advertencia: " : "Warning: "
        }
    }

    /// The visible heading of the card, which names the action, in the page's language.
    public func heading(emergencyNumber: String, language: String = "en") -> String {
        let spanish = LanguageTag.primary(of: language) == "es"
        switch self {
        case .emergency:
            return spanish
                ? "Llame al \(emergencyNumber) o vaya a la sala de emergencias si:"
                : "Call \(emergencyNumber) or go to the emergency department if:"
        case .urgent:
            return spanish
                ? "Pida consejo hoy a su médico o en una clínica de atención urgente si:"
                : "Get advice today from your doctor or an urgent care clinic if:"
        case .nonUrgent: return spanish ? "Vea a un médico si:" : "See a doctor if:"
        case .note: return spanish ? "Nota" : "Note"
        case .tip: return spanish ? "Consejo" : "Tip"
        case .warning: return spanish ? "Advertencia" : "Warning"
        }
    }

    /// Parses the first line of a block quote: `[!EMERGENCY]` (any case). Returns the kind and
    /// the text after the marker, or nil when the line is no marker.
    public static func parseMarker(_ line: String) -> (kind: CareCardKind?, name: String, rest: String)? {
        guard line.hasPrefix("[!"), let close = line.firstIndex(of: "]") else { return nil }
        let name = String(line[line.index(line.startIndex, offsetBy: 2)..<close])
        guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0 == "-" }) else { return nil }
        let rest = String(line[line.index(after: close)...]).trimmingWhitespace
        return (CareCardKind(rawValue: name.uppercased()), name, rest)
    }
}
