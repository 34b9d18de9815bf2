// Each tenant's own layouts folder (layouts, components/, themes/, labels/, images/, post/) under
// `<data>/tenants/<tenant>/layouts`, seeded with the bundled layouts when the tenant is made.
// Renders read only from there (and the bundled fonts): no path of a request, a layout or a
// record reaches any other file. Uploads are checked in a copy of the folder first and land
// only when every layout still loads; each landing bumps the tenant's version, which tells
// workers in every process to load the folder again.
import Foundation
import PressroomImages
import PressroomLayout
import PressroomText

public struct TenantStore: Sendable {
    public let root: String
    /// The layouts folder a new tenant starts with (the bundled one).
    public let seed: String?

    public init(root: String, seed: String?) {
        self.root = root
        self.seed = seed
    }

    public enum Kind: String, Sendable, CaseIterable {
        case layout, component, theme, image

        var subfolder: String? {
            switch self {
            case .layout: nil
            case .component: "components"
            case .theme: "themes"
            case .image: "images"
            }
        }
    }

    public func layoutsFolder(_ tenant: String) -> String { "\(root)/\(tenant)/layouts" }

    public func exists(_ tenant: String) -> Bool { FileManager.default.fileExists(atPath: layoutsFolder(tenant)) }

    /// Makes the tenant's folder from the seed; an existing tenant is left as it is.
    public func create(_ tenant: String) throws {
        guard APIKeys.isName(tenant) else { throw UploadRefusal.badName("tenant", tenant) }
        guard !exists(tenant) else { return }
        let manager = FileManager.default
        try manager.createDirectory(atPath: "\(root)/\(tenant)", withIntermediateDirectories: true)
        let staging = "\(root)/\(tenant)/layouts.new"
        try? manager.removeItem(atPath: staging)
        if let seed, manager.fileExists(atPath: seed) {
            try manager.copyItem(atPath: seed, toPath: staging)
        } else {
            try manager.createDirectory(atPath: staging, withIntermediateDirectories: true)
        }
        try manager.moveItem(atPath: staging, toPath: layoutsFolder(tenant))
        try bumpVersion(tenant)
    }

    /// Changes with every upload; a worker reloads a tenant's layouts when it differs.
    public func version(_ tenant: String) -> Int {
        (try? String(contentsOfFile: "\(root)/\(tenant)/version", encoding: .utf8)).flatMap { Int($0) } ?? 0
    }

    private func bumpVersion(_ tenant: String) throws {
        try String(version(tenant) + 1).write(toFile: "\(root)/\(tenant)/version", atomically: true, encoding: .utf8)
    }

    /// Names as files: lower-case letters, digits, `.`, `-` and `_`, starting with a letter or digit.
    public static func isFileName(_ name: String) -> Bool {
        guard let first = name.first, name.count <= 64, first.isASCII, first.isLetter || first.isNumber else { return false }
        return name.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || "._-".contains($0) } && !name.contains("..")
    }

    public struct Listing: Sendable, Codable {
        public var layouts: [String]
        public var components: [String]
        public var themes: [String]
        public var images: [String]
    }

    public func listing(_ tenant: String) -> Listing {
        let folder = layoutsFolder(tenant)
        func names(_ sub: String?, yaml: Bool) -> [String] {
            let path = sub.map { "\(folder)/\($0)" } ?? folder
            let files = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            return files.filter { !$0.hasPrefix(".") && (yaml ? $0.hasSuffix(".yaml") : !$0.hasSuffix(".yaml")) }
                .map { yaml ? String($0.dropLast(5)) : $0 }.sorted()
        }
        return Listing(layouts: names(nil, yaml: true), components: names("components", yaml: true),
                       themes: names("themes", yaml: true), images: names("images", yaml: false))
    }

    /// Whether `name` is a layout of the tenant.
    public func hasLayout(_ name: String, tenant: String) -> Bool {
        Self.isFileName(name) && FileManager.default.fileExists(atPath: "\(layoutsFolder(tenant))/\(name).yaml")
    }

    /// The renderer for one of the tenant's layouts; every problem of the layout at once.
    public func renderer(tenant: String, layout name: String, theme: String?, registry: FontRegistry) throws -> DocumentRenderer {
        guard hasLayout(name, tenant: tenant) else { throw UploadRefusal.unknownLayout(name) }
        let library = try LayoutLibrary(directory: layoutsFolder(tenant))
        let layout = try library.layout(named: name)
        if let theme, !Self.isFileName(theme) { throw UploadRefusal.badName("theme", theme) }
        let chosen = try library.theme(named: theme ?? layout.theme)
        let problems = library.problems(in: layout, theme: chosen)
        guard problems.isEmpty else { throw UploadRefusal.problems(problems) }
        return try DocumentRenderer(library: library, layout: layout, theme: chosen, registry: registry)
    }

    /// Checks an upload against the tenant's folder and lands it; true when it replaced a file.
    public func upload(_ kind: Kind, name: String, bytes: [UInt8], tenant: String) throws -> Bool {
        guard Self.isFileName(name) else { throw UploadRefusal.badName(kind.rawValue, name) }
        let fileName: String
        switch kind {
        case .image:
            guard [".png", ".jpg", ".jpeg"].contains(where: { name.hasSuffix($0) }) else {
                throw UploadRefusal.problems([LayoutError(.invalidValue, "an image's name ends in .png, .jpg or .jpeg, not \(name)")])
            }
            do { _ = try RasterImage.decode(bytes, source: name) } catch {
                throw UploadRefusal.problems([LayoutError(.resource, "\(name) is not an image Pressroom can read: \(error)")])
            }
            fileName = name
        default:
            fileName = name.hasSuffix(".yaml") ? name : name + ".yaml"
        }
        let relative = kind.subfolder.map { "\($0)/\(fileName)" } ?? fileName
        if kind != .image { try check(relative, kind: kind, bytes: bytes, tenant: tenant) }
        let destination = "\(layoutsFolder(tenant))/\(relative)"
        let replaced = FileManager.default.fileExists(atPath: destination)
        try FileManager.default.createDirectory(atPath: (destination as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: destination), options: .atomic)
        try bumpVersion(tenant)
        return replaced
    }

    /// Loads the tenant's library with the file in place, in a copy of the folder: the file's
    /// own errors, paths leaving the folder, and every problem of each layout it touches.
    private func check(_ relative: String, kind: Kind, bytes: [UInt8], tenant: String) throws {
        guard let text = String(bytes: bytes, encoding: .utf8) else {
            throw UploadRefusal.problems([LayoutError(.resource, "the file is not UTF-8 text; save it as UTF-8", at: SourceLocation(file: relative, line: 1))])
        }
        let escaping = try refusing { () throws(LayoutError) in try FolderConfinement.escapingPaths(in: text, file: relative) }
        guard escaping.isEmpty else { throw UploadRefusal.problems(escaping) }
        let manager = FileManager.default
        let staging = "\(root)/\(tenant)/staging-\(UUID().uuidString.lowercased())"
        defer { try? manager.removeItem(atPath: staging) }
        try manager.copyItem(atPath: layoutsFolder(tenant), toPath: staging)
        try manager.createDirectory(atPath: (("\(staging)/\(relative)") as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: "\(staging)/\(relative)"))
        let library = try refusing { () throws(LayoutError) in try LayoutLibrary(directory: staging) }
        if kind == .theme, let broken = library.brokenThemes[String(relative.dropFirst("themes/".count).dropLast(5))] {
            throw UploadRefusal.problems([broken])
        }
        let layouts = kind == .layout ? [String(relative.dropLast(5))] : LayoutLibrary.yamlFiles(in: staging).map { String($0.dropLast(5)) }
        var problems: [LayoutError] = []
        for name in layouts {
            do throws(LayoutError) {
                let layout = try library.layout(named: name)
                let theme = try library.theme(named: layout.theme)
                problems += library.problems(in: layout, theme: theme)
            } catch {
                problems.append(error)
            }
        }
        guard problems.isEmpty else { throw UploadRefusal.problems(problems) }
    }

    private func refusing<T>(_ body: () throws(LayoutError) -> T) throws(UploadRefusal) -> T {
        do { return try body() } catch { throw .problems([error]) }
    }
}

/// Why a layout, component, theme or image was not taken, or a layout cannot render.
public enum UploadRefusal: Error, CustomStringConvertible {
    case badName(String, String)
    case unknownLayout(String)
    case problems([LayoutError])
    case badWebhook(String)
    case badEmail(String)

    public var description: String {
        switch self {
        case .badName(let what, let name):
            "\"\(name.prefix(80))\" is not a \(what) name: use lower-case letters, digits, '.', '-' and '_', starting with a letter or digit"
        case .unknownLayout(let name): "there is no layout \"\(name.prefix(80))\" in this tenant's layouts"
        case .problems(let problems): problems.map(\.description).joined(separator: "\n")
        case .badWebhook(let why), .badEmail(let why): why
        }
    }
}
