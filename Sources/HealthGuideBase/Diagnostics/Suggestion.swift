import Foundation

/// "Did you mean…?" suggestions: the candidate nearest by edit distance, if it is close
/// enough to be a plausible typo.
///
/// Made once for a set of names and asked many times (every broken link of a site asks about
/// the same pages), it keeps the names lower-cased and grouped by length, measures only those
/// whose length is near enough, stops measuring a name once it is further than the best so far,
/// and remembers each answer. The names are gathered at the first question, so a site with no
/// broken link never pays for them. Safe to ask from many threads.
public final class Suggestion: @unchecked Sendable {
    private struct Names {
        let names: [String]
        let folded: [[UInt32]]
        /// Indices into `names`, by the length of the folded name.
        let byLength: [Int: [Int]]
        let longest: Int

        init(_ names: [String]) {
            self.names = names
            folded = names.map(Suggestion.fold)
            byLength = Dictionary(grouping: folded.indices, by: { [folded] in folded[$0].count })
            longest = folded.map(\.count).max() ?? 0
        }
    }

    private let gatherNames: @Sendable () -> [String]
    private let lock = NSLock()
    /// Guarded by `lock`.
    private var gathered: Names?
    private var answers: [String: String?] = [:]

    public init(candidates: @escaping @Sendable () -> [String]) {
        gatherNames = candidates
    }

    /// The candidate closest to `word`, if it is close enough to be a plausible typo.
    public static func closest(to word: String, in candidates: some Sequence<String>) -> String? {
        let names = Array(candidates)
        return Suggestion(candidates: { names }).closest(to: word)
    }

    /// The candidate closest to `word`: ties go to the alphabetically first, so suggestions
    /// never depend on the order a dictionary lists its keys. Accepted when the distance is at
    /// most a third of the shorter name's length (at least 2).
    public func closest(to word: String) -> String? {
        let (known, names) = lock.withLock { () -> (String??, Names) in
            let names = gathered ?? Names(gatherNames())
            gathered = names
            return (answers[word], names)
        }
        if let known { return known }
        let answer = Self.search(word, in: names)
        lock.withLock { answers[word] = answer }
        return answer
    }

    private static func search(_ word: String, in candidates: Names) -> String? {
        let (names, folded, byLength, longest) = (candidates.names, candidates.folded, candidates.byLength, candidates.longest)
        let target = fold(word)
        // No candidate further than this can be accepted, whatever its length.
        var bound = max(2, target.count / 3)
        var best: (index: Int, distance: Int)?
        // Nearest lengths first, so a close candidate is found early and narrows the rest.
        var difference = 0
        while difference <= bound, difference <= max(target.count, longest) {
            for length in Set([target.count - difference, target.count + difference]) {
                for index in byLength[length] ?? [] {
                    guard let distance = distance(target, folded[index], atMost: bound) else { continue }
                    if let current = best,
                        distance > current.distance
                            || (distance == current.distance && names[index] >= names[current.index])
                    {
                        continue
                    }
                    best = (index, distance)
                    bound = distance
                }
            }
            difference += 1
        }
        guard let best else { return nil }
        let allowed = max(2, min(target.count, folded[best.index].count) / 3)
        return best.distance <= allowed ? names[best.index] : nil
    }

    private static func fold(_ word: String) -> [UInt32] {
        word.lowercased().unicodeScalars.map(\.value)
    }

    /// Levenshtein distance between `a` and `b` if it is at most `bound`, else nil. A common
    /// start and end cost nothing and are skipped; then only the diagonal band of width
    /// `2 × bound + 1` is filled, and the measure stops once a whole row exceeds the bound.
    public static func distance(_ a: [UInt32], _ b: [UInt32], atMost bound: Int) -> Int? {
        guard abs(a.count - b.count) <= bound else { return nil }
        var start = 0
        while start < a.count, start < b.count, a[start] == b[start] { start += 1 }
        var endA = a.count, endB = b.count
        while endA > start, endB > start, a[endA - 1] == b[endB - 1] {
            endA -= 1
            endB -= 1
        }
        let rows = endA - start, columns = endB - start
        if rows == 0 || columns == 0 { return max(rows, columns) <= bound ? max(rows, columns) : nil }
        let beyond = bound + 1
        var previous = (0...columns).map { $0 <= bound ? $0 : beyond }
        var current = [Int](repeating: beyond, count: columns + 1)
        for i in 1...rows {
            let first = max(1, i - bound), last = min(columns, i + bound)
            current[0] = i <= bound ? i : beyond
            if first > 1 { current[first - 1] = beyond }
            var rowMinimum = current[0]
            let ai = a[start + i - 1]
            for j in first...last {
                let substitution = previous[j - 1] + (ai == b[start + j - 1] ? 0 : 1)
                let value = min(substitution, previous[j] + 1, current[j - 1] + 1, beyond)
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if last < columns { current[last + 1] = beyond }
            guard rowMinimum <= bound else { return nil }
            swap(&previous, &current)
        }
        return previous[columns] <= bound ? previous[columns] : nil
    }
}
