// Serialises display-list pages into a PDF file: page by page as they come (content streams,
// images, annotations), and fonts, page tree, metadata and catalog at the end.
import PressroomGraphics
import PressroomText

public final class PDFDocumentWriter {
    private let file: PDFFileWriter
    private let info: DocumentInfo
    private let pagesReference: PDFReference
    private var pageReferences: [PDFReference] = []
    private var fonts: [ObjectIdentifier: EmbeddedFont] = [:]
    private var fontOrder: [EmbeddedFont] = []
    private var images: [ObjectIdentifier: (PDFReference, Bool)] = [:]
    private var spotColours: [SpotColour: PDFReference] = [:]

    public init(info: DocumentInfo = DocumentInfo(), options: PDFFileWriter.Options = .init()) {
        self.info = info
        file = PDFFileWriter(options: options)
        pagesReference = file.allocate()
    }

    /// Renders one page into the file. Throws for an image that cannot be decoded.
    public func add(_ page: Page) throws {
        let pageReference = file.allocate()
        let contentsReference = file.allocate()
        var painter = PagePainter(height: page.size.height)
        var annotations: [PDFObject] = []
        var transparent = false

        for item in page.items {
            switch item {
            case .text(let run, let origin, let colour):
                let font = embeddedFont(for: run.face)
                painter.resources.use(font: font.resourceName, font.reference)
                painter.setFill(colour, spot: spotReference)
                painter.draw(run, at: origin, font: font)
            case .path(let path, let fill, let stroke):
                painter.draw(path, fill: fill, stroke: stroke, spot: spotReference)
            case .image(let source, let frame):
                let (reference, hasAlpha) = try image(source)
                transparent = transparent || hasAlpha
                painter.draw(image: painter.resources.name(forImage: reference), in: frame)
            case .link(let rect, let uri):
                annotations.append(linkAnnotation(rect, uri: uri, pageHeight: page.size.height))
            }
        }

        file.writeStream(contentsReference, data: painter.content.bytes)
        var dictionary: PDFDictionary = [
            "Type": PDFName("Page").object,
            "Parent": pagesReference.object,
            "MediaBox": .rect([0, 0, page.size.width, page.size.height]),
            "Resources": .dictionary(painter.resources.dictionary),
            "Contents": contentsReference.object,
        ]
        if !annotations.isEmpty { dictionary["Annots"] = .array(annotations) }
        if transparent {
            // Pages with soft masks blend in a stated space, or Acrobat shifts their colours.
            dictionary["Group"] = .dictionary(["Type": PDFName("Group").object, "S": PDFName("Transparency").object,
                                               "CS": PDFName("DeviceRGB").object])
        }
        file.write(pageReference, .dictionary(dictionary))
        pageReferences.append(pageReference)
    }

    /// Writes fonts, the page tree, metadata and the catalog, and returns the finished file.
    public func finish() throws -> [UInt8] {
        for font in fontOrder { try font.write(to: file) }
        file.write(pagesReference, .dictionary([
            "Type": PDFName("Pages").object,
            "Kids": .array(pageReferences.map(\.object)),
            "Count": .integer(pageReferences.count),
        ]))
        let metadata = file.allocate()
        file.writeStream(metadata, ["Type": PDFName("Metadata").object, "Subtype": PDFName("XML").object],
                         data: Metadata.xmpPacket(info), compress: false)
        let infoReference = file.allocate()
        file.write(infoReference, .dictionary(Metadata.infoDictionary(info)))
        let catalog = file.allocate()
        var catalogDictionary: PDFDictionary = [
            "Type": PDFName("Catalog").object,
            "Pages": pagesReference.object,
            "Metadata": metadata.object,
        ]
        if let language = info.language { catalogDictionary["Lang"] = .text(language) }
        if info.title != nil {
            catalogDictionary["ViewerPreferences"] = .dictionary(["DisplayDocTitle": true])
        }
        file.write(catalog, .dictionary(catalogDictionary))
        return file.finish(root: catalog, info: infoReference)
    }

    public var pageCount: Int { pageReferences.count }

    // MARK: Shared resources

    private func embeddedFont(for face: FontFace) -> EmbeddedFont {
        if let font = fonts[ObjectIdentifier(face)] { return font }
        let font = EmbeddedFont(face: face, resourceName: PDFName("F\(fontOrder.count + 1)"), reference: file.allocate())
        fonts[ObjectIdentifier(face)] = font
        fontOrder.append(font)
        return font
    }

    private func image(_ source: ImageSource) throws -> (PDFReference, Bool) {
        if let known = images[ObjectIdentifier(source)] { return known }
        let decoded = try RasterImage.decode(source.bytes, source: source.name)
        let reference = file.allocate()
        let hasAlpha = ImageXObject.write(decoded, to: file, reference: reference)
        images[ObjectIdentifier(source)] = (reference, hasAlpha)
        return (reference, hasAlpha)
    }

    private func spotReference(_ spot: SpotColour) -> PDFReference {
        if let reference = spotColours[spot] { return reference }
        let reference = file.allocate()
        file.write(reference, SeparationColourSpace.object(for: spot))
        spotColours[spot] = reference
        return reference
    }

    private func linkAnnotation(_ rect: Rect, uri: String, pageHeight: Double) -> PDFObject {
        .dictionary([
            "Type": PDFName("Annot").object,
            "Subtype": PDFName("Link").object,
            "Rect": .rect([rect.minX, pageHeight - rect.maxY, rect.maxX, pageHeight - rect.minY]),
            "Border": .array([0, 0, 0]),
            "F": 4, // Print (§12.5.3), as PDF/A asks of every annotation.
            "A": .dictionary(["S": PDFName("URI").object, "URI": .string(Array(uri.utf8))]),
        ])
    }
}

extension PDFDocumentWriter {
    /// Renders a whole document in one call.
    public static func render(_ pages: [Page], info: DocumentInfo = DocumentInfo(),
                              options: PDFFileWriter.Options = .init()) throws -> [UInt8] {
        let writer = PDFDocumentWriter(info: info, options: options)
        for page in pages { try writer.add(page) }
        return try writer.finish()
    }
}
