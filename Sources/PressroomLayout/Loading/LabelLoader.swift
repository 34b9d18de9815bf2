// A labels file from YAML: `labels: cs` and then `key: text` for every word the layouts print in
// that language (`{{ label.due_date }}`).

enum LabelLoader {
    struct Labels {
        var language: String
        var texts: [String: String]
        var location: SourceLocation
    }

    static func labels(_ root: YAMLValue) throws(LayoutError) -> Labels {
        let labels = try FileKind.labels.header(of: root)
        let languageValue = labels["labels"]!
        let language = try languageValue.text()
        let subtags = language.split(separator: "-", omittingEmptySubsequences: false)
        guard let primary = subtags.first, (2...3).contains(primary.count), primary.allSatisfy({ $0.isASCII && $0.isLowercase }),
              subtags.dropFirst().allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }) else {
            throw languageValue.error(.invalidValue, "`labels:` names a language by its BCP 47 code, such as `cs` or `sr-Latn`, not \(languageValue.shapeDescription)")
        }
        var texts: [String: String] = [:]
        for entry in labels.entries where entry.key != "labels" {
            let key = try entry.keyValue.identifier(reserved: false)
            guard entry.value.scalarText != nil, !entry.value.isNull else { throw entry.value.wrongShape("text") }
            texts[key] = entry.value.scalarText
        }
        return Labels(language: language, texts: texts, location: labels.location)
    }
}
