// A small indented XML writer for the e-invoice: elements open and close in the order written
// (the caller follows the schema's sequence), text and attribute values are escaped, and
// characters XML 1.0 cannot carry are dropped.

struct XMLText {
    private(set) var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    private var open: [String] = []

    var utf8: [UInt8] { Array(text.utf8) }

    /// `<name attributes>` … `</name>` around what `content` writes.
    mutating func element(_ name: String, _ attributes: KeyValuePairs<String, String> = [:],
                          _ content: (inout XMLText) throws -> Void) rethrows {
        indent()
        let start = "<" + name + Self.attributes(attributes)
        text += start + ">\n"
        let mark = text.endIndex
        open.append(name)
        try content(&self)
        open.removeLast()
        if text.endIndex == mark {
            // Nothing inside: `<name/>`, since whitespace is content an empty-typed element refuses.
            text.removeLast(2)
            text += "/>\n"
            return
        }
        indent()
        text += "</" + name + ">\n"
    }

    /// `<name attributes>value</name>` on one line.
    mutating func element(_ name: String, _ attributes: KeyValuePairs<String, String> = [:], value: String) {
        indent()
        text += "<" + name + Self.attributes(attributes) + ">" + Self.escaped(value) + "</" + name + ">\n"
    }

    private mutating func indent() { text += String(repeating: "  ", count: open.count) }

    private static func attributes(_ attributes: KeyValuePairs<String, String>) -> String {
        attributes.map { " " + $0.key + "=\"" + escaped($0.value) + "\"" }.joined()
    }

    /// Escapes & < > " ' and drops what XML 1.0 §2.2 does not allow (C0 controls but tab, LF, CR;
    /// U+FFFE, U+FFFF); surrogates cannot occur in a Swift String.
    static func escaped(_ value: String) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(value.unicodeScalars.count)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF: continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
