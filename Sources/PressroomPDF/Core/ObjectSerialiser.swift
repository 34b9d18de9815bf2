// Writes PDF objects in PDF syntax (ISO 32000-1 §7.3), escaping names and strings.

extension ByteBuffer {
    public mutating func append(object: PDFObject) {
        switch object {
        case .null: append("null")
        case .bool(let value): append(value ? "true" : "false")
        case .integer(let value): append(integer: value)
        case .real(let value): append(real: value)
        case .name(let name): append(name: name)
        case .string(let bytes): append(literalString: bytes)
        case .hexString(let bytes):
            append(UInt8(ascii: "<")); appendHex(bytes); append(UInt8(ascii: ">"))
        case .array(let items):
            append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { append(UInt8(ascii: " ")) }
                append(object: item)
            }
            append(UInt8(ascii: "]"))
        case .dictionary(let dictionary): append(dictionary: dictionary)
        case .reference(let reference):
            append(integer: reference.number); append(" 0 R")
        }
    }

    public mutating func append(dictionary: PDFDictionary) {
        append("<<")
        for (key, value) in dictionary.entries { append(key: key, value: value) }
        append(">>")
    }

    /// One dictionary entry: values that start with a delimiter follow their key directly (/S/P,
    /// /K[…], /A<<…>>), the others after a space.
    mutating func append(key: PDFName, value: PDFObject) {
        append(name: key)
        switch value {
        case .name, .string, .hexString, .array, .dictionary: break
        default: append(UInt8(ascii: " "))
        }
        append(object: value)
    }

    /// §7.3.5: bytes outside `!`…`~`, and the delimiters and `#`, are written as `#xx`.
    public mutating func append(name: PDFName) {
        append(UInt8(ascii: "/"))
        for byte in name.value.utf8 {
            if ByteBuffer.isRegularNameByte[Int(byte)] {
                append(byte)
            } else {
                append(UInt8(ascii: "#"))
                append(ByteBuffer.hexDigits[Int(byte >> 4)])
                append(ByteBuffer.hexDigits[Int(byte & 0xF)])
            }
        }
    }

    /// Bytes a name may hold as they are: printable ASCII but the delimiters and `#`.
    static let isRegularNameByte: [Bool] = (0...255).map { byte in
        byte > 0x20 && byte < 0x7F && !"()<>[]{}/%#".utf8.contains(UInt8(byte))
    }

    /// §7.3.4.2: parentheses and backslashes escaped, line ends escaped so readers keep them.
    public mutating func append(literalString bytes: [UInt8]) {
        append(UInt8(ascii: "("))
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "\\"):
                append(UInt8(ascii: "\\")); append(byte)
            case 0x0A: append("\\n")
            case 0x0D: append("\\r")
            default: append(byte)
            }
        }
        append(UInt8(ascii: ")"))
    }
}
