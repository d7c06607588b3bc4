/// A problem found while compiling a template, located for a person to find and fix.
public struct TemplateError: Error, Sendable, Equatable {
    /// The template's name, e.g. "glossary" or "partials/header".
    public var template: String
    /// 1-based line of the tag.
    public var line: Int
    /// 1-based, counted in Characters of that line, pointing at the tag's first delimiter character.
    public var column: Int
    /// Plain English description of the problem.
    public var message: String
    /// The name of the partial or parent that does not exist, when that is the problem, so
    /// the caller can suggest the name that was meant.
    public var missingTemplate: String? = nil
    /// The templates that include each other without end, when that is the problem: the one
    /// holding the tag first and last.
    public var chain: [String]? = nil
}

/// Every problem found in a set of templates: `TemplateLibrary.compile` checks them all.
public struct TemplateErrors: Error, Sendable, Equatable {
    public var errors: [TemplateError]
}

public extension TemplateError {
    /// Locates `problem` in `source`. Offsets are kept as UTF-8 byte offsets while compiling and
    /// turned into a line and a column only here, because only failing templates need them.
    init(template: String, source: String, problem: TemplateSyntaxError) {
        let bytes = Array(source.utf8)
        let offset = min(problem.offset, bytes.count)
        var line = 1
        var lineStart = 0
        for index in 0..<offset where bytes[index] == UInt8(ascii: "\n") {
            line += 1
            lineStart = index + 1
        }
        let column = String(decoding: bytes[lineStart..<offset], as: UTF8.self).count + 1
        self.init(
            template: template, line: line, column: column, message: problem.message,
            missingTemplate: problem.missingTemplate, chain: problem.chain)
    }
}

/// A problem in one template, at a UTF-8 byte offset of its source; see `TemplateError`.
public struct TemplateSyntaxError: Error, Sendable, Equatable {
    public var offset: Int
    public var message: String
    public var missingTemplate: String? = nil
    public var chain: [String]? = nil
}
