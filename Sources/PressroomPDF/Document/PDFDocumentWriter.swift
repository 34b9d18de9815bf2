// Serialises display-list pages into a PDF file as they come: each page's content stream (and its
// images, forms, annotations) at once, later overlays as further content streams of that page, and
// the page dictionaries, fonts, page tree, outline, metadata and catalog at the end. It paints
// each swatch's screen or print value as told, and checks what it writes against the declared
// conformance profiles: `finish()` refuses a document that breaks one.
import PressroomGraphics
import PressroomImages
import PressroomText

public final class PDFDocumentWriter {
    private let file: PDFFileWriter
    private let cache: PDFWriterCache
    private let info: DocumentInfo
    private let pagesReference: PDFReference
    private var pages: [PageRecord] = []
    private var outline = DocumentOutline()
    private var fonts: [ObjectIdentifier: EmbeddedFont] = [:]
    private var fontOrder: [EmbeddedFont] = []
    private var images: [ObjectIdentifier: (PDFReference, Bool)] = [:]
    private var spotColours: [SpotColour: PDFReference] = [:]
    private var forms: [ObjectIdentifier: (reference: PDFReference, usesAlpha: Bool, form: PageForm)] = [:]
    /// Objects copied from other files, one importer per source, so what pages share is copied once.
    private var importers: [ObjectIdentifier: ObjectImporter] = [:]

    private func importer(for source: PDFSource) -> ObjectImporter {
        if let known = importers[ObjectIdentifier(source)] { return known }
        let importer = ObjectImporter(source: source)
        importers[ObjectIdentifier(source)] = importer
        return importer
    }
    private var finished = false
    /// Which value of each swatch is painted.
    public let colours: ColourChoice
    /// The declared profiles (PDF/A-3b, PDF/UA-1, …) and the violations seen so far.
    private var conformance: ConformanceChecker
    private var attachments: [EmbeddedFile] = []
    private var xmpExtensions: [XMPExtension] = []
    /// Tagged PDF: the structure tree the display lists' structure marks build; nil when untagged.
    private let structure: StructureTree?

    /// What a page dictionary needs until `finish()` writes it; the content is already in the
    /// file, so a page costs a few dozen bytes here however much it draws.
    private struct PageRecord {
        let reference: PDFReference
        let size: Size
        let boxes: PageBoxes
        var contents: [PDFReference]
        var resources: PageResources
        var annotations: [PDFReference]
        var transparent: Bool
    }

    /// `cache`: share one across the documents of a batch (one per thread) to embed each face's
    /// constants and each image once; the default serves this document alone.
    /// `tagged`: write a tagged PDF (ISO 32000-1 §14.8) from the pages' `.structure` marks, with
    /// everything unmarked as an artifact; otherwise the marks are ignored.
    /// `colours`: paint each swatch's screen (gray, RGB) or print (gray, CMYK, spot) value.
    /// `profiles`: what the document claims to be (identification, output intent) and is checked
    /// against; PDF/UA-1 needs `tagged`.
    /// `links`: write link annotations (a printed document has none; PDF/X keeps annotations
    /// off the printed area).
    /// `rgbImages`: a profile that RGB images without one of their own are tagged with
    /// (ICCBased), where device RGB is not allowed (PDF/X with a CMYK intent).
    /// `stream`: where the file goes as it is written (a long print batch); `finish()` then
    /// hands it the rest and returns nothing.
    public init(info: DocumentInfo = DocumentInfo(), options: PDFFileWriter.Options = .init(),
                cache: PDFWriterCache = PDFWriterCache(), tagged: Bool = false,
                colours: ColourChoice = .screen, profiles: [PDFProfile] = [], links: Bool = true,
                rgbImages: ICCProfile? = nil, stream: (any PDFByteStream)? = nil) {
        self.info = info
        self.colours = colours
        conformance = ConformanceChecker(profiles: profiles)
        self.cache = cache
        self.links = links
        rgbImageProfile = rgbImages
        file = PDFFileWriter(options: options, compressor: cache.compressor, stream: stream)
        structure = tagged ? StructureTree(file: file) : nil
        pagesReference = file.allocate()
    }

    private let links: Bool
    private let rgbImageProfile: ICCProfile?
    /// `[/ICCBased ref]` for `rgbImageProfile`, written with the first RGB image.
    private var rgbImageSpace: PDFObject?

    /// Renders one page's body into the file and returns its 0-based index, which `overlay` and
    /// `addOutlineItem` take. Throws for an image that cannot be decoded; the page is not added
    /// then, and the document can go on (images it wrote before the bad one stay unreferenced).
    @discardableResult
    public func add(_ page: Page) throws -> Int {
        guard !finished else { throw PDFDocumentError.alreadyFinished }
        if let problem = Self.boxProblem(page) { throw PDFDocumentError.invalidPageBoxes(page: pages.count, detail: problem) }
        if page.boxes.trim == nil && page.boxes.art == nil {
            conformance.record(.missingTrimBox, "page \(pages.count + 1) says nowhere where it is cut", page: pages.count)
        }
        var resources = PageResources()
        var annotations: [PDFReference] = []
        var transparent = false
        let contents = try paint(page.items, page: pages.count, size: page.size, resources: &resources,
                                 annotations: &annotations, transparent: &transparent)
        pages.append(PageRecord(reference: file.allocate(), size: page.size, boxes: page.boxes, contents: [contents],
                                resources: resources, annotations: annotations, transparent: transparent))
        structure?.pageFinished(pages.count - 1) { self.pages[$0].reference }
        return pages.count - 1
    }

    /// Paints `items` over page `index` (0-based), in a graphics state of its own: the page's
    /// earlier streams are isolated with q…Q, so neither their colours nor their transformations
    /// reach the overlay. Fonts, images, spot colours and links join the page's own. Used for
    /// what is only known at the end of a document, such as "Page 3 of 41".
    public func overlay(_ items: [PageItem], onPage index: Int) throws {
        guard !finished else { throw PDFDocumentError.alreadyFinished }
        guard pages.indices.contains(index) else { throw PDFDocumentError.noSuchPage(index: index, pageCount: pages.count) }
        var record = pages[index]
        let contents = try paint(items, page: index, size: record.size, resources: &record.resources,
                                 annotations: &record.annotations, transparent: &record.transparent)
        record.contents.append(contents)
        pages[index] = record
    }

    /// Adds a top-level bookmark to page `index` (0-based), after those added before it: one per
    /// record when many records are combined in one file. The page may be added later; `finish()`
    /// checks that it exists.
    /// `top`: where on the page it opens, in points from the top edge (default: the top).
    /// `children`: bookmarks under it (a combined record's own), shown when it is opened.
    public func addOutlineItem(title: String, page index: Int, top: Double? = nil, children: [Bookmark] = []) {
        outline.items.append(DocumentOutline.Item(title: title, page: index, top: top,
                                                  children: children.map { .init(title: $0.title, page: $0.page, top: $0.top) }))
    }

    /// A top-level bookmark.
    public func addOutlineItem(_ bookmark: Bookmark) {
        addOutlineItem(title: bookmark.title, page: bookmark.page, top: bookmark.top)
    }

    /// Writes the page dictionaries, fonts, the page tree, the outline, metadata and the catalog,
    /// and returns the finished file. Throws `ConformanceRefusal` for a document that breaks a
    /// declared profile, naming every violation and where it happened; nothing is returned then.
    public func finish() throws -> [UInt8] {
        guard !finished else { throw PDFDocumentError.alreadyFinished }
        if let item = outline.all.first(where: { !pages.indices.contains($0.page) }) {
            throw PDFDocumentError.outlinePageMissing(title: item.title, index: item.page, pageCount: pages.count)
        }
        if conformance.claimsUA && structure == nil {
            conformance.record(.untagged, "the writer was not asked to tag it (tagged: true)", page: nil)
        }
        if info.title?.isEmpty ?? true { conformance.record(.missingTitle, "the document has no title (a layout's `title:`)", page: nil) }
        if info.creationDate == nil {
            conformance.record(.missingDate, "the document has no creation date (DocumentInfo.creationDate)", page: nil)
        }
        if info.language?.isEmpty ?? true, !(structure?.topLevelElementsHaveLanguage ?? false) {
            conformance.record(.missingLanguage, "the document names no language", page: nil)
        }
        conformance.locate(in: [])
        if let refusal = conformance.refusal() { throw refusal }
        finished = true
        let tree = PageTree(pages: pages.map(\.reference), root: pagesReference, file: file)
        for (index, page) in pages.enumerated() { writeDictionary(of: page, index: index, parent: tree.parents[index]) }
        for font in fontOrder { try font.write(to: file) }
        tree.write(root: pagesReference, count: pages.count, to: file)
        let outlineReference = outline.write(to: file) { index in (self.pages[index].reference, self.pages[index].size.height) }
        let metadata = file.allocate()
        file.writeStream(metadata, ["Type": PDFName("Metadata").object, "Subtype": PDFName("XML").object],
                         data: Metadata.xmpPacket(info, identification: conformance.profiles.lazy.compactMap(\.pdfaIdentification).first,
                                                  pdfxVersion: pdfxVersion,
                                                  extensions: (conformance.claimsUA ? [XMPExtension.pdfUA] : []) + xmpExtensions),
                         compress: false)
        let infoReference = file.allocate()
        file.write(infoReference, .dictionary(Metadata.infoDictionary(info, trapped: pdfxVersion == nil ? nil : false)))
        let catalog = file.allocate()
        var catalogDictionary: PDFDictionary = [
            "Type": PDFName("Catalog").object,
            "Pages": pagesReference.object,
            "Metadata": metadata.object,
        ]
        if let outlineReference {
            catalogDictionary["Outlines"] = outlineReference.object
            catalogDictionary["PageMode"] = PDFName("UseOutlines").object
        }
        if let language = info.language { catalogDictionary["Lang"] = .text(language) }
        if info.title != nil {
            catalogDictionary["ViewerPreferences"] = .dictionary(["DisplayDocTitle": true])
        }
        let intents = conformance.profiles.compactMap(\.outputIntent)
        if !intents.isEmpty { catalogDictionary["OutputIntents"] = .array(intents.map { $0.write(to: file) }) }
        if !attachments.isEmpty {
            let specifications = attachments.map { (name: $0.name, specification: $0.write(to: file)) }
            catalogDictionary["AF"] = .array(specifications.map(\.specification.object))
            catalogDictionary["Names"] = EmbeddedFile.nameTree(specifications)
        }
        addStructure(to: &catalogDictionary)
        file.write(catalog, .dictionary(catalogDictionary))
        return try file.finish(root: catalog, info: infoReference)
    }

    public var pageCount: Int { pages.count }

    /// Carries `file` inside the PDF, associated with the whole document (catalog /AF).
    public func attach(_ file: EmbeddedFile) { attachments.append(file) }

    /// Adds properties to the XMP metadata, declared as a PDF/A extension schema.
    public func addXMPExtension(_ properties: XMPExtension) { xmpExtensions.append(properties) }

    /// Tagged PDF: structure keys seen from now on name new elements, read after those before,
    /// so each record of a combined file has its own (call it before each record's pages).
    public func startStructureSection() { structure?.startSection() }

    /// The PDF/X version the document claims, if any.
    private var pdfxVersion: String? { conformance.profiles.lazy.compactMap(\.pdfxVersion).first }

    /// Every violation seen so far, whether a declared profile prohibits it or not (checks run
    /// only when the document declares a profile).
    public var violations: [Violation] { conformance.violations }

    /// Where the time went, when `PDFFileWriter.Options.measuresPhases` is set; complete after `finish()`.
    public var phases: WriterPhases? { file.clock?.phases }

    // MARK: Pages

    /// Paints items into a new content stream and returns it; resources, links and transparency
    /// are added to the page's. Annotations are written only once every item has painted.
    private func paint(_ items: [PageItem], page: Int, size: Size, resources: inout PageResources,
                       annotations: inout [PDFReference], transparent: inout Bool) throws -> PDFReference {
        var context = PaintContext(page: page, painter: PagePainter(height: size.height, resources: resources),
                                   marks: MarkedContentTracker(page: page))
        do {
            try file.measure(.painting) {
                try paintItems(items, into: &context, tagged: structure != nil)
                if structure != nil { context.marks.close(&context.painter) }
            }
        } catch {
            conformance.discardPending()  // the stream is not written; what it found goes with it
            throw error
        }
        conformance.locate(in: items)
        let contents = file.allocate()
        file.writeStream(contents, data: context.painter.finish().isolatedBytes, kind: .content)
        for (link, parent) in context.links {
            let reference = file.allocate()
            var dictionary = link
            if let structure {
                // ISO 14289-1 §7.18.1, §7.18.5: a link annotation sits in a Link element and says what it does.
                dictionary["StructParent"] = .integer(structure.addLink(reference, under: parent, page: page))
                if case .dictionary(let action)? = dictionary["A"], let uri = action["URI"] { dictionary["Contents"] = uri }
            }
            file.write(reference, .dictionary(dictionary))
            annotations.append(reference)
        }
        resources = context.painter.resources
        transparent = transparent || context.usesAlpha
        return contents
    }

    /// What painting one content stream gathers besides its operators.
    private struct PaintContext {
        let page: Int
        var painter: PagePainter
        var marks: MarkedContentTracker
        var links: [(PDFDictionary, parent: [StructureElement]?)] = []
        var usesAlpha = false
        /// Inside a placed form links are dropped (a form has no annotations of its own).
        var keepsLinks = true
        /// From the space of the items being painted (a group's) to the stream's.
        var transform = Transform.identity

        /// A point of the items being painted in the stream's space, where source marks are.
        func place(_ point: Point) -> Point { transform.apply(point) }
        func place(_ point: Point?) -> Point? { point.map(transform.apply) }

        /// The smallest rectangle of the stream's space holding `rect` of the items' space.
        func place(_ rect: Rect) -> Rect { rect.applying(transform) }
    }

    /// Paints `items` in order; groups recurse. `tagged`: structure marks open and close marked
    /// content (never inside groups or forms, whose content is tagged as the group's position says).
    private func paintItems(_ items: [PageItem], into context: inout PaintContext, tagged: Bool) throws {
        for (index, item) in items.enumerated() {
            if tagged, let structure {
                switch item {
                case .text: context.marks.willPaint(isText: true, &context.painter, tree: structure)
                case .path, .image, .group, .form: context.marks.willPaint(isText: false, &context.painter, tree: structure)
                case .link, .source, .structure: break
                }
            }
            switch item {
            case .text(let run, let origin, let swatch):
                let font = embeddedFont(for: run.face)
                context.painter.resources.use(font: font.resourceName, font.reference)
                context.painter.setFill(colour(swatch, stroking: false, page: context.page, at: context.place(origin)), spot: spotReference)
                let withoutText = context.painter.draw(run, at: origin, font: font)
                if withoutText > 0 {
                    conformance.record(.glyphWithoutUnicode, "\(withoutText) glyph\(withoutText == 1 ? "" : "s") of \(run.face.familyName) in \"\(run.text.string(0..<run.text.utf16.count))\" map to no text",
                                       page: context.page, at: context.place(origin))
                }
            case .path(let path, let fill, let stroke):
                let point = context.place(path.start)
                context.painter.draw(path, fill: fill.map { colour($0, stroking: false, page: context.page, at: point) },
                                     stroke: stroke, strokeColour: stroke.map { colour($0.colour, stroking: true, page: context.page, at: point) },
                                     spot: spotReference)
            case .image(let source, let frame):
                // Violations of an image are located by its centre (its edges touch the blocks around it).
                let centre = context.place(Point(x: frame.minX + frame.width / 2, y: frame.minY + frame.height / 2))
                let (reference, hasAlpha) = try image(source, page: context.page, at: centre)
                if hasAlpha {
                    context.usesAlpha = true
                    conformance.record(.transparency, "the image \(source.name) has an alpha channel (a soft mask)", page: context.page, at: centre)
                }
                context.painter.draw(image: context.painter.resources.name(forImage: reference), in: frame)
            case .link(let rect, let uri):
                if context.keepsLinks && links {
                    context.links.append((linkAnnotation(context.place(rect), uri: uri, pageHeight: context.painter.height), context.marks.linkParent))
                }
            case .source:
                continue  // previews, and locating violations
            case .structure(let mark):
                if tagged, let structure {
                    if case .content(let path) = mark, let element = path.last, element.role == .figure, element.alt?.isEmpty ?? true {
                        conformance.record(.figureWithoutAlternateText, "a Figure has no alternate text (alt:)", page: context.page,
                                           at: context.place(Self.nextPoint(items, after: index)))
                    }
                    context.marks.mark(mark, nextIsText: Self.nextPaintsText(items, after: index), painter: &context.painter, tree: structure)
                }
            case .group(let group):
                context.painter.beginGroup(group)
                let outer = context.transform
                context.transform = group.transform.then(outer)
                try paintItems(group.items, into: &context, tagged: false)
                context.transform = outer
                context.painter.endGroup()
            case .form(let form, let transform):
                let (reference, usesAlpha) = try formReference(form, page: context.page)
                context.usesAlpha = context.usesAlpha || usesAlpha
                context.painter.draw(form: context.painter.resources.name(forForm: reference), formHeight: form.size.height,
                                     transform: transform)
            }
        }
    }

    /// The swatch's value for this document, checked against the output intent.
    private func colour(_ swatch: Swatch, stroking: Bool, page: Int, at point: Point?) -> Colour {
        let colour = swatch.colour(for: colours)
        if conformance.isActive { conformance.check(colour, stroking: stroking, page: page, at: point) }
        return colour
    }

    /// Where the first item after `index` that paints is: a figure's image, a paragraph's text.
    private static func nextPoint(_ items: [PageItem], after index: Int) -> Point? {
        for item in items[(index + 1)...] {
            switch item {
            case .text(_, let origin, _): return origin
            case .image(_, let frame): return Point(x: frame.minX + frame.width / 2, y: frame.minY + frame.height / 2)
            case .path(let path, _, _):
                return path.start
            case .link, .source, .structure, .group, .form: continue
            }
        }
        return nil
    }

    /// Whether the first item after `index` that paints is text.
    private static func nextPaintsText(_ items: [PageItem], after index: Int) -> Bool {
        for item in items[(index + 1)...] {
            switch item {
            case .text: return true
            case .path, .image, .group, .form: return false
            case .link, .source, .structure: continue
            }
        }
        return false
    }

    private func writeDictionary(of page: PageRecord, index: Int, parent: PDFReference) {
        var dictionary: PDFDictionary = [
            "Type": PDFName("Page").object,
            "Parent": parent.object,
            "MediaBox": .rect([0, 0, page.size.width, page.size.height]),
            "Resources": .dictionary(page.resources.dictionary),
            // §7.8.2: an array of streams is read as their concatenation.
            "Contents": page.contents.count == 1 ? page.contents[0].object : .array(page.contents.map(\.object)),
        ]
        // §14.11.2: the boxes, flipped into PDF's y-up space.
        let height = page.size.height
        for (key, box) in [("BleedBox", page.boxes.bleed), ("TrimBox", page.boxes.trim), ("ArtBox", page.boxes.art)] {
            if let box { dictionary[PDFName(key)] = .rect([box.minX, height - box.maxY, box.maxX, height - box.minY]) }
        }
        if !page.annotations.isEmpty { dictionary["Annots"] = .array(page.annotations.map(\.object)) }
        if let structure {
            if let key = structure.pageKey(index) { dictionary["StructParents"] = .integer(key) }
            dictionary["Tabs"] = PDFName("S").object  // §12.5: annotations in structure order
        }
        if page.transparent {
            // Pages with soft masks blend in a stated space, or Acrobat shifts their colours.
            dictionary["Group"] = .dictionary(["Type": PDFName("Group").object, "S": PDFName("Transparency").object,
                                               "CS": PDFName(conformance.intentComponents == 4 ? "DeviceCMYK" : "DeviceRGB").object])
        }
        file.write(page.reference, .dictionary(dictionary))
    }

    /// §14.11.2: the art and trim boxes lie inside the bleed box, and all inside the media box.
    private static func boxProblem(_ page: Page) -> String? {
        func inside(_ inner: Rect, _ outer: Rect) -> Bool {
            inner.minX >= outer.minX - 0.001 && inner.minY >= outer.minY - 0.001
                && inner.maxX <= outer.maxX + 0.001 && inner.maxY <= outer.maxY + 0.001 && inner.width > 0 && inner.height > 0
        }
        func mm(_ rect: Rect) -> String {
            let values = [rect.minX, rect.minY, rect.width, rect.height].map { (($0 * 25.4 / 72) * 10).rounded() / 10 }
            return "(x \(values[0]), y \(values[1]), \(values[2]) × \(values[3]) mm)"
        }
        let media = Rect(x: 0, y: 0, width: page.size.width, height: page.size.height)
        let bleed = page.boxes.bleed ?? media
        if !inside(bleed, media) { return "the bleed box \(mm(bleed)) is not inside the media box \(mm(media))" }
        if let trim = page.boxes.trim, !inside(trim, bleed) { return "the trim box \(mm(trim)) is not inside the bleed box \(mm(bleed))" }
        if let art = page.boxes.art, !inside(art, bleed) { return "the art box \(mm(art)) is not inside the bleed box \(mm(bleed))" }
        return nil
    }

    // MARK: Shared resources

    private func embeddedFont(for face: FontFace) -> EmbeddedFont {
        if let font = fonts[ObjectIdentifier(face)] { return font }
        let font = EmbeddedFont(embedding: cache.embedding(for: face), resourceName: PDFName("F\(fontOrder.count + 1)"), reference: file.allocate())
        fonts[ObjectIdentifier(face)] = font
        fontOrder.append(font)
        return font
    }

    private func image(_ source: ImageSource, page: Int, at point: Point) throws -> (PDFReference, Bool) {
        if let known = images[ObjectIdentifier(source)] { return known }
        let written = try file.measure(.images) {
            let compresses = file.options.compressStreams
            let key = EncodedImageCache.Key(bytes: source.bytes, levels: compresses ? file.options.flateLevels : nil)
            let encoded: EncodedImage
            if let cached = cache.images[key] {
                encoded = cached
            } else {
                let decoded = try RasterImage.decode(source.bytes, source: source.name)
                encoded = ImageXObject.encode(decoded) { data, kind in compresses ? file.compress(data, kind: kind) : nil }
                cache.images.insert(encoded, for: key)
            }
            let reference = file.allocate()
            ImageXObject.write(encoded, to: file, reference: reference, rgbSpace: encoded.deviceComponents == 3 ? rgbSpace() : nil)
            if let components = encoded.deviceComponents, !(components == 3 && rgbImageProfile != nil) {
                conformance.checkImage(named: source.name, components: components, page: page, at: point)
            }
            return (reference, encoded.hasAlpha)
        }
        images[ObjectIdentifier(source)] = written
        return written
    }

    /// The colour space RGB images are tagged with, written once; nil: they stay DeviceRGB.
    private func rgbSpace() -> PDFObject? {
        if let rgbImageSpace { return rgbImageSpace }
        guard let profile = rgbImageProfile else { return nil }
        let stream = file.allocate()
        file.writeStream(stream, ["N": .integer(profile.components), "Filter": PDFName("FlateDecode").object],
                         data: profile.compressed, alreadyEncoded: true)
        let space = PDFObject.array([PDFName("ICCBased").object, stream.object])
        rgbImageSpace = space
        return space
    }

    /// A placed page as a Form XObject (§8.10), written the first time it is placed (on page
    /// `pageIndex`); whether it paints with soft masks. Its violations are located by its own
    /// source marks, apart from those of the page that places it.
    private func formReference(_ form: PageForm, page pageIndex: Int) throws -> (PDFReference, Bool) {
        if let known = forms[ObjectIdentifier(form)] { return (known.reference, known.usesAlpha) }
        let page: Page
        switch form.content {
        case .displayList(let laidOut): page = laidOut
        case .external(let external):
            guard let imported = external as? ImportedPage else { throw PDFDocumentError.unsupportedForm(name: external.name) }
            let reference = try imported.writeForm(to: file, importer: importer(for: imported.source))
            forms[ObjectIdentifier(form)] = (reference, false, form)
            return (reference, false)
        }
        var context = PaintContext(page: pageIndex, painter: PagePainter(height: page.size.height),
                                   marks: MarkedContentTracker(page: pageIndex), keepsLinks: false)
        let placing = conformance.setPendingAside()
        defer { conformance.restorePending(placing) }
        do { try paintItems(page.items, into: &context, tagged: false) } catch {
            conformance.discardPending()
            throw error
        }
        conformance.locate(in: page.items)
        let reference = file.allocate()
        var dictionary: PDFDictionary = [
            "Type": PDFName("XObject").object,
            "Subtype": PDFName("Form").object,
            "BBox": .rect([0, 0, page.size.width, page.size.height]),
            "Resources": .dictionary(context.painter.resources.dictionary),
        ]
        if context.usesAlpha {
            dictionary["Group"] = .dictionary(["Type": PDFName("Group").object, "S": PDFName("Transparency").object])
        }
        file.writeStream(reference, dictionary, data: context.painter.finish().isolatedBytes, kind: .content)
        // Keep the form alive with its reference, so its identity is not reused by another.
        forms[ObjectIdentifier(form)] = (reference, context.usesAlpha, form)
        return (reference, context.usesAlpha)
    }

    private func spotReference(_ spot: SpotColour) -> PDFReference {
        if let reference = spotColours[spot] { return reference }
        let reference = file.allocate()
        file.write(reference, SeparationColourSpace.object(for: spot))
        spotColours[spot] = reference
        return reference
    }

    private func linkAnnotation(_ rect: Rect, uri: String, pageHeight: Double) -> PDFDictionary {
        [
            "Type": PDFName("Annot").object,
            "Subtype": PDFName("Link").object,
            "Rect": .rect([rect.minX, pageHeight - rect.maxY, rect.maxX, pageHeight - rect.minY]),
            "Border": .array([0, 0, 0]),
            "F": 4, // Print (§12.5.3), as PDF/A asks of every annotation.
            "A": .dictionary(["S": PDFName("URI").object, "URI": .string(Array(uri.utf8))]),
        ]
    }

    /// Tagged PDF: the structure tree and the catalog entries that announce it (§14.7.2, §14.7.1).
    private func addStructure(to catalog: inout PDFDictionary) {
        guard let structure else { return }
        catalog["StructTreeRoot"] = structure.write(pages: pages.map(\.reference)).object
        catalog["MarkInfo"] = .dictionary(["Marked": true])
        // ISO 14289-1 §7.1: the title bar shows the document's title.
        catalog["ViewerPreferences"] = .dictionary(["DisplayDocTitle": true])
    }
}

extension PDFDocumentWriter {
    /// Renders a whole document in one call.
    public static func render(_ pages: [Page], info: DocumentInfo = DocumentInfo(),
                              options: PDFFileWriter.Options = .init(), cache: PDFWriterCache = PDFWriterCache(),
                              tagged: Bool = false, colours: ColourChoice = .screen, profiles: [PDFProfile] = []) throws -> [UInt8] {
        let writer = PDFDocumentWriter(info: info, options: options, cache: cache, tagged: tagged, colours: colours, profiles: profiles)
        for page in pages { try writer.add(page) }
        return try writer.finish()
    }
}
