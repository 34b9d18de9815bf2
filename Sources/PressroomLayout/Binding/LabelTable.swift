// The words layouts print in each language (labels/cs.yaml, labels/en.yaml…), looked up by the
// record's locale with BCP 47 truncation fallback (RFC 4647 §3.4): sr-Latn-RS, sr-Latn, sr, then en.

public struct LabelTable: Sendable {
    /// Language tag (lowercased, "_" as "-") → key → text.
    private let tables: [String: [String: String]]
    /// Normalised tag → the language as the caller named it ("sr-Latn"), for messages.
    private let names: [String: String]

    /// `tables`: language ("cs", "sr-Latn") → label key → text.
    public init(_ tables: [String: [String: String]]) {
        var normalised: [String: [String: String]] = [:]
        var names: [String: String] = [:]
        for (language, labels) in tables {
            normalised[Self.normalise(language), default: [:]].merge(labels) { _, new in new }
            names[Self.normalise(language)] = language
        }
        self.tables = normalised
        self.names = names
    }

    /// The languages a locale's labels come from, most specific first, ending with English.
    public static func fallbackChain(for locale: String) -> [String] {
        var chain: [String] = []
        var tag = normalise(locale)
        while !tag.isEmpty {
            chain.append(tag)
            guard let dash = tag.lastIndex(of: "-") else { break }
            tag = String(tag[..<dash])
            // RFC 4647 §3.4: a single-letter subtag ("x", "u") goes with the one after it.
            if let previous = tag.lastIndex(of: "-"), tag.distance(from: previous, to: tag.endIndex) == 2 {
                tag = String(tag[..<previous])
            }
        }
        if !chain.contains("en") { chain.append("en") }
        return chain
    }

    /// The tables for a locale, in fallback order (languages without a table left out).
    func tables(for locale: String) -> [(language: String, labels: [String: String])] {
        Self.fallbackChain(for: locale).compactMap { language in tables[language].map { (names[language] ?? language, $0) } }
    }

    /// The text of label `key` for `locale`, or nil when no language in its chain has it.
    public func text(_ key: String, locale: String) -> String? {
        for language in Self.fallbackChain(for: locale) {
            if let text = tables[language]?[key] { return text }
        }
        return nil
    }

    /// The languages that have labels, as they were named.
    public var languages: [String] { names.values.sorted() }

    private static func normalise(_ tag: String) -> String {
        String(tag.lowercased().map { $0 == "_" ? "-" : $0 })
    }
}
