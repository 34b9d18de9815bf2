// Images as `data:` URIs of the bytes the user supplied (a browser decodes PNG and JPEG itself),
// cached per ImageSource across pages and renders, within a byte budget so a long-running preview
// that loads new images on every save does not grow without end.
import Foundation
import PressroomGraphics

final class SVGImageCache {
    private struct Entry {
        /// Held so its ObjectIdentifier is not reused while the entry lives.
        let source: ImageSource
        let uri: [UInt8]?
    }

    private var entries: [ObjectIdentifier: Entry] = [:]
    /// Insertion order, for evicting the oldest first.
    private var order: [ObjectIdentifier] = []
    private var totalBytes = 0
    let budget: Int

    init(budget: Int = 64 << 20) { self.budget = budget }

    /// `data:image/png;base64,…`, or nil for bytes that are neither PNG nor JPEG.
    func dataURI(for source: ImageSource) -> [UInt8]? {
        let key = ObjectIdentifier(source)
        if let known = entries[key] { return known.uri }
        let uri = Self.dataURI(source.bytes)
        let size = uri?.count ?? 0
        while totalBytes + size > budget, !order.isEmpty {
            let oldest = order.removeFirst()
            totalBytes -= entries.removeValue(forKey: oldest)?.uri?.count ?? 0
        }
        entries[key] = Entry(source: source, uri: uri)
        order.append(key)
        totalBytes += size
        return uri
    }

    static func dataURI(_ bytes: [UInt8]) -> [UInt8]? {
        guard let type = mediaType(bytes) else { return nil }
        return Array("data:\(type);base64,".utf8) + Array(Data(bytes).base64EncodedData())
    }

    /// The media type from the file signature: PNG (ISO 15948 §5.2) or JPEG (an SOI marker).
    static func mediaType(_ bytes: [UInt8]) -> String? {
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return "image/png" }
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
        return nil
    }
}
