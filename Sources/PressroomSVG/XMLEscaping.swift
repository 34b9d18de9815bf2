// Attribute values made safe for XML 1.0 (and for HTML, where the SVG may be inlined): markup
// characters become entities, and characters XML cannot carry at all are replaced.

enum XMLEscaping {
    /// Appends `value` as the inside of a double-quoted attribute. `&`, `<`, `>` and `"` become
    /// entities; tab, line feed and carriage return become character references so attribute-value
    /// normalisation (XML 1.0 §3.3.3) keeps them; the other C0 controls and U+FFFE/U+FFFF, which
    /// XML 1.0 §2.2 does not allow anywhere, become U+FFFD.
    static func appendAttributeValue(_ value: String, to bytes: inout [UInt8]) {
        let utf8 = value.utf8
        // Fast path: most values (file names, kinds, numbers) need nothing.
        if !utf8.contains(where: needsWork) {
            bytes.append(contentsOf: utf8)
            return
        }
        var scalars = value.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            switch scalar.value {
            case 0x26: bytes.append(contentsOf: "&amp;".utf8)
            case 0x3C: bytes.append(contentsOf: "&lt;".utf8)
            case 0x3E: bytes.append(contentsOf: "&gt;".utf8)
            case 0x22: bytes.append(contentsOf: "&quot;".utf8)
            case 0x09: bytes.append(contentsOf: "&#9;".utf8)
            case 0x0A: bytes.append(contentsOf: "&#10;".utf8)
            case 0x0D: bytes.append(contentsOf: "&#13;".utf8)
            case 0x00...0x1F, 0xFFFE, 0xFFFF: bytes.append(contentsOf: "\u{FFFD}".utf8)
            default: UTF8.encode(scalar) { bytes.append($0) }
            }
        }
    }

    /// Whether a UTF-8 byte may start something to escape: markup, a control, or the lead byte
    /// 0xEF of U+FFFE/U+FFFF (checked exactly on the slow path).
    @inline(__always) private static func needsWork(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0xEF
    }
}
