// Cuts a TrueType-outlined face ('glyf' and 'loca') down to a document's glyphs by copying their
// outlines, as Typst's and krilla's `subsetter` does: the glyphs, their composite components,
// renumbered in order, without hinting, in the seven tables a PDF reader reads (OpenType 1.9:
// head, hhea, maxp, hmtx, loca, glyf, and gasp when the face has one). For the few dozen glyphs
// of an invoice it takes about 40 % of hb-subset's time, which builds a general plan for every
// table first, and each outline is read once per batch. Faces with anything it does not know how
// to keep (variations, colour, bitmaps, CFF) are left to hb-subset, and so is a face whose tables
// it finds malformed. Not thread-safe, like the PDFWriterCache that holds it.
import CHarfBuzz
import PressroomText

final class TrueTypeSubsetter {
    private let head: [UInt8]
    private let hhea: [UInt8]
    private let maxp: [UInt8]
    private let hmtx: [UInt8]
    private let glyf: [UInt8]
    private let gasp: [UInt8]?
    /// Where each glyph's outline starts in 'glyf', numGlyphs + 1 offsets.
    private let offsets: [Int]
    private let longMetrics: Int
    /// Each glyph's outline as every subset holds it, by glyph id: made the first time a document
    /// uses the glyph, so a batch parses each outline once.
    private var outlines: [Outline?]

    /// An outline without its instructions, and for a composite where its components' glyph ids
    /// are, which each subset renumbers.
    private struct Outline {
        var bytes: [UInt8]
        var components: [(offset: Int, glyph: UInt32)]
    }

    /// Tables whose contents a subset needs.
    private static let copied = ["head", "hhea", "maxp", "hmtx", "loca", "glyf", "gasp"]
    /// Tables a subset leaves out: what `FontSubsetter.droppedTables` names (shaping, names,
    /// character maps) and the hinting programs, which `HB_SUBSET_FLAGS_NO_HINTING` drops too.
    private static let left = FontSubsetter.droppedTables + ["cvt ", "fpgm", "prep"]
    private static let known = Set((copied + left).map(FontSubsetter.tag))

    /// nil when the face is not one this subsetter keeps whole: it has CFF outlines or a table
    /// outside the two lists above, or its head, hhea, maxp, hmtx or loca do not add up.
    init?(face: OpaquePointer) {
        var tags = [hb_tag_t](repeating: 0, count: 64)
        var count = UInt32(tags.count)
        let total = hb_face_get_table_tags(face, 0, &count, &tags)
        if Int(total) > tags.count {
            tags = [hb_tag_t](repeating: 0, count: Int(total))
            count = total
            _ = hb_face_get_table_tags(face, 0, &count, &tags)
        }
        guard tags.prefix(Int(total)).allSatisfy(Self.known.contains) else { return nil }

        func table(_ tag: String) -> [UInt8]? {
            guard let blob = hb_face_reference_table(face, FontSubsetter.tag(tag)) else { return nil }
            defer { hb_blob_destroy(blob) }
            var length: UInt32 = 0
            guard let data = hb_blob_get_data(blob, &length), length > 0 else { return nil }
            return Array(UnsafeRawBufferPointer(start: data, count: Int(length)))
        }
        guard let head = table("head"), head.count >= 54, let hhea = table("hhea"), hhea.count >= 36,
              let maxp = table("maxp"), maxp.count >= 32, let hmtx = table("hmtx"), let loca = table("loca"),
              let glyf = table("glyf") else { return nil }
        let glyphCount = Int(maxp.u16(at: 4))
        let longLoca = head.u16(at: 50) == 1
        let longMetrics = Int(hhea.u16(at: 34))
        guard head.u16(at: 0) == 1, maxp.u32(at: 0) == 0x0001_0000, glyphCount > 0, loca.count >= (glyphCount + 1) * (longLoca ? 4 : 2),
              longMetrics >= 1, longMetrics <= glyphCount, hmtx.count >= longMetrics * 4 + (glyphCount - longMetrics) * 2
        else { return nil }
        var offsets: [Int] = []
        offsets.reserveCapacity(glyphCount + 1)
        for index in 0...glyphCount {
            let offset = longLoca ? Int(loca.u32(at: index * 4)) : Int(loca.u16(at: index * 2)) * 2
            guard offset <= glyf.count, offset >= (offsets.last ?? 0) else { return nil }
            offsets.append(offset)
        }
        self.head = head
        self.hhea = hhea
        self.maxp = maxp
        self.hmtx = hmtx
        self.glyf = glyf
        self.gasp = table("gasp")
        self.offsets = offsets
        self.longMetrics = longMetrics
        outlines = Array(repeating: nil, count: glyphCount)
    }

    /// The subset for `glyphs` (and .notdef); nil when an outline is malformed, so that hb-subset
    /// decides what to do with it.
    func subset(glyphs: [UInt32]) -> FontSubset? {
        let glyphCount = offsets.count - 1
        // The glyphs and, through composites, every glyph they are built from.
        var kept: Set<UInt32> = [0]
        var pending: [UInt32] = []
        pending.reserveCapacity(glyphs.count)
        for glyph in glyphs where kept.insert(glyph).inserted { pending.append(glyph) }
        var outlineBytes = 0
        while let glyph = pending.popLast() {
            guard Int(glyph) < glyphCount, let outline = outline(of: glyph) else { return nil }
            outlineBytes += outline.bytes.count + 1
            for component in outline.components where kept.insert(component.glyph).inserted { pending.append(component.glyph) }
        }
        let order = kept.sorted()
        var newGlyphID: [UInt32: UInt32] = [:]
        newGlyphID.reserveCapacity(order.count)
        for (new, old) in order.enumerated() { newGlyphID[old] = UInt32(new) }

        var program: [UInt8] = []
        program.reserveCapacity(outlineBytes)
        var starts: [Int] = [0]
        starts.reserveCapacity(order.count + 1)
        var metrics: [(advance: UInt16, leftBearing: UInt16)] = []
        metrics.reserveCapacity(order.count)
        for old in order {
            // .notdef keeps its advance but not its outline, as in hb-subset: a PDF never shows it
            // (PDF/A-2 6.2.11.8).
            if old != 0, let outline = outlines[Int(old)] {
                let base = program.count
                program.append(contentsOf: outline.bytes)
                for component in outline.components {
                    guard let new = newGlyphID[component.glyph] else { return nil }
                    program.replace(at: base + component.offset, be16: UInt16(new))
                }
                if program.count % 2 == 1 { program.append(0) }
            }
            starts.append(program.count)
            metrics.append(metric(of: Int(old)))
        }
        return FontSubset(program: font(outlines: program, starts: starts, metrics: metrics), newGlyphID: newGlyphID)
    }

    // MARK: Outlines ('glyf', OpenType 1.9)

    private static let argumentsAreWords: UInt16 = 0x0001
    private static let hasScale: UInt16 = 0x0008
    private static let moreComponents: UInt16 = 0x0020
    private static let hasXYScale: UInt16 = 0x0040
    private static let hasTwoByTwo: UInt16 = 0x0080
    private static let hasInstructions: UInt16 = 0x0100

    /// A glyph's outline from the cache, or made from 'glyf' and kept; nil when it runs past its end.
    private func outline(of glyph: UInt32) -> Outline? {
        if let known = outlines[Int(glyph)] { return known }
        guard let made = strippedOutline(start: offsets[Int(glyph)], end: offsets[Int(glyph) + 1]) else { return nil }
        outlines[Int(glyph)] = made
        return made
    }

    private static func componentArgumentLength(_ flags: UInt16) -> Int {
        var length = flags & argumentsAreWords != 0 ? 4 : 2
        if flags & hasScale != 0 { length += 2 } else if flags & hasXYScale != 0 { length += 4 } else if flags & hasTwoByTwo != 0 { length += 8 }
        return length
    }

    /// The outline at `start..<end` of 'glyf' without its instructions (OpenType 1.9 'glyf': a
    /// simple glyph's instruction length set to 0, a composite's WE_HAVE_INSTRUCTIONS cleared and
    /// its trailing instructions left out); nil when it runs past its end.
    private func strippedOutline(start: Int, end: Int) -> Outline? {
        guard end > start else { return Outline(bytes: [], components: []) }
        guard end - start >= 10 else { return nil }
        let contours = Int16(bitPattern: glyf.u16(at: start))
        var bytes: [UInt8] = []
        bytes.reserveCapacity(end - start)
        if contours >= 0 {
            // Header, contour ends, then instructions (dropped: length 0), flags and coordinates.
            let endPoints = start + 10
            let instructionLength = endPoints + 2 * Int(contours)
            guard instructionLength + 2 <= end else { return nil }
            let points = contours == 0 ? 0 : Int(glyf.u16(at: instructionLength - 2)) + 1
            let flagsStart = instructionLength + 2 + Int(glyf.u16(at: instructionLength))
            guard let length = Self.pointDataLength(glyf, from: flagsStart, points: points, end: end) else { return nil }
            bytes.append(contentsOf: glyf[start..<instructionLength])
            bytes.append(0); bytes.append(0)
            bytes.append(contentsOf: glyf[flagsStart..<(flagsStart + length)])
            return Outline(bytes: bytes, components: [])
        }
        bytes.append(contentsOf: glyf[start..<(start + 10)])
        var components: [(offset: Int, glyph: UInt32)] = []
        var position = start + 10
        while true {
            guard position + 4 <= end else { return nil }
            let flags = glyf.u16(at: position)
            let argumentEnd = position + 4 + Self.componentArgumentLength(flags)
            guard argumentEnd <= end else { return nil }
            bytes.append(be16: flags & ~Self.hasInstructions)
            components.append((bytes.count, UInt32(glyf.u16(at: position + 2))))
            bytes.append(contentsOf: glyf[(position + 2)..<argumentEnd])
            position = argumentEnd
            if flags & Self.moreComponents == 0 { return Outline(bytes: bytes, components: components) }
        }
    }

    /// How many bytes a simple glyph's flags and coordinates take, from its flags; nil when they
    /// run past `end`.
    private static func pointDataLength(_ glyf: [UInt8], from start: Int, points: Int, end: Int) -> Int? {
        let onePointX: UInt8 = 0x02, onePointY: UInt8 = 0x04, repeats: UInt8 = 0x08
        let sameX: UInt8 = 0x10, sameY: UInt8 = 0x20
        var position = start, seen = 0, coordinateBytes = 0
        while seen < points {
            guard position < end else { return nil }
            let flags = glyf[position]
            position += 1
            var count = 1
            if flags & repeats != 0 {
                guard position < end else { return nil }
                count += Int(glyf[position])
                position += 1
            }
            let x = flags & onePointX != 0 ? 1 : (flags & sameX != 0 ? 0 : 2)
            let y = flags & onePointY != 0 ? 1 : (flags & sameY != 0 ? 0 : 2)
            coordinateBytes += count * (x + y)
            seen += count
        }
        guard seen == points, position + coordinateBytes <= end else { return nil }
        return position + coordinateBytes - start
    }

    // MARK: Metrics ('hmtx')

    private func metric(of glyph: Int) -> (advance: UInt16, leftBearing: UInt16) {
        if glyph < longMetrics { return (hmtx.u16(at: glyph * 4), hmtx.u16(at: glyph * 4 + 2)) }
        return (hmtx.u16(at: (longMetrics - 1) * 4), hmtx.u16(at: longMetrics * 4 + (glyph - longMetrics) * 2))
    }

    // MARK: The font file

    private func font(outlines: [UInt8], starts: [Int], metrics: [(advance: UInt16, leftBearing: UInt16)]) -> [UInt8] {
        let glyphCount = metrics.count
        let shortLoca = outlines.count <= 0x1FFFE
        var loca: [UInt8] = []
        loca.reserveCapacity(starts.count * (shortLoca ? 2 : 4))
        for start in starts {
            if shortLoca { loca.append(be16: UInt16(start / 2)) } else { loca.append(be32: UInt32(start)) }
        }
        // Trailing glyphs as wide as the last long metric keep only their side bearing.
        var longCount = glyphCount
        while longCount > 1 && metrics[longCount - 2].advance == metrics[longCount - 1].advance { longCount -= 1 }
        var hmtx: [UInt8] = []
        hmtx.reserveCapacity(longCount * 4 + (glyphCount - longCount) * 2)
        var widest: UInt16 = 0
        for (index, metric) in metrics.enumerated() {
            if index < longCount { hmtx.append(be16: metric.advance) }
            hmtx.append(be16: metric.leftBearing)
            widest = max(widest, metric.advance)
        }
        var head = head
        head.replace(at: 8, be32: 0)
        head.replace(at: 50, be16: shortLoca ? 0 : 1)
        var hhea = hhea
        hhea.replace(at: 10, be16: widest)
        hhea.replace(at: 34, be16: UInt16(longCount))
        var maxp = maxp
        maxp.replace(at: 4, be16: UInt16(glyphCount))
        // No hinting programs are kept, so none of their storage is needed (maxZones 1).
        maxp.replace(at: 14, be16: 1)
        for offset in stride(from: 16, through: 26, by: 2) { maxp.replace(at: offset, be16: 0) }

        var tables: [(tag: String, data: [UInt8])] = [("glyf", outlines), ("head", head), ("hhea", hhea),
                                                       ("hmtx", hmtx), ("loca", loca), ("maxp", maxp)]
        if let gasp { tables.insert(("gasp", gasp), at: 0) }
        return Self.sfnt(tables)
    }

    /// An OpenType file of `tables` (sorted by tag), each padded to four bytes with its checksum,
    /// and head's checkSumAdjustment set for the whole file.
    private static func sfnt(_ tables: [(tag: String, data: [UInt8])]) -> [UInt8] {
        let count = tables.count
        var power = 1, log = 0
        while power * 2 <= count { power *= 2; log += 1 }
        var file: [UInt8] = []
        file.reserveCapacity(12 + 16 * count + tables.reduce(0) { $0 + ($1.data.count + 3) & ~3 })
        file.append(be32: 0x0001_0000)
        file.append(be16: UInt16(count))
        file.append(be16: UInt16(power * 16))
        file.append(be16: UInt16(log))
        file.append(be16: UInt16(count * 16 - power * 16))
        var offset = 12 + 16 * count
        var headOffset = 0
        var tableSums: UInt32 = 0
        for table in tables {
            let sum = checksum(table.data)
            tableSums &+= sum
            file.append(contentsOf: table.tag.utf8)
            file.append(be32: sum)
            file.append(be32: UInt32(offset))
            file.append(be32: UInt32(table.data.count))
            if table.tag == "head" { headOffset = offset }
            offset += (table.data.count + 3) & ~3
        }
        // Tables start on four bytes and are padded with zeros, so the file's sum is the
        // directory's plus the tables'.
        let fileSum = checksum(file) &+ tableSums
        for table in tables {
            file.append(contentsOf: table.data)
            while file.count % 4 != 0 { file.append(0) }
        }
        file.replace(at: headOffset + 8, be32: 0xB1B0_AFBA &- fileSum)
        return file
    }

    /// The sum of a table's big-endian 32-bit words, the last one padded with zeros.
    private static func checksum(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBytes { raw in
            var sum: UInt32 = 0
            var index = 0
            while index + 4 <= raw.count {
                sum &+= UInt32(bigEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt32.self))
                index += 4
            }
            var shift: UInt32 = 24
            while index < raw.count { sum &+= UInt32(raw[index]) << shift; shift &-= 8; index += 1 }
            return sum
        }
    }
}

private extension Array where Element == UInt8 {
    func u16(at offset: Int) -> UInt16 { UInt16(self[offset]) << 8 | UInt16(self[offset + 1]) }
    func u32(at offset: Int) -> UInt32 { UInt32(u16(at: offset)) << 16 | UInt32(u16(at: offset + 2)) }
    mutating func append(be16 value: UInt16) { append(UInt8(value >> 8)); append(UInt8(value & 0xFF)) }
    mutating func append(be32 value: UInt32) { append(be16: UInt16(value >> 16)); append(be16: UInt16(value & 0xFFFF)) }
    mutating func replace(at offset: Int, be16 value: UInt16) { self[offset] = UInt8(value >> 8); self[offset + 1] = UInt8(value & 0xFF) }
    mutating func replace(at offset: Int, be32 value: UInt32) { replace(at: offset, be16: UInt16(value >> 16)); replace(at: offset + 2, be16: UInt16(value & 0xFFFF)) }
}
