import Foundation

/// URL-safe names: lower-case ASCII letters, digits and single hyphens.
public enum Slug {
    /// Any script to Latin letters, then Latin to ASCII (ß → ss, æ → ae, ø → o, é → e): ICU's transforms.
    private static let toASCII = StringTransform("Any-Latin; Latin-ASCII")

    /// A slug names a folder of the output: far under the 255 bytes a file name may have, and
    /// short enough to read in an address.
    public static let maximumLength = 100

    /// What is wrong with `text` as a slug, worded to follow its name in a diagnostic ("tag 'x'
    /// must use…"), with the slug to try when there is one; nil when it is a slug. `suffix` ends
    /// the suggestion (".md" for a file name).
    public static func problem(with text: String, suffix: String = "") -> String? {
        if text.utf8.count > maximumLength { return "is longer than \(maximumLength) characters" }
        guard !isValid(text) else { return nil }
        let slug = make(from: text)
        let suggestion = isValid(slug) ? " (try '\(slug)\(suffix)')" : ""
        return "must use lower-case ASCII letters (a-z), digits and hyphens" + suggestion
    }

    /// `text` to quote in a diagnostic: cut after its first 40 characters when longer.
    public static func quoted(_ text: String) -> String {
        text.count > 40 ? text.prefix(40) + "…" : text
    }

    public static func isValid(_ text: String) -> Bool {
        guard !text.isEmpty, text.utf8.count <= maximumLength, !text.hasPrefix("-"), !text.hasSuffix("-") else { return false }
        return text.utf8.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: "-")
        }
    }

    /// Turns a title into a slug: "Child's pose" → "childs-pose", "Über die Straße" →
    /// "uber-die-strasse". Other alphabets are spelled in Latin letters first ("Боль в спине"
    /// → "bol-v-spine"); what has no spelling in ASCII letters is dropped; a long title is cut
    /// after a word.
    public static func make(from title: String) -> String {
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
        return shortened(result)
    }

    /// A slug cut to `maximumLength` after its last whole word that fits, or inside a first
    /// word that alone is too long.
    private static func shortened(_ slug: String) -> String {
        guard slug.utf8.count > maximumLength else { return slug }
        // A slug is ASCII: a character is a byte.
        let bytes = Array(slug.utf8)
        let end =
            bytes[maximumLength] == UInt8(ascii: "-")
            ? maximumLength : bytes[..<maximumLength].lastIndex(of: UInt8(ascii: "-")) ?? maximumLength
        return String(decoding: bytes[..<end], as: UTF8.self)
    }
}
