// A layout, component or theme file that names a path outside its layouts folder: an absolute
// path, a home folder or a parent folder ("../"). Image files are confined when they are read;
// this finds such values when the file arrives (the service refuses an upload that has any), each
// at its file:line:column.
import Foundation
import Yams

public enum FolderConfinement {
    /// Every scalar of the YAML `text` that is a path leaving the folder; the file's own syntax
    /// error (or alias bomb) when it cannot be read.
    public static func escapingPaths(in text: String, file: String) throws(LayoutError) -> [LayoutError] {
        let root = try YAMLDocument.parse(text, file: file)
        var found: [LayoutError] = []
        var seen = 0
        visit(root.node, file: file, found: &found, seen: &seen)
        return found
    }

    /// Whether `value` reads as a path outside the folder it is resolved in.
    public static func leavesFolder(_ value: String) -> Bool {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        // A path is one word: " / " between two fields, or a sentence, is not one.
        guard trimmed.count > 1, !trimmed.contains(where: \.isWhitespace) else { return false }
        if trimmed.hasPrefix("/") || trimmed.hasPrefix("~") || trimmed.hasPrefix("\\") || trimmed.lowercased().hasPrefix("file:") { return true }
        return trimmed.split(whereSeparator: { $0 == "/" || $0 == "\\" }).contains("..")
    }

    private static func visit(_ node: Node, file: String, found: inout [LayoutError], seen: inout Int) {
        // parse() has checked the expanded size; aliases are still walked once per use.
        seen += 1
        guard seen <= YAMLDocument.expansionLimit else { return }
        switch node {
        case .scalar(let scalar):
            // Prose with a slash ("1/2", "and/or") is not a path; a value is suspect when it
            // starts like one or steps up a folder.
            if leavesFolder(scalar.string) {
                found.append(LayoutError(.invalidValue, "\"\(scalar.string.prefix(80))\" names a file outside the layouts folder; files are read only from the layouts folder (use a path such as logos/brand.png)",
                                         at: node.location(in: file)))
            }
        case .mapping(let mapping):
            for (_, value) in mapping { visit(value, file: file, found: &found, seen: &seen) }
        case .sequence(let sequence):
            for item in sequence { visit(item, file: file, found: &found, seen: &seen) }
        case .alias:
            break
        }
    }
}
