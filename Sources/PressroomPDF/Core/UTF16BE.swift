// Text as PDF's Unicode text strings carry it (ISO 32000-1 §7.9.2.2): UTF-16 big-endian behind
// the byte-order mark FE FF. Every text string the writer makes that is not plain ASCII (titles,
// bookmarks, ActualText) is encoded here.

enum UTF16BE {
    /// The units as bytes, with the byte-order mark first.
    static func text<Units: Sequence<UInt16>>(_ units: Units) -> [UInt8] {
        var bytes: [UInt8] = [0xFE, 0xFF]
        bytes.reserveCapacity(2 + units.underestimatedCount * 2)
        for unit in units {
            bytes.append(UInt8(unit >> 8))
            bytes.append(UInt8(unit & 0xFF))
        }
        return bytes
    }
}
