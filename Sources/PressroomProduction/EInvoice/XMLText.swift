// A small indented XML writer for the e-invoice: elements open and close in the order written
// (the caller follows the schema's sequence), text and attribute values are escaped, and
// characters XML 1.0 cannot carry are dropped.
import PressroomMarkup

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

    /// Element content and attribute values, by the one escaper (characters XML 1.0 cannot carry
    /// are dropped).
    static func escaped(_ value: String) -> String { XMLEscaping.attribute(value) }
}
