// "Did you mean …?": the nearest known name to a misspelt one, by edit distance (Damerau–
// Levenshtein, optimal string alignment: a swapped pair of letters is one edit, as typists make it).

enum Suggestion {
    /// The candidate nearest to `word`, if near enough to be the intended one: at most a third of
    /// the word's letters changed (at least one), or the word is a prefix/suffix of the candidate.
    static func closest(to word: String, in candidates: [String]) -> String? {
        let typed = Array(word.lowercased())
        guard !typed.isEmpty else { return nil }
        var best: (name: String, distance: Int)?
        for candidate in candidates where candidate != word {
            let distance = editDistance(typed, Array(candidate.lowercased()))
            if best == nil || distance < best!.distance { best = (candidate, distance) }
        }
        guard let best else { return nil }
        let limit = max(1, typed.count / 3)
        if best.distance <= limit { return best.name }
        let lowered = word.lowercased()
        guard lowered.count >= 3 else { return nil }
        return candidates.first { $0.lowercased().hasPrefix(lowered) || $0.lowercased().hasSuffix(lowered) }
    }

    /// "`a`, `b`, `c`" (sorted as given).
    static func list(_ names: some Sequence<String>) -> String {
        names.map { "`\($0)`" }.joined(separator: ", ")
    }

    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        // Three rows: the one before the previous is needed for transpositions.
        var older = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], older[j - 2] + 1)
                }
            }
            (older, previous, current) = (previous, current, older)
        }
        return previous[b.count]
    }
}
