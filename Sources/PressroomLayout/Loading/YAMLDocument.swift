// A YAML file parsed into nodes that keep their line and column (Yams.compose), and Yams' syntax
// errors turned into one-sentence LayoutErrors at file:line:column with a hint where one helps.
import Foundation
import Yams

enum YAMLDocument {
    /// The root value of the file at `path`; `file` is the name errors show (relative to the layouts folder).
    static func read(path: String, file: String) throws(LayoutError) -> YAMLValue {
        let start = SourceLocation(file: file, line: 1)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LayoutError(.resource, "cannot read \(path); check that the file exists and is readable", at: start)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw LayoutError(.resource, "the file is not UTF-8 text; save it as UTF-8", at: start)
        }
        return try parse(text, file: file)
    }

    static func parse(_ text: String, file: String) throws(LayoutError) -> YAMLValue {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw translate(error, text: text, file: file)
        } catch {
            throw LayoutError(.syntax, "the YAML cannot be read: \(error)", at: SourceLocation(file: file, line: 1))
        }
        let value = root.map { YAMLValue(node: $0, file: file, name: "the file") }
        guard let value, !value.isNull else {
            throw LayoutError(.syntax, "the file is empty", at: SourceLocation(file: file, line: 1))
        }
        var budget = expansionLimit
        try checkExpansion(value.node, depth: 0, budget: &budget, file: file)
        return value
    }

    /// At most this many values once aliases are expanded: a layout of thousands of blocks stays
    /// far below it, while a few lines of aliases of aliases ("billion laughs") would reach
    /// billions and exhaust memory and time in the loaders.
    static let expansionLimit = 200_000
    /// Mappings and lists nested at most this deep.
    static let depthLimit = 64

    /// Walks the tree as the loaders would, aliases expanded, and stops at the value that goes
    /// past a limit; the walk itself ends there, so it costs at most `expansionLimit` steps.
    private static func checkExpansion(_ node: Node, depth: Int, budget: inout Int, file: String) throws(LayoutError) {
        budget -= 1
        if budget < 0 {
            throw LayoutError(.invalidValue, "this file expands to more than \(expansionLimit) values once its aliases (*name) are replaced; use fewer aliases of aliases",
                              at: node.location(in: file))
        }
        guard depth < depthLimit else {
            throw LayoutError(.invalidValue, "values are nested more than \(depthLimit) deep here; flatten the file", at: node.location(in: file))
        }
        switch node {
        case .mapping(let mapping):
            for (key, value) in mapping {
                try checkExpansion(key, depth: depth + 1, budget: &budget, file: file)
                try checkExpansion(value, depth: depth + 1, budget: &budget, file: file)
            }
        case .sequence(let sequence):
            for item in sequence { try checkExpansion(item, depth: depth + 1, budget: &budget, file: file) }
        default:
            break
        }
    }

    private static func translate(_ error: YamlError, text: String, file: String) -> LayoutError {
        func at(_ mark: Mark) -> SourceLocation { SourceLocation(file: file, line: mark.line, column: mark.column) }
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let line = text.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(mark.line - 1).first ?? ""
            let while_ = context.map { " (\($0.text) from line \($0.mark.line))" } ?? ""
            return LayoutError(.syntax, "YAML syntax: \(problem)\(while_)\(hint(for: problem, line: line))", at: at(mark))
        case .reader(let problem, let offset, _, _):
            let before = text.prefix(offset ?? 0)
            let line = before.filter { $0 == "\n" }.count + 1
            let column = before.split(separator: "\n", omittingEmptySubsequences: false).last.map { $0.unicodeScalars.count + 1 } ?? 1
            return LayoutError(.syntax, "YAML cannot read the text here: \(problem)", at: SourceLocation(file: file, line: line, column: column))
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "`\($0)`" }.joined(separator: ", ")
            // Yams marks the first of the keys; the repeat is further down the same mapping.
            return LayoutError(.syntax, "the key \(keys) here is given again further down the same mapping; keep one", at: at(context.mark))
        default:
            return LayoutError(.syntax, "the YAML cannot be read: \(error)", at: SourceLocation(file: file, line: 1))
        }
    }

    /// What usually causes libyaml's message, said the way an author would fix it.
    private static func hint(for problem: String, line: Substring) -> String {
        if line.contains("\t") { return "; YAML indents with spaces, not tabs" }
        switch problem {
        case "mapping values are not allowed in this context":
            return "; put text containing `: ` in quotes, or check the indentation"
        case "did not find expected key", "did not find expected '-' indicator":
            return "; check the indentation of this line against the lines above"
        case "found character that cannot start any token":
            return "; a value starting with `@`, `` ` `` or `%` must be in quotes"
        case "found undefined alias":
            return "; define the anchor (`&name`) before using it"
        default:
            return ""
        }
    }
}
