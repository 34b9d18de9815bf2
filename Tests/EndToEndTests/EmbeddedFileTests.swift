// Files embedded in a PDF/A-3 document: a page with an attached XML file and an XMP extension
// schema passes pdfcheck's PDF/A profile (the attachment's relationship, /AF, MIME subtype and
// /Params /ModDate), and pikepdf reads the file back byte for byte with its metadata.
import Foundation
import PressroomGraphics
import PressroomPDF
import Testing
import TestScratch

@Test func anAttachedFileIsListedInAFWithItsRelationshipAndReadsBack() throws {
    let xml = Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<note lang=\"cs\">Příliš žluťoučký kůň</note>\n".utf8)
    let writer = PDFDocumentWriter(info: DocumentInfo(title: "Attachment test", creationDate: DocumentDate(year: 2026, month: 8, day: 17),
                                                      language: "cs-CZ"),
                                   profiles: [.pdfA3b(outputIntent: try ICCProfile.sRGB())])
    writer.attach(EmbeddedFile(name: "note.xml", bytes: xml, mimeType: "text/xml", relationship: .supplement,
                               description: "A note", modificationDate: DocumentDate(year: 2026, month: 8, day: 17)))
    writer.addXMPExtension(XMPExtension(schemaName: "Test schema", namespaceURI: "urn:pressroom:test#", prefix: "pt",
                                        properties: [.init(name: "Kind", value: "note & more", description: "What the note is")]))
    var page = Page(size: .a4)
    page.add(.path(.rectangle(Rect(x: 50, y: 50, width: 100, height: 40)), fill: .rgb(0.1, 0.3, 0.6), stroke: nil))
    try writer.add(page)
    let bytes = try writer.finish()
    let path = Scratch.url("pressroom-attachment-\(getpid()).pdf").path
    try Data(bytes).write(to: URL(fileURLWithPath: path))

    let check = try PDFCheck.run(path, ["--profile", "pdfa"])
    #expect(check.passed, "\(check.output)")
    #expect(check.output.contains("PASS pdfa_embedded_files"), "\(check.output)")

    let script = """
    import pikepdf, sys
    pdf = pikepdf.open(sys.argv[1])
    spec = pdf.Root.AF[0]
    stream = spec.EF.F
    print(str(spec.F), str(spec.AFRelationship), str(stream.Subtype), str(stream.Params.ModDate))
    sys.stdout.buffer.write(stream.read_bytes())
    meta = pdf.open_metadata()
    print()
    print(meta.get('{urn:pressroom:test#}Kind'))
    print(str(pdf.Root.Names.EmbeddedFiles.Names[0]))
    """
    let result = try ExternalTool.run("python3", ["-c", script, path])
    #expect(result.status == 0, "\(result.errors)")
    let lines = result.output.components(separatedBy: "\n")
    #expect(lines.first == "note.xml /Supplement /text/xml D:20260817000000Z", "\(result.output)")
    #expect(result.output.contains("Příliš žluťoučký kůň"), "\(result.output)")
    #expect(result.output.contains("note & more"), "\(result.output)")
    #expect(lines.dropLast().last == "note.xml", "\(result.output)")
}
