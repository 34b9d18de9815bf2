// The layouts folder: its components, themes and labels loaded once; layouts loaded by name or
// path; and the check of a layout's references against the library and a theme.
import Foundation

public final class LayoutLibrary: Sendable {
    public let directory: String
    public let components: [String: Component]
    public let themes: [String: Theme]
    /// Theme files that could not be read, by file name without extension: a broken theme
    /// breaks only the layouts that ask for it (`theme(named:)` gives its error).
    public let brokenThemes: [String: LayoutError]
    public let labels: LabelTable
    /// Every file the library read (components, themes, labels), as full paths: a layout
    /// rendered with this library depends on each of them.
    public let files: [String]
    /// The folders the library reads every YAML file of; a file added there changes the library.
    /// (Known before the folder is read, so a watcher can follow a library that fails to load.)
    public static func folders(in directory: String) -> [String] {
        ["components", "themes", "labels"].map { "\(directory)/\($0)" }
    }

    /// Loads `components/`, `themes/` and `labels/` (each may be missing); the first broken file
    /// is the error, naming file:line:column.
    public init(directory: String) throws(LayoutError) {
        self.directory = directory
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isFolder), isFolder.boolValue else {
            throw LayoutError(.resource, "there is no layouts folder at \(directory)")
        }
        var files: [String] = []
        func yamlFiles(in subfolder: String) -> [(path: String, file: String)] {
            let found = Self.yamlFiles(in: "\(directory)/\(subfolder)").map { name in ("\(directory)/\(subfolder)/\(name)", "\(subfolder)/\(name)") }
            files.append(contentsOf: found.map(\.0))
            return found
        }
        var components: [String: Component] = [:]
        var themes: [String: Theme] = [:]
        for (path, file) in yamlFiles(in: "components") {
            let component = try ComponentLoader.component(try YAMLDocument.read(path: path, file: file))
            if let earlier = components[component.name] {
                throw Self.duplicate("component", component.name, at: component.location, earlier: earlier.location)
            }
            components[component.name] = component
        }
        var brokenThemes: [String: LayoutError] = [:]
        for (path, file) in yamlFiles(in: "themes") {
            let theme: Theme
            do { theme = try ThemeLoader.theme(try YAMLDocument.read(path: path, file: file)) } catch {
                brokenThemes[URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent] = error
                continue
            }
            if let earlier = themes[theme.name] { throw Self.duplicate("theme", theme.name, at: theme.location, earlier: earlier.location) }
            themes[theme.name] = theme
        }
        var tables: [String: [String: String]] = [:]
        var labelFiles: [String: SourceLocation] = [:]
        for (path, file) in yamlFiles(in: "labels") {
            let labels = try LabelLoader.labels(try YAMLDocument.read(path: path, file: file))
            if let earlier = labelFiles[labels.language] {
                throw Self.duplicate("labels for language", labels.language, at: labels.location, earlier: earlier)
            }
            labelFiles[labels.language] = labels.location
            tables[labels.language] = labels.texts
        }
        self.components = components
        self.themes = themes
        self.brokenThemes = brokenThemes
        self.labels = LabelTable(tables)
        self.files = files
    }

    /// `invoice` is `<directory>/invoice.yaml`; a name with a `/` or ending in `.yaml` is a path
    /// (a bare `invoice.yaml` that is not in the current folder is looked for in the layouts folder).
    public func layout(named nameOrPath: String) throws(LayoutError) -> Layout {
        let path = try layoutPath(named: nameOrPath)
        return try LayoutLoader.layout(try YAMLDocument.read(path: path, file: displayName(of: path)))
    }

    /// The file `layout(named:)` reads.
    public func layoutPath(named nameOrPath: String) throws(LayoutError) -> String {
        let isPath = nameOrPath.contains("/") || nameOrPath.hasSuffix(".yaml") || nameOrPath.hasSuffix(".yml")
        var path = isPath ? nameOrPath : "\(directory)/\(nameOrPath).yaml"
        if isPath, !nameOrPath.contains("/"), !FileManager.default.fileExists(atPath: path) { path = "\(directory)/\(nameOrPath)" }
        guard FileManager.default.fileExists(atPath: path) else {
            if isPath { throw LayoutError(.resource, "there is no layout file at \(nameOrPath)") }
            let names = Self.yamlFiles(in: directory).map { URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent }
            let near = Suggestion.closest(to: nameOrPath, in: names).map { "did you mean `\($0)`? " } ?? ""
            let listed = names.isEmpty ? "there are none" : "the layouts are \(Suggestion.list(names))"
            throw LayoutError(.resource, "there is no layout `\(nameOrPath)` in \(directory); \(near)(\(listed))")
        }
        return path
    }

    public func theme(named name: String) throws(LayoutError) -> Theme {
        if let theme = themes[name] { return theme }
        // The theme's own file is broken: its error, at its line, is the answer.
        if let broken = brokenThemes[name] { throw broken }
        if brokenThemes.count == 1, let only = brokenThemes.values.first { throw only }
        let names = themes.keys.sorted()
        let near = Suggestion.closest(to: name, in: names).map { "did you mean `\($0)`? " } ?? ""
        let listed = names.isEmpty ? "\(directory)/themes has none" : "the themes are \(Suggestion.list(names))"
        throw LayoutError(.unknownReference, "there is no theme `\(name)`; \(near)(\(listed))")
    }

    /// Every reference the layout (and the components it uses) makes that the library or the
    /// theme cannot resolve, each at its file:line:column; empty when the layout can render.
    public func problems(in layout: Layout, theme: Theme) -> [LayoutError] {
        ReferenceValidator.problems(in: layout, theme: theme, components: components)
    }

    // MARK: Files

    /// The `.yaml` / `.yml` files of a subfolder (nil: the folder itself), sorted, with the names
    /// errors show them by.
    /// The names of the `.yaml` / `.yml` files in a folder, sorted (editors' hidden files left out).
    public static func yamlFiles(in folder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { !$0.hasPrefix(".") && ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) }.sorted()
    }

    /// The path relative to the layouts folder when it is inside it, else as given.
    private func displayName(of path: String) -> String {
        let folder = URL(fileURLWithPath: directory).standardizedFileURL.path + "/"
        let file = URL(fileURLWithPath: path).standardizedFileURL.path
        return file.hasPrefix(folder) ? String(file.dropFirst(folder.count)) : path
    }

    private static func duplicate(_ what: String, _ name: String, at location: SourceLocation, earlier: SourceLocation) -> LayoutError {
        LayoutError(.invalidValue, "\(what) `\(name)` is defined again; the first is in \(earlier.file), so rename one", at: location)
    }
}
