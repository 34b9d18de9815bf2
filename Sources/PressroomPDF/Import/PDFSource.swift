// A PDF file read with qpdf (any producer's), whose pages can be placed on other pages as they
// are: imposition puts them on press sheets as Form XObjects, never drawing them again. qpdf's
// handle is not thread-safe, so every use of it is serialised.
import CQPDF
import Foundation
import PressroomGraphics

/// Unchecked: it wraps qpdf's C handle, which the compiler cannot see into; every call to it
/// holds `lock`.
public final class PDFSource: @unchecked Sendable {
    public let path: String
    public let pageCount: Int
    private var handle: qpdf_data?
    private let lock = NSLock()

    public init(path: String) throws(PDFDocumentError) {
        self.path = path
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw .unreadableSource(file: path, detail: "there is no readable file there")
        }
        var handle: qpdf_data? = qpdf_init()
        qpdf_silence_errors(handle)
        qpdf_set_suppress_warnings(handle, QPDF_TRUE)
        _ = qpdf_read(handle, path, nil)
        if let message = Self.error(handle) {
            qpdf_cleanup(&handle)
            throw .unreadableSource(file: path, detail: message)
        }
        let count = Int(qpdf_get_num_pages(handle))
        if let message = Self.error(handle) {
            qpdf_cleanup(&handle)
            throw .unreadableSource(file: path, detail: message)
        }
        self.handle = handle
        pageCount = max(count, 0)
    }

    deinit { qpdf_cleanup(&handle) }

    /// Page `index` (0-based) as a page to place.
    public func page(_ index: Int) throws(PDFDocumentError) -> ImportedPage {
        guard (0..<pageCount).contains(index) else {
            throw .unreadableSource(file: path, detail: "it has \(pageCount) page\(pageCount == 1 ? "" : "s"), so there is no page \(index + 1)")
        }
        let geometry = try withHandle { qpdf throws(PDFDocumentError) in try PageGeometry(qpdf, page: qpdf_get_page_n(qpdf, index), file: path) }
        return ImportedPage(source: self, index: index, geometry: geometry)
    }

    /// Runs `body` with the handle, alone; qpdf's own error after it becomes a thrown error.
    func withHandle<T>(_ body: (qpdf_data) throws(PDFDocumentError) -> T) throws(PDFDocumentError) -> T {
        lock.lock()
        defer { lock.unlock() }
        guard let handle else { throw .unreadableSource(file: path, detail: "it was closed") }
        let result = try body(handle)
        if let message = Self.error(handle) { throw .unreadableSource(file: path, detail: message) }
        return result
    }

    /// qpdf's last error, as its full text; nil when there is none.
    static func error(_ handle: qpdf_data?) -> String? {
        guard qpdf_has_error(handle) == QPDF_TRUE, let error = qpdf_get_error(handle) else { return nil }
        return qpdf_get_error_full_text(handle, error).map { String(cString: $0) } ?? "qpdf could not read it"
    }
}

/// Where a page's visible area is (ISO 32000-1 §14.11.2: the crop box, else the media box, both
/// inheritable from the page tree) and how it is turned (/Rotate, a multiple of 90).
struct PageGeometry: Sendable {
    let box: (x0: Double, y0: Double, x1: Double, y1: Double)
    let rotation: Int

    init(_ qpdf: qpdf_data, page: qpdf_oh, file: String) throws(PDFDocumentError) {
        let values = (Self.inherited(qpdf, page, "/CropBox") ?? Self.inherited(qpdf, page, "/MediaBox")).map { Self.numbers(qpdf, $0) } ?? []
        guard values.count == 4 else { throw .unreadableSource(file: file, detail: "a page has no MediaBox") }
        box = (min(values[0], values[2]), min(values[1], values[3]), max(values[0], values[2]), max(values[1], values[3]))
        let turn = Self.inherited(qpdf, page, "/Rotate").map { Int(qpdf_oh_get_int_value(qpdf, $0)) } ?? 0
        rotation = ((turn % 360) + 360) % 360 / 90 * 90
    }

    /// The size as the page is seen.
    var size: Size {
        let width = box.x1 - box.x0, height = box.y1 - box.y0
        return rotation == 90 || rotation == 270 ? Size(width: height, height: width) : Size(width: width, height: height)
    }

    /// The Form XObject /Matrix taking the box, turned, to (0, 0)–size (§8.10.1).
    var matrix: [Double] {
        switch rotation {
        case 90: [0, -1, 1, 0, -box.y0, box.x1]
        case 180: [-1, 0, 0, -1, box.x1, box.y1]
        case 270: [0, 1, -1, 0, box.y1, -box.x0]
        default: [1, 0, 0, 1, -box.x0, -box.y0]
        }
    }

    /// A page attribute, looked up the page tree (§7.7.3.4: Resources, MediaBox, CropBox, Rotate).
    static func inherited(_ qpdf: qpdf_data, _ page: qpdf_oh, _ key: String) -> qpdf_oh? {
        var node = page
        for _ in 0..<64 {
            if qpdf_oh_has_key(qpdf, node, key) == QPDF_TRUE {
                let value = qpdf_oh_get_key(qpdf, node, key)
                if qpdf_oh_is_null(qpdf, value) != QPDF_TRUE { return value }
            }
            guard qpdf_oh_has_key(qpdf, node, "/Parent") == QPDF_TRUE else { return nil }
            node = qpdf_oh_get_key(qpdf, node, "/Parent")
        }
        return nil
    }

    static func numbers(_ qpdf: qpdf_data, _ array: qpdf_oh) -> [Double] {
        guard qpdf_oh_is_array(qpdf, array) == QPDF_TRUE else { return [] }
        return (0..<qpdf_oh_get_array_n_items(qpdf, array)).map { qpdf_oh_get_numeric_value(qpdf, qpdf_oh_get_array_item(qpdf, array, $0)) }
    }
}

/// One page of a `PDFSource`, to place with `PageForm(external:)`.
public final class ImportedPage: ExternalPage {
    public let source: PDFSource
    public let index: Int
    let geometry: PageGeometry

    init(source: PDFSource, index: Int, geometry: PageGeometry) {
        self.source = source
        self.index = index
        self.geometry = geometry
    }

    public var size: Size { geometry.size }
    public var name: String { "\((source.path as NSString).lastPathComponent) page \(index + 1)" }

    /// Writes the page as a Form XObject: its content (all of its streams, decoded and written
    /// again), its resources copied through `importer`, its box as the BBox, its rotation in the
    /// matrix.
    func writeForm(to file: PDFFileWriter, importer: ObjectImporter) throws(PDFDocumentError) -> PDFReference {
        try source.withHandle { qpdf throws(PDFDocumentError) in
            defer { qpdf_oh_release_all(qpdf) }
            let page = qpdf_get_page_n(qpdf, index)
            var buffer: UnsafeMutablePointer<UInt8>?
            var length = 0
            _ = qpdf_oh_get_page_content_data(qpdf, page, &buffer, &length)
            defer { free(buffer) }
            if let message = PDFSource.error(qpdf) { throw .unreadableSource(file: source.path, detail: message) }
            let content = buffer.map { Array(UnsafeBufferPointer(start: $0, count: length)) } ?? []
            var dictionary: PDFDictionary = [
                "Type": PDFName("XObject").object,
                "Subtype": PDFName("Form").object,
                "BBox": .rect([geometry.box.x0, geometry.box.y0, geometry.box.x1, geometry.box.y1]),
                "Matrix": .array(geometry.matrix.map { .real($0) }),
            ]
            if let resources = PageGeometry.inherited(qpdf, page, "/Resources") {
                dictionary["Resources"] = importer.object(qpdf, resources, into: file)
            } else {
                dictionary["Resources"] = .dictionary([:])
            }
            if qpdf_oh_has_key(qpdf, page, "/Group") == QPDF_TRUE {
                dictionary["Group"] = importer.object(qpdf, qpdf_oh_get_key(qpdf, page, "/Group"), into: file)
            }
            let reference = file.allocate()
            file.writeStream(reference, dictionary, data: content, kind: .content)
            return reference
        }
    }
}
