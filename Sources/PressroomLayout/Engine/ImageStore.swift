// Images a layout names, read and decoded once per renderer: the same logo on ten thousand
// invoices is one ImageSource, which the PDF writer embeds once per file. Images are read only
// from the layouts folder and the folders the caller allows (`--allow-path`), whatever a layout,
// a theme or a record's data names (an absolute path, `../`, a link out): a path elsewhere, or a
// file that is not there, gets the same answer, so the error tells nothing about the machine.
import Foundation
import PressroomGraphics
import PressroomImages

final class ImageStore {
    struct Entry {
        let source: ImageSource
        let pixelWidth: Int
        let pixelHeight: Int
    }

    private let directory: String
    /// The folders images may come from, resolved, each ending in "/".
    private let roots: [String]
    private var entries: [String: Entry] = [:]
    /// Every image file read so far, as full paths (a preview watches them).
    private(set) var files: [String] = []
    /// Larger image files are not read (a PNG of an A4 page at 600 dpi is far smaller).
    static let sizeLimit = 64 << 20

    init(directory: String, allowed: [String] = []) {
        self.directory = directory
        roots = ([directory] + allowed).map { Self.resolved($0) + "/" }
    }

    func image(_ path: String, at location: SourceLocation) throws(LayoutError) -> Entry {
        if let known = entries[path] { return known }
        let full = path.hasPrefix("/") ? path : directory + "/" + path
        let resolved = Self.resolved(full)
        guard roots.contains(where: { resolved.hasPrefix($0) }), let data = Self.regularFile(resolved) else {
            throw LayoutError(.resource, "the image `\(Self.cut(path))` cannot be read: there is no such image in the layouts folder or in a folder allowed with --allow-path",
                              at: location)
        }
        if !files.contains(full) { files.append(full) }
        let bytes = [UInt8](data)
        let decoded: RasterImage
        do { decoded = try RasterImage.decode(bytes, source: path) } catch {
            throw LayoutError(.resource, "the image `\(path)` cannot be used: \(error)", at: location)
        }
        let entry = Entry(source: ImageSource(bytes: bytes, name: path), pixelWidth: decoded.width, pixelHeight: decoded.height)
        entries[path] = entry
        return entry
    }

    /// The path with `.`, `..` and symbolic links resolved.
    private static func resolved(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    /// The bytes of a regular file of at most `sizeLimit` bytes (not a device, pipe or folder).
    private static func regularFile(_ path: String) -> Data? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              attributes[.type] as? FileAttributeType == .typeRegular,
              let size = attributes[.size] as? NSNumber, size.intValue <= sizeLimit else { return nil }
        return FileManager.default.contents(atPath: path)
    }

    /// A path as a message shows it: at most 120 characters.
    private static func cut(_ path: String) -> String { path.count <= 120 ? path : String(path.prefix(117)) + "…" }
}
