// Checks the table directory of an sfnt (TrueType / OpenType) or 'ttcf' collection before any
// library reads it, so a truncated or foreign file is an error, not a face with no glyphs.

enum SFNTValidator {
    /// Returns the number of faces in the file.
    static func validate(_ bytes: [UInt8], source: String) throws(FontError) -> Int {
        guard !bytes.isEmpty else { throw .empty(source: source) }
        guard bytes.count >= 12 else { throw .truncated(source: source, detail: "only \(bytes.count) bytes") }
        let signature = u32(bytes, 0)
        if signature == 0x7474_6366 { // 'ttcf'
            let count = Int(u32(bytes, 8))
            guard count > 0, count < 10_000, bytes.count >= 12 + 4 * count else {
                throw .truncated(source: source, detail: "the collection header lists \(count) faces")
            }
            for index in 0..<count {
                try validateFace(bytes, offset: Int(u32(bytes, 12 + 4 * index)), source: source)
            }
            return count
        }
        try validateFace(bytes, offset: 0, source: source)
        return 1
    }

    private static func validateFace(_ bytes: [UInt8], offset: Int, source: String) throws(FontError) {
        guard offset + 12 <= bytes.count else { throw .truncated(source: source, detail: "a face starts past the end of the file") }
        let version = u32(bytes, offset)
        guard version == 0x0001_0000 || version == 0x4F54_544F /* OTTO */ || version == 0x7472_7565 /* true */ else {
            throw .notAFont(source: source)
        }
        let tables = Int(u16(bytes, offset + 4))
        guard tables > 0, offset + 12 + 16 * tables <= bytes.count else {
            throw .truncated(source: source, detail: "the table directory is incomplete")
        }
        var required: Set<String> = ["cmap", "head", "hhea", "hmtx", "maxp"]
        for index in 0..<tables {
            let record = offset + 12 + 16 * index
            let tag = String(decoding: bytes[record..<record + 4], as: UTF8.self)
            let start = Int(u32(bytes, record + 8)), length = Int(u32(bytes, record + 12))
            guard start + length <= bytes.count else {
                throw .truncated(source: source,
                                 detail: "table '\(tag)' ends at byte \(start + length) but the file has \(bytes.count) bytes")
            }
            required.remove(tag)
        }
        if let missing = required.sorted().first {
            throw .corrupt(source: source, detail: "the required table '\(missing)' is missing")
        }
    }

    private static func u32(_ b: [UInt8], _ i: Int) -> UInt32 {
        UInt32(b[i]) << 24 | UInt32(b[i + 1]) << 16 | UInt32(b[i + 2]) << 8 | UInt32(b[i + 3])
    }
    private static func u16(_ b: [UInt8], _ i: Int) -> UInt16 { UInt16(b[i]) << 8 | UInt16(b[i + 1]) }
}
