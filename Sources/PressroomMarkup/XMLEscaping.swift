// The one XML escaper of Pressroom (XMP metadata, SVG pages, the e-invoice XML, and HTML where
// those are inlined): markup characters become entities, and characters XML 1.0 §2.2 does not
// allow anywhere (C0 controls but tab, line feed and carriage return; U+FFFE, U+FFFF) are
// dropped, so whatever a record holds, the document stays well-formed.

public enum XMLEscaping {
    /// Whether XML 1.0 can carry the character at all (§2.2 Char). Surrogates cannot occur in a
    /// Swift string.
    @inline(__always) public static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: true
        case 0x00...0x1F, 0xFFFE, 0xFFFF: false
        default: true
        }
    }

    /// The text without the characters XML cannot carry: what a reader of the XML gets back.
    /// Where the same text is also written outside XML (a PDF's Info dictionary beside its XMP),
    /// both are written from this, so they stay equal.
    public static func cleaned(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { !isAllowed($0) }) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where isAllowed(scalar) { out.append(scalar) }
        return String(out)
    }

    /// Element content: `&`, `<`, `>` and `"` become entities; what XML cannot carry is dropped.
    public static func text(_ value: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(value.utf8.count)
        append(value, attribute: false, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The inside of a double-quoted attribute.
    public static func attribute(_ value: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(value.utf8.count)
        append(value, attribute: true, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `value` as the inside of a double-quoted attribute: as `text`, and tab, line feed
    /// and carriage return as character references, so attribute-value normalisation (XML 1.0
    /// §3.3.3) keeps them.
    public static func appendAttributeValue(_ value: String, to bytes: inout [UInt8]) {
        append(value, attribute: true, to: &bytes)
    }

    private static func append(_ value: String, attribute: Bool, to bytes: inout [UInt8]) {
        let utf8 = value.utf8
        // Fast path: most values (names, numbers, file names) need nothing.
        if !utf8.contains(where: needsWork) {
            bytes.append(contentsOf: utf8)
            return
        }
        for scalar in value.unicodeScalars {
            switch scalar.value {
            case 0x26: bytes.append(contentsOf: "&amp;".utf8)
            case 0x3C: bytes.append(contentsOf: "&lt;".utf8)
            case 0x3E: bytes.append(contentsOf: "&gt;".utf8)
            case 0x22: bytes.append(contentsOf: "&quot;".utf8)
            case 0x09 where attribute: bytes.append(contentsOf: "&#9;".utf8)
            case 0x0A where attribute: bytes.append(contentsOf: "&#10;".utf8)
            case 0x0D where attribute: bytes.append(contentsOf: "&#13;".utf8)
            case _ where !isAllowed(scalar): continue
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
