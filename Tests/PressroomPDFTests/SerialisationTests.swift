// PDF syntax: numbers without exponents, escaped names and strings, text strings, ToUnicode blocks,
// and a cross-reference stream that points at every object.
import Testing
@testable import PressroomPDF

@Suite struct SerialisationTests {
    private func text(_ object: PDFObject) -> String {
        var buffer = ByteBuffer()
        buffer.append(object: object)
        return String(decoding: buffer.bytes, as: UTF8.self)
    }

    @Test func realsHaveNoExponentAndNoNegativeZero() {
        #expect(text(.real(0.1 + 0.2)) == "0.3")
        #expect(text(.real(1e-9)) == "0")
        #expect(text(.real(-1e-9)) == "0")
        #expect(text(.real(-12.5)) == "-12.5")
        #expect(text(.real(123456789.123456)) == "123456789.1235")
        #expect(text(.real(1e20)) == "100000000000000000000")
        #expect(text(.real(.nan)) == "0")
    }

    /// A dictionary written entry by entry reads exactly as the same PDFDictionary serialised.
    @Test func aDictionaryWrittenEntryByEntryIsTheSerialisedDictionary() throws {
        let dictionary: PDFDictionary = [
            "S": PDFName("TD").object, "P": PDFReference(number: 12).object, "K": .array([.integer(3), PDFReference(number: 7).object, .dictionary(["MCID": 4])]),
            "Alt": .text("Faktura č."), "N": .integer(-2), "A": .dictionary(["O": PDFName("Table").object]), "E": .array([]),
        ]
        let file = PDFFileWriter(options: readable)
        let reference = file.allocate(), other = file.allocate()
        file.writeDictionary(reference) { entries in
            entries.name("S", PDFName("TD"))
            entries.reference("P", PDFReference(number: 12))
            entries.array("K") { elements in
                elements.element(.integer(3))
                elements.element(PDFReference(number: 7).object)
                elements.element(.dictionary(["MCID": 4]))
            }
            entries.object("Alt", .text("Faktura č."))
            entries.integer("N", -2)
            entries.object("A", .dictionary(["O": PDFName("Table").object]))
            entries.array("E") { _ in }
        }
        file.write(other, .dictionary(dictionary))
        let pdf = String(decoding: try file.finish(root: reference, info: nil), as: UTF8.self)
        let written = try #require(pdf.components(separatedBy: " 0 obj\n").dropFirst().map { $0.prefix { $0 != "\n" } }.first)
        #expect(written == text(.dictionary(dictionary)))
        #expect(pdf.components(separatedBy: text(.dictionary(dictionary))).count == 3, "both objects read the same")
    }

    @Test func namesAndStringsAreEscaped() {
        #expect(text(.name(PDFName("PANTONE 186 C"))) == "/PANTONE#20186#20C")
        #expect(text(.name(PDFName("a/b#c"))) == "/a#2Fb#23c")
        #expect(text(.string(Array("a(b)c\\d\n".utf8))) == "(a\\(b\\)c\\\\d\\n)")
        #expect(text(.text("Invoice")) == "(Invoice)")
        #expect(text(.text("Faktura č.")) == "<FEFF00460061006B00740075007200610020010D002E>")
    }

    @Test func dictionariesKeepInsertionOrder() {
        let dictionary: PDFDictionary = ["Type": PDFName("Page").object, "Count": 3, "Kids": .array([])]
        #expect(text(.dictionary(dictionary)) == "<</Type/Page/Count 3/Kids[]>>")
    }

    @Test func toUnicodeSplitsBlocksOfAHundred() {
        let texts: [[UInt16]] = [[]] + (1...250).map { [UInt16(0x40 + $0 % 26)] } + [[0x66, 0x69], [0xD83D, 0xDE00]]
        let cmap = String(decoding: ToUnicodeCMap.make(texts: texts), as: UTF8.self)
        #expect(cmap.components(separatedBy: "beginbfchar").count - 1 == 3)
        #expect(cmap.contains("100 beginbfchar"))
        #expect(cmap.contains("52 beginbfchar"))
        #expect(cmap.contains("<00FB> <00660069>"), "a ligature maps to both its letters")
        #expect(cmap.contains("<00FC> <D83DDE00>"), "a character beyond the BMP maps to its surrogate pair")
    }

    /// A file handed to a stream as it is written is the same file, byte for byte, identifier
    /// included, and the writer keeps only its window in memory.
    @Test func streamedFileIsTheFileInMemory() throws {
        final class Collected: PDFByteStream {
            var bytes: [UInt8] = []
            var largestWrite = 0
            func write(_ chunk: UnsafeRawBufferPointer) throws {
                bytes.append(contentsOf: chunk)
                largestWrite = max(largestWrite, chunk.count)
            }
        }
        func build(_ file: PDFFileWriter) throws -> [UInt8] {
            let catalog = file.allocate(), pages = file.allocate()
            for index in 0..<700 {
                // Sizes that are not multiples of 8, incompressible enough to grow the file.
                let data = (0..<(4_001 + index % 13)).map { UInt8(truncatingIfNeeded: ($0 &* 2_654_435_761 &+ index) >> 7) }
                file.writeStream(file.allocate(), data: data, compress: false)
                file.write(file.allocate(), .dictionary(["Index": .integer(index)]))
            }
            file.write(pages, .dictionary(["Type": PDFName("Pages").object, "Kids": .array([]), "Count": 0]))
            file.write(catalog, .dictionary(["Type": PDFName("Catalog").object, "Pages": pages.object]))
            return try file.finish(root: catalog, info: nil)
        }
        let inMemory = try build(PDFFileWriter())
        let stream = Collected()
        let returned = try build(PDFFileWriter(stream: stream))
        #expect(returned.isEmpty)
        #expect(inMemory.count > 2_500_000)
        #expect(stream.bytes == inMemory)
        #expect(stream.largestWrite < 1_100_000, "the writer hands over its window, not the file")
    }

    @Test func crossReferenceStreamCoversEveryObject() throws {
        let file = PDFFileWriter()
        let catalog = file.allocate(), pages = file.allocate()
        file.write(pages, .dictionary(["Type": PDFName("Pages").object, "Kids": .array([]), "Count": 0]))
        file.write(catalog, .dictionary(["Type": PDFName("Catalog").object, "Pages": pages.object]))
        let bytes = try file.finish(root: catalog, info: nil)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.hasPrefix("%PDF-1.7\n%"))
        #expect(bytes[10] > 127, "the binary comment marks the file as binary")
        #expect(text.hasSuffix("%%EOF\n"))
        #expect(text.contains("/Type/ObjStm"))
        #expect(text.contains("/Type/XRef"))
        let startxref = text.range(of: "startxref\n")!
        let offset = Int(text[startxref.upperBound...].prefix { $0.isNumber })!
        #expect(bytes[offset...].starts(with: Array("4 0 obj".utf8)), "startxref points at the xref stream")
    }

    @Test func glyphArraysMergeCodesIntoLiteralStrings() {
        var content = ContentStream()
        content.showGlyphs([.code(1), .code(0x2A), .adjust(-250), .code(3)])
        #expect(content.bytes == Array("[(".utf8) + [0, 1, 0, 0x2A] + Array(")-250(".utf8) + [0, 3] + Array(")]TJ\n".utf8))
    }

    @Test func literalGlyphStringsEscapeWhatAReaderWouldReadOtherwise() {
        // Parentheses and backslash would end or escape the string; CR and LF would both be read
        // as one LF (§7.3.4.2). Every other byte stands for itself. (Every document with more
        // than 40 codes has such bytes, so the end-to-end text round trips read them back too.)
        var content = ContentStream()
        content.showGlyphs([.code(0x2829), .code(0x5C0D), .code(0x0A00), .code(0xFF20)])
        #expect(content.bytes == Array("[(\\(\\)\\\\\\r\\n".utf8) + [0, 0xFF, 0x20] + Array(")]TJ\n".utf8))
    }
}
