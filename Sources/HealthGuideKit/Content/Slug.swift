import Foundation

/// URL-safe names: lower-case ASCII letters, digits and single hyphens.
enum Slug {
    /// Any script to Latin letters, then Latin to ASCII (ß → ss, æ → ae, ø → o, é → e): ICU's transforms.
    private static let toASCII = StringTransform("Any-Latin; Latin-ASCII")

    /// What a slug may hold, as diagnostics say it.
    static let allowed = "lower-case ASCII letters (a-z), digits and hyphens"

    /// " (try 'slug…')" for a name that is not a slug, or "" when it has nothing to make one of.
    static func suggestion(for text: String, suffix: String = "") -> String {
        let slug = make(from: text)
        return isValid(slug) ? " (try '\(slug)\(suffix)')" : ""
    }

    static func isValid(_ text: String) -> Bool {
        guard !text.isEmpty, !text.hasPrefix("-"), !text.hasSuffix("-") else { return false }
        return text.utf8.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: "-")
        }
    }

    /// Turns a title into a slug: "Child's pose" → "childs-pose", "Über die Straße" →
    /// "uber-die-strasse". Other alphabets are spelled in Latin letters first ("Боль в спине"
    /// → "bol-v-spine"); what has no spelling in ASCII letters is dropped.
    static func make(from title: String) -> String {
        let spelled = title.applyingTransform(Self.toASCII, reverse: false) ?? title
        var result = ""
        var pendingHyphen = false
        for character in spelled.lowercased() {
            if character == "'" || character == "’" { continue }
            if character.isASCII && (character.isLetter || character.isNumber) {
                if pendingHyphen && !result.isEmpty { result.append("-") }
                result.append(character)
                pendingHyphen = false
            } else {
                pendingHyphen = true
            }
        }
        return result
    }
}
