// A small indented XML writer for the e-invoice: elements open and close in the order written
// (the caller follows the schema's sequence), text and attribute values are escaped, and
// characters XML 1.0 cannot carry are dropped. It appends to one byte buffer.
import PressroomMarkup

struct XMLText {
    private(set) var utf8: [UInt8] = Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n".utf8)
    private var open: [String] = []

    /// `<name attributes>` … `</name>` around what `content` writes.
    mutating func element(_ name: String, _ attributes: KeyValuePairs<String, String> = [:],
                          _ content: (inout XMLText) throws -> Void) rethrows {
        indent()
        start(name, attributes)
        utf8 += [UInt8(ascii: ">"), 0x0A]
        let mark = utf8.count
        open.append(name)
        try content(&self)
        open.removeLast()
        if utf8.count == mark {
            // Nothing inside: `<name/>`, since whitespace is content an empty-typed element refuses.
            utf8.removeLast(2)
            utf8 += [UInt8(ascii: "/"), UInt8(ascii: ">"), 0x0A]
            return
        }
        indent()
        end(name)
    }

    /// `<name attributes>value</name>` on one line.
    mutating func element(_ name: String, _ attributes: KeyValuePairs<String, String> = [:], value: String) {
        indent()
        start(name, attributes)
        utf8.append(UInt8(ascii: ">"))
        XMLEscaping.appendAttributeValue(value, to: &utf8)
        end(name)
    }

    private mutating func start(_ name: String, _ attributes: KeyValuePairs<String, String>) {
        utf8.append(UInt8(ascii: "<"))
        utf8 += name.utf8
        for (key, value) in attributes {
            utf8.append(UInt8(ascii: " "))
            utf8 += key.utf8
            utf8 += [UInt8(ascii: "="), UInt8(ascii: "\"")]
            XMLEscaping.appendAttributeValue(value, to: &utf8)
            utf8.append(UInt8(ascii: "\""))
        }
    }

    private mutating func end(_ name: String) {
        utf8 += [UInt8(ascii: "<"), UInt8(ascii: "/")]
        utf8 += name.utf8
        utf8 += [UInt8(ascii: ">"), 0x0A]
    }

    private mutating func indent() {
        for _ in 0..<open.count { utf8 += [0x20, 0x20] }
    }
}
