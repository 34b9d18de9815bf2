// A YAML mapping read by the loaders: its keys in order, `<<` merge keys expanded, each key with its
// own location, so an unknown or missing key is reported where it stands.
import Yams

struct YAMLMapping {
    struct Entry {
        let key: String
        /// The key itself as a value, to read it as a name (a parameter's) with errors at the key.
        let keyValue: YAMLValue
        let value: YAMLValue
        var keyLocation: SourceLocation { keyValue.location }
    }

    let entries: [Entry]
    let location: SourceLocation

    init(_ value: YAMLValue) throws(LayoutError) {
        guard case .mapping(let mapping) = value.node else { throw value.wrongShape("a mapping") }
        location = value.location
        var own: [Entry] = []
        var merged: [Entry] = []
        for (key, node) in mapping {
            guard let scalar = key.scalar else {
                throw LayoutError(.syntax, "a key must be a word, not a list or a mapping", at: key.location(in: value.file))
            }
            let entryValue = YAMLValue(node: node, file: value.file, name: "`\(scalar.string)`")
            if scalar.string == "<<" && scalar.style == .plain {
                // YAML merge key (`<<: *defaults`): the anchored mapping's keys, unless given here.
                merged += try YAMLMapping.mergeSources(entryValue).flatMap(\.entries)
            } else {
                let keyValue = YAMLValue(node: key, file: value.file, name: "the key `\(scalar.string)`")
                own.append(Entry(key: scalar.string, keyValue: keyValue, value: entryValue))
            }
        }
        var seen = Set(own.map(\.key))
        entries = own + merged.filter { seen.insert($0.key).inserted }
    }

    private static func mergeSources(_ value: YAMLValue) throws(LayoutError) -> [YAMLMapping] {
        if case .sequence = value.node {
            var sources: [YAMLMapping] = []
            for item in try value.list() { sources.append(try YAMLMapping(item)) }
            return sources
        }
        return [try YAMLMapping(value)]
    }

    subscript(key: String) -> YAMLValue? {
        entries.first { $0.key == key }?.value
    }

    func keyLocation(_ key: String) -> SourceLocation? {
        entries.first { $0.key == key }?.keyLocation
    }

    /// An unknown key is reported at the key, with the nearest allowed key and the whole list.
    func checkKeys(allowed: [String], in what: String) throws(LayoutError) {
        for entry in entries where !allowed.contains(entry.key) {
            throw YAMLMapping.unknownKey(entry.key, at: entry.keyLocation, in: what, allowed: allowed)
        }
    }

    static func unknownKey(_ key: String, at location: SourceLocation, in what: String, allowed: [String]) -> LayoutError {
        let message: String
        if let near = Suggestion.closest(to: key, in: allowed) {
            message = "unknown key `\(key)` in \(what); did you mean `\(near)`? (allowed: \(Suggestion.list(allowed)))"
        } else {
            message = "unknown key `\(key)` in \(what); the allowed keys are \(Suggestion.list(allowed))"
        }
        return LayoutError(.unknownKey, message, at: location)
    }

    /// The value of a key that must be there; `example` shows how to write it.
    func required(_ key: String, in what: String, example: String? = nil) throws(LayoutError) -> YAMLValue {
        if let value = self[key] { return value }
        let hint = example.map { " (e.g. `\($0)`)" } ?? ""
        throw LayoutError(.syntax, "\(what) needs `\(key):`\(hint)", at: location)
    }

    /// The key's value read by `read`, or nil when the key is absent.
    func optional<T>(_ key: String, _ read: (YAMLValue) throws(LayoutError) -> T) throws(LayoutError) -> T? {
        guard let value = self[key] else { return nil }
        return try read(value)
    }

    /// The key's template, or `source` (a default such as `{{ label.carried_forward }}`) parsed at the mapping.
    func template(_ key: String, default source: String) throws(LayoutError) -> Template {
        if let value = self[key] { return try value.template() }
        return try Template.parse(source, at: location)
    }
}
