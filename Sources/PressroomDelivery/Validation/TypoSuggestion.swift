// A likely intended domain for a near miss of a common one ("gmial.com" -> "gmail.com"): the
// closest by optimal string alignment distance (edits, and swaps of neighbours), within one edit
// for short names and two for longer ones.
enum TypoSuggestion {
    static func domain(for domain: String, among known: [String]) -> String? {
        let domain = domain.lowercased()
        guard !known.contains(domain) else { return nil }
        let allowed = domain.count < 8 ? 1 : 2
        var best: (domain: String, distance: Int)?
        for candidate in known {
            let distance = Self.distance(Array(domain), Array(candidate))
            if distance <= allowed, distance < (best?.distance ?? .max) { best = (candidate, distance) }
        }
        return best?.domain
    }

    /// Optimal string alignment distance: insertions, deletions, substitutions and transpositions
    /// of adjacent characters, each 1.
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }
}
