/// How `{{name}}` escapes a value: the five characters of HTML that Mustache implementations
/// replace, each with the entity they use. The engine is independent of any site, so it keeps
/// its own; the site's code escapes with the same entities, which its tests compare.
public enum Escaping {
    /// The entity for each byte that has one, by byte value.
    private static let entities: [[UInt8]?] = {
        var table = [[UInt8]?](repeating: nil, count: 128)
        for (character, entity) in [("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ("\"", "&quot;"), ("'", "&#39;")] {
            table[Int(character.utf8.first!)] = Array(entity.utf8)
        }
        return table
    }()

    /// Appends `text` escaped. The five characters are ASCII, and UTF-8 never uses ASCII byte
    /// values inside a multi-byte character, so the runs between them are copied whole.
    public static func append(_ text: String, to output: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            var runStart = 0
            for index in bytes.indices where bytes[index] < 0x80 {
                guard let entity = entities[Int(bytes[index])] else { continue }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                output.append(contentsOf: entity)
                runStart = index + 1
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
        }
    }
}
