// Images a layout names, read and decoded once per renderer: the same logo on ten thousand
// invoices is one ImageSource, which the PDF writer embeds once per file.
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
    private var entries: [String: Entry] = [:]
    /// Every image file read so far, as full paths (a preview watches them).
    private(set) var files: [String] = []

    init(directory: String) {
        self.directory = directory
    }

    func image(_ path: String, at location: SourceLocation) throws(LayoutError) -> Entry {
        if let known = entries[path] { return known }
        let full = path.hasPrefix("/") ? path : directory + "/" + path
        if !files.contains(full) { files.append(full) }
        guard let data = FileManager.default.contents(atPath: full) else {
            throw LayoutError(.resource, "the image `\(path)` cannot be read (looked for \(full))", at: location)
        }
        let bytes = [UInt8](data)
        let decoded: RasterImage
        do { decoded = try RasterImage.decode(bytes, source: path) } catch {
            throw LayoutError(.resource, "the image `\(path)` cannot be used: \(error)", at: location)
        }
        let entry = Entry(source: ImageSource(bytes: bytes, name: path), pixelWidth: decoded.width, pixelHeight: decoded.height)
        entries[path] = entry
        return entry
    }
}
