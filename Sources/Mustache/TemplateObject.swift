import Algorithms

/// The named values of a template object, kept sorted by name, each name once.
///
/// Sorted rather than hashed: a template looks names up by binary search over a few dozen
/// short names, which costs less than hashing each name for every object on the context
/// stack, and a page's fingerprint (`CanonicalText`) reads the values in order without
/// sorting them first. Every page builds, looks up and fingerprints a context of about fifty
/// objects.
public struct TemplateObject: Sendable, Hashable, ExpressibleByDictionaryLiteral {
    public struct Member: Sendable, Hashable {
        public let name: String
        public var value: TemplateValue
    }

    /// In order of name.
    public private(set) var members: [Member]

    /// A name given twice keeps its last value, as assigning it twice would.
    public init(_ pairs: some Sequence<(String, TemplateValue)>) {
        members = pairs.map { Member(name: $0.0, value: $0.1) }
        // Swift's sort is stable: of equal names, the last given stays last.
        members.sort { $0.name < $1.name }
        guard members.indices.dropFirst().contains(where: { members[$0 - 1].name == members[$0].name }) else { return }
        var unique: [Member] = []
        for member in members {
            if unique.last?.name == member.name {
                unique[unique.count - 1] = member
            } else {
                unique.append(member)
            }
        }
        members = unique
    }

    public init(_ dictionary: [String: TemplateValue]) {
        members = dictionary.map { Member(name: $0.key, value: $0.value) }.sorted { $0.name < $1.name }
    }

    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self.init(elements)
    }

    /// The value named `name`; setting nil removes it.
    public subscript(name: String) -> TemplateValue? {
        get {
            let place = place(of: name)
            return place < members.count && members[place].name == name ? members[place].value : nil
        }
        set {
            let place = place(of: name)
            let found = place < members.count && members[place].name == name
            switch (newValue, found) {
            case let (value?, true): members[place].value = value
            case let (value?, false): members.insert(Member(name: name, value: value), at: place)
            case (nil, true): members.remove(at: place)
            case (nil, false): break
            }
        }
    }

    /// Adds the values of `other`, whose values win where both have a name.
    public mutating func add(_ other: TemplateObject) {
        var merged: [Member] = []
        merged.reserveCapacity(members.count + other.members.count)
        var mine = members.startIndex, theirs = other.members.startIndex
        while mine < members.endIndex || theirs < other.members.endIndex {
            if theirs == other.members.endIndex || (mine < members.endIndex && members[mine].name < other.members[theirs].name) {
                merged.append(members[mine])
                mine += 1
            } else {
                if mine < members.endIndex && members[mine].name == other.members[theirs].name { mine += 1 }
                merged.append(other.members[theirs])
                theirs += 1
            }
        }
        members = merged
    }

    /// Where `name` is or would go: the first member whose name is not less than it.
    private func place(of name: String) -> Int {
        members.partitioningIndex { $0.name >= name }
    }
}
