// The ToUnicode CMap of an embedded font (ISO 32000-1 §9.10.3, Adobe TN 5411): maps each 2-byte
// code back to the characters it stands for, ligatures to all of theirs, so text can be copied
// and searched.

enum ToUnicodeCMap {
    /// `texts[code]` is the text of each code; empty strings (codes with no text of their own) are left out.
    static func make<Text: Collection>(texts: [Text]) -> [UInt8] where Text.Element == UInt16 {
        var out = ByteBuffer(capacity: 64 + texts.count * 20)
        out.append("""
        /CIDInit /ProcSet findresource begin
        12 dict begin
        begincmap
        /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
        /CMapName /Adobe-Identity-UCS def
        /CMapType 2 def
        1 begincodespacerange
        <0000> <FFFF>
        endcodespacerange

        """)
        let mapped = texts.indices.filter { !texts[$0].isEmpty }
        // TN 5411: at most 100 entries in one bfchar block.
        var start = 0
        while start < mapped.count {
            let block = mapped[start..<min(start + 100, mapped.count)]
            out.append(integer: block.count)
            out.append(" beginbfchar\n")
            for code in block {
                out.append(UInt8(ascii: "<")); out.appendHex16(UInt16(code)); out.append("> <")
                for unit in texts[code] { out.appendHex16(unit) }
                out.append(">\n")
            }
            out.append("endbfchar\n")
            start += 100
        }
        out.append("""
        endcmap
        CMapName currentdict /CMap defineresource pop
        end
        end
        """)
        return out.bytes
    }
}
