// The two subsetters agree: for every bundled TrueType face, the outlines TrueTypeSubsetter copies
// read back through FreeType point for point as hb-subset's do, with the same glyph numbers and
// advances; faces and outlines it cannot keep go to hb-subset.
import CFreeType
import Foundation
import PressroomText
import Testing
@testable import PressroomPDF

@Suite struct FontSubsetterTests {
    /// Text in the scripts the bundled faces cover: accents that are composite glyphs, Cyrillic,
    /// Arabic and Hebrew.
    private static let sample = "Grüße, Žluťoučký kůň úpěl ďábelské ódy. Ваш рахунок № 1 234,56 € — fiﬂ (ø) [æ] {Å} "
        + "فاتورة رقم ١٢٣ חשבונית מס׳ 45"

    @Test func copiedOutlinesReadBackAsHarfBuzzSubsetsDo() throws {
        let faces = registry.allFaces + (try FontFace.load(bytes: fixtureBytes("fonts", "NotoSans-RegularBold-Latin.ttc"), source: "ttc"))
        let trueType = faces.filter { !$0.hasCFFOutlines }
        #expect(trueType.count >= 12)
        for face in trueType {
            let copier = try #require(TrueTypeSubsetter(face: face.hbFaceForSubsetting), "\(face.source) is plain TrueType")
            let subsetter = try FontSubsetter(face: face)
            // The sample's glyphs, then every 37th glyph of the face, composites among them.
            var glyphs = Set(Self.sample.unicodeScalars.compactMap { face.glyph(for: $0) })
            glyphs.formUnion(stride(from: 1, to: face.glyphCount, by: 37).map(UInt32.init))
            let sorted = glyphs.sorted()
            let copied = try #require(copier.subset(glyphs: sorted), "\(face.source)")
            let reference = try subsetter.harfBuzzSubset(glyphs: sorted)
            for glyph in [0] + sorted {
                #expect(copied.newGlyphID[glyph] == reference.newGlyphID[glyph], "\(face.source) glyph \(glyph)")
            }
            let ours = try OutlineReader(copied.program), theirs = try OutlineReader(reference.program)
            #expect(ours.glyphCount == theirs.glyphCount, "\(face.source): glyphs with components")
            for glyph in sorted {
                let new = copied.newGlyphID[glyph]!
                let outline = ours.outline(new)
                #expect(outline == theirs.outline(new), "\(face.source) glyph \(glyph)")
                #expect(outline.advance == face.advance(of: glyph), "\(face.source) glyph \(glyph)")
            }
            #expect(copied.program.count < reference.program.count + 64, "\(face.source): no larger than hb-subset's")
        }
    }

    /// Past 128 KiB of outlines 'loca' needs 32-bit offsets (head.indexToLocFormat 1).
    @Test func aSubsetPastTheShortOffsetLimitUsesLongOffsets() throws {
        let face = try #require(registry.face(family: "Noto Sans"))
        let glyphs = (1..<UInt32(face.glyphCount)).map { $0 }
        let copied = try #require(TrueTypeSubsetter(face: face.hbFaceForSubsetting)?.subset(glyphs: glyphs))
        let reference = try FontSubsetter(face: face).harfBuzzSubset(glyphs: glyphs)
        let head = try #require(Self.tableRecord("head", in: copied.program)).offset(in: copied.program)
        #expect(copied.program[head + 51] == 1, "long 'loca' offsets")
        let ours = try OutlineReader(copied.program), theirs = try OutlineReader(reference.program)
        #expect(ours.glyphCount == face.glyphCount && theirs.glyphCount == face.glyphCount)
        for glyph in glyphs where glyph % 7 == 0 || glyph > UInt32(face.glyphCount) - 50 {
            #expect(ours.outline(glyph) == theirs.outline(glyph), "glyph \(glyph)")
        }
    }

    @Test func theWholeFontChecksumsToTheMagicNumber() throws {
        let face = try #require(registry.face(family: "Noto Sans"))
        let subset = try #require(TrueTypeSubsetter(face: face.hbFaceForSubsetting)?.subset(glyphs: [36, 68, 1021]))
        var sum: UInt32 = 0
        for index in stride(from: 0, to: subset.program.count, by: 4) {
            for byte in 0..<4 { sum &+= UInt32(index + byte < subset.program.count ? subset.program[index + byte] : 0) << (24 - 8 * UInt32(byte)) }
        }
        #expect(sum == 0xB1B0_AFBA, "OpenType 'head': checkSumAdjustment makes the file sum to 0xB1B0AFBA")
    }

    @Test func facesWithTablesItDoesNotKnowGoToHarfBuzz() throws {
        var bytes = try fontBytes("NotoSans/NotoSans-Regular.ttf")
        let directory = try #require(Self.tableRecord("DSIG", in: bytes))
        bytes[directory + 3] = UInt8(ascii: "H") // "DSIH": unknown, and still in tag order
        let face = try #require(try FontFace.load(bytes: bytes, source: "renamed").first)
        #expect(TrueTypeSubsetter(face: face.hbFaceForSubsetting) == nil)
        let subset = try FontSubsetter(face: face).subset(glyphs: [36, 68])
        #expect(subset.newGlyphID == [0: 0, 36: 1, 68: 2])
    }

    @Test func anOutlineRunningPastItsEndGoesToHarfBuzz() throws {
        var bytes = try fontBytes("NotoSans/NotoSans-Regular.ttf")
        // Glyph 36 ('A') claims more instructions than its record holds.
        let face = try #require(try FontFace.load(bytes: bytes, source: "intact").first)
        let glyph: UInt32 = 36
        let glyf = try #require(Self.tableRecord("glyf", in: bytes)).offset(in: bytes)
        let loca = try #require(Self.tableRecord("loca", in: bytes)).offset(in: bytes)
        let long = bytes[try #require(Self.tableRecord("head", in: bytes)).offset(in: bytes) + 51] == 1
        let start = glyf + (long ? Int(bytes.u32(loca + 4 * Int(glyph))) : Int(bytes.u16(loca + 2 * Int(glyph))) * 2)
        let contours = Int(bytes.u16(start))
        let instructions = start + 10 + 2 * contours
        bytes[instructions] = 0x7F
        let broken = try #require(try FontFace.load(bytes: bytes, source: "broken").first)
        let copier = try #require(TrueTypeSubsetter(face: broken.hbFaceForSubsetting))
        #expect(copier.subset(glyphs: [glyph]) == nil)
        #expect(TrueTypeSubsetter(face: face.hbFaceForSubsetting)?.subset(glyphs: [glyph]) != nil)
        #expect(try FontSubsetter(face: broken).subset(glyphs: [glyph]).newGlyphID[glyph] == 1, "hb-subset takes it")
    }

    private func fontBytes(_ path: String) throws -> [UInt8] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return [UInt8](try Data(contentsOf: root.appendingPathComponent("Fonts").appendingPathComponent(path)))
    }

    /// Where the table directory's record for `tag` starts.
    private static func tableRecord(_ tag: String, in bytes: [UInt8]) -> Int? {
        let count = Int(bytes.u16(4))
        return (0..<count).map { 12 + 16 * $0 }.first { Array(bytes[$0..<($0 + 4)]) == Array(tag.utf8) }
    }
}

private extension Int {
    /// The table's offset, read from its directory record at `self`.
    func offset(in bytes: [UInt8]) -> Int { Int(bytes.u32(self + 8)) }
}

private extension Array where Element == UInt8 {
    func u16(_ at: Int) -> UInt16 { UInt16(self[at]) << 8 | UInt16(self[at + 1]) }
    func u32(_ at: Int) -> UInt32 { UInt32(u16(at)) << 16 | UInt32(u16(at + 2)) }
}

/// A subset font program opened with FreeType, which reads it as a PDF reader does.
private final class OutlineReader {
    struct Outline: Equatable {
        var points: [FT_Pos] = []
        var tags: [UInt8] = []
        var contourEnds: [Int16] = []
        var advance = 0
    }

    private var library: FT_Library?
    private var face: FT_Face?
    private let bytes: UnsafeMutableBufferPointer<FT_Byte>

    init(_ program: [UInt8]) throws {
        bytes = .allocate(capacity: program.count)
        _ = bytes.initialize(from: program)
        guard FT_Init_FreeType(&library) == 0,
              FT_New_Memory_Face(library, bytes.baseAddress, FT_Long(program.count), 0, &face) == 0 else {
            throw FontEmbeddingError.subsetFailed("FreeType could not open the subset")
        }
    }

    deinit {
        if let face { FT_Done_Face(face) }
        if let library { FT_Done_FreeType(library) }
        bytes.deallocate()
    }

    var glyphCount: Int { Int(face!.pointee.num_glyphs) }

    func outline(_ glyph: UInt32) -> Outline {
        guard FT_Load_Glyph(face, glyph, FT_Int32(FT_LOAD_NO_SCALE | FT_LOAD_NO_HINTING)) == 0,
              let slot = face!.pointee.glyph else { return Outline(advance: -1) }
        let outline = slot.pointee.outline
        var result = Outline(advance: Int(slot.pointee.metrics.horiAdvance))
        for index in 0..<Int(outline.n_points) {
            result.points += [outline.points[index].x, outline.points[index].y]
            result.tags.append(UInt8(bitPattern: outline.tags[index]) & 0x03)
        }
        result.contourEnds = (0..<Int(outline.n_contours)).map { Int16(outline.contours[$0]) }
        return result
    }
}
