// The four kinds of file in a layouts folder, each told by its first key (`layout:`, `component:`,
// `theme:`, `labels:`), so that a component opened as a layout is named for what it is.

enum FileKind: String, CaseIterable {
    case layout, component, theme, labels

    /// The file's top-level mapping, checked to be this kind of file.
    func header(of root: YAMLValue) throws(LayoutError) -> YAMLMapping {
        guard case .mapping = root.node else {
            throw root.error(.syntax, "a \(rawValue) file is a mapping that starts with `\(rawValue): NAME`, not \(root.shapeDescription)")
        }
        let mapping = try YAMLMapping(root)
        if mapping[rawValue] == nil {
            if let other = FileKind.allCases.first(where: { mapping[$0.rawValue] != nil }) {
                throw LayoutError(.syntax, "this is a \(other.rawValue) file (it has `\(other.rawValue):`), not a \(rawValue) file",
                                  at: mapping.keyLocation(other.rawValue))
            }
            throw LayoutError(.syntax, "a \(rawValue) file starts with `\(rawValue): NAME`", at: mapping.location)
        }
        return mapping
    }
}
