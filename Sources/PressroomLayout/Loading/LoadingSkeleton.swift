// OWNED BY THE LOADING WORK. Skeleton of the API the engine compiles against; replaced by the real
// YAML loader (Yams), reference validation and the layouts-folder library.

public final class LayoutLibrary: @unchecked Sendable {
    public let directory: String
    public private(set) var components: [String: Component] = [:]
    public private(set) var themes: [String: Theme] = [:]
    public private(set) var labels = LabelTable([:])
    public init(directory: String) throws(LayoutError) { self.directory = directory }
    public func layout(named nameOrPath: String) throws(LayoutError) -> Layout {
        throw LayoutError(.resource, "not implemented")
    }
    public func theme(named name: String) throws(LayoutError) -> Theme {
        throw LayoutError(.resource, "not implemented")
    }
    public func problems(in layout: Layout, theme: Theme) -> [LayoutError] { [] }
}
