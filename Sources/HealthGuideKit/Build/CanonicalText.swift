import HealthGuideBase
import HealthGuideLinks
import HealthGuideRender
import Mustache

/// A stable text form of a template context (keys sorted), fingerprinted to tell whether a
/// page would render differently from last time without rendering it.
public enum CanonicalText {
    /// Adds the text form of `context` to `fingerprint` as one part. The bytes are hashed as
    /// they are: making a `String` of them checked and copied every page's context once more.
    public static func add(_ context: TemplateContext, to fingerprint: inout ContentHash.Parts) {
        // Gathered as bytes: appending to a `String` checks and grows it piece by piece, which
        // was most of the cost. About the size of an article's context, so it is not copied as
        // it grows.
        var output: [UInt8] = []
        output.reserveCapacity(8192)
        append(.object(context), to: &output)
        output.withUnsafeBytes { fingerprint.add(bytes: $0) }
    }

    private static func append(_ value: TemplateValue, to output: inout [UInt8]) {
        switch value {
        case let .text(text):
            output.append(UInt8(ascii: "\""))
            output.append(contentsOf: text.utf8)
            output.append(UInt8(ascii: "\""))
            output.append(1)
        case let .flag(flag):
            output.append(flag ? UInt8(ascii: "T") : UInt8(ascii: "F"))
        case let .list(elements):
            output.append(UInt8(ascii: "["))
            for element in elements { append(element, to: &output) }
            output.append(UInt8(ascii: "]"))
        case let .object(members):
            output.append(UInt8(ascii: "{"))
            // Already in order of name.
            for member in members.members {
                output.append(contentsOf: member.name.utf8)
                output.append(UInt8(ascii: "="))
                append(member.value, to: &output)
            }
            output.append(UInt8(ascii: "}"))
        }
    }
}
