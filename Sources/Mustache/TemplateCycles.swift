/// Finds templates that include themselves on every render: a chain of partial and parent tags
/// outside any section or block that leads back to where it started, which no data can end.
/// Recursion inside a section is left alone: the data ends it when it runs out of nested lists,
/// as in the Mustache spec's "Recursion" cases (the renderer stops what the data never ends).
public enum TemplateCycles {
    /// A tag that renders another template whenever its own template is rendered.
    public struct Reference {
        public var template: String
        public var offset: Int
    }

    /// The partial and parent tags of a template that are outside every section and block.
    public static func unconditionalReferences(in syntax: [TemplateSyntax]) -> [Reference] {
        syntax.compactMap { item in
            switch item {
            case .partial(let name, _, let offset), .parent(let name, _, _, let offset):
                Reference(template: name, offset: offset)
            case .text, .value, .section, .block:
                nil
            }
        }
    }

    /// One problem for each tag that closes a cycle, in the template that holds the tag, with
    /// the chain of templates from that one round to it again.
    public static func find(in references: [String: [Reference]]) -> [(template: String, problem: TemplateSyntaxError)] {
        var finished: Set<String> = []
        var path: [String] = []
        var found: [(template: String, problem: TemplateSyntaxError)] = []
        func visit(_ name: String) {
            path.append(name)
            for reference in references[name] ?? [] where references[reference.template] != nil {
                if let start = path.firstIndex(of: reference.template) {
                    let cycle = Array(path[start...])
                    let chain = [name] + cycle.dropLast() + [name]
                    found.append(
                        (
                            name,
                            TemplateSyntaxError(
                                offset: reference.offset,
                                message: "template '\(name)' includes itself without end: \(chain.joined(separator: " → ")); "
                                    + "a template can include itself only inside a section, which the data can end",
                                chain: chain)
                        ))
                } else if !finished.contains(reference.template) {
                    visit(reference.template)
                }
            }
            path.removeLast()
            finished.insert(name)
        }
        for name in references.keys.sorted() where !finished.contains(name) {
            visit(name)
        }
        return found
    }
}
