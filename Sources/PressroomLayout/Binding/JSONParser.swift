// A strict RFC 8259 JSON parser over UTF-8 bytes: exact decimals from the digits, validated
// UTF-8, \u escapes with surrogate pairs, a nesting limit, and errors that say line and column.
// Given the record's bytes as a `JSONSource`, a long list is checked whole but kept as offsets
// into those bytes (`DataList`), its elements parsed again when read.
import Foundation

/// What is wrong with a JSON text and where (1-based line and column, columns in characters).
struct JSONSyntaxError: Error, Equatable {
    var line: Int
    var column: Int
    var reason: String
    var position: String { "line \(line), column \(column)" }
}

/// A key given twice in one object: both places, 1-based.
struct JSONDuplicateKey: Equatable {
    var key: String
    var first: (line: Int, column: Int)
    var second: (line: Int, column: Int)

    static func == (a: JSONDuplicateKey, b: JSONDuplicateKey) -> Bool {
        a.key == b.key && a.first == b.first && a.second == b.second
    }
}

struct JSONParser {
    /// Deeper documents are refused rather than risking the stack; records nest a few levels.
    static let maximumDepth = 256
    /// Significant digits a `Decimal` holds exactly; a number with more is refused, not rounded.
    static let maximumDigits = 38

    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    private var depth = 0
    /// Where byte 0 stands in the file, for positions in records read from the middle of a file.
    private let firstLine: Int
    private let firstColumn: Int
    /// Keys given twice in one object, in the order met.
    private var duplicates: [JSONDuplicateKey] = []
    /// The last object's keys, by their count: the next object with the same keys shares them.
    private var recentKeys: [Int: [String]] = [:]
    private var lastObjectCount = 0
    /// The owner of `bytes`, when long lists may stay unparsed in it.
    private let source: JSONSource?

    private init(_ bytes: UnsafeBufferPointer<UInt8>, firstLine: Int, firstColumn: Int, source: JSONSource? = nil) {
        self.bytes = bytes
        self.firstLine = firstLine
        self.firstColumn = firstColumn
        self.source = source
    }

    /// Parses exactly one value with only white space (and a leading byte order mark) around it.
    static func parseDocument(_ bytes: UnsafeBufferPointer<UInt8>, firstLine: Int = 1,
                              firstColumn: Int = 1) -> Result<DataValue, JSONSyntaxError> {
        var duplicates: [JSONDuplicateKey] = []
        return parseDocument(bytes, firstLine: firstLine, firstColumn: firstColumn, duplicates: &duplicates)
    }

    /// The same, with the keys given twice in one object (the last one wins) in `duplicates`.
    /// `source`: the owner of `bytes`, in which long lists are left unparsed (`DataList`).
    static func parseDocument(_ bytes: UnsafeBufferPointer<UInt8>, firstLine: Int = 1, firstColumn: Int = 1,
                              source: JSONSource? = nil,
                              duplicates: inout [JSONDuplicateKey]) -> Result<DataValue, JSONSyntaxError> {
        var parser = JSONParser(bytes, firstLine: firstLine, firstColumn: firstColumn, source: source)
        defer { duplicates = parser.duplicates }
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { parser.index = 3 }
        do throws(JSONSyntaxError) {
            parser.skipWhitespace()
            let value = try parser.parseValue()
            parser.skipWhitespace()
            if parser.index < bytes.count { throw parser.error("unexpected text after the JSON value") }
            return .success(value)
        } catch {
            return .failure(error)
        }
    }

    /// The one value that starts at byte `offset` of `source`'s bytes (an element of a lazy list).
    static func parseValue(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int, source: JSONSource) -> Result<DataValue, JSONSyntaxError> {
        var parser = JSONParser(bytes, firstLine: 1, firstColumn: 1, source: source)
        parser.index = offset
        do throws(JSONSyntaxError) {
            return .success(try parser.parseValue())
        } catch {
            return .failure(error)
        }
    }

    // MARK: Values

    private mutating func parseValue() throws(JSONSyntaxError) -> DataValue {
        guard index < bytes.count else { throw error("unexpected end of input: expected a value") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        case UInt8(ascii: "t"): try expectWord("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectWord("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectWord("null"); return .null
        default: throw error("expected a value (an object, list, text in double quotes, number, true, false or null)")
        }
    }

    private mutating func parseObject() throws(JSONSyntaxError) -> DataValue {
        try enterNesting()
        index += 1
        // Sized as the object before (a list's rows are alike), not by doubling.
        var keys: [String] = [], values: [DataValue] = [], keyOffsets: [Int] = []
        keys.reserveCapacity(lastObjectCount)
        values.reserveCapacity(lastObjectCount)
        keyOffsets.reserveCapacity(lastObjectCount)
        skipWhitespace()
        if peek(UInt8(ascii: "}")) { index += 1; depth -= 1; return .object([:]) }
        while true {
            guard peek(UInt8(ascii: "\"")) else { throw error("expected a key in double quotes") }
            keyOffsets.append(index)
            let key = try parseString()
            skipWhitespace()
            guard peek(UInt8(ascii: ":")) else { throw error("expected ':' after the key \"\(key)\"") }
            index += 1
            skipWhitespace()
            keys.append(key)
            values.append(try parseValue())
            skipWhitespace()
            if peek(UInt8(ascii: ",")) { index += 1; skipWhitespace(); continue }
            if peek(UInt8(ascii: "}")) { index += 1; depth -= 1; break }
            throw error("expected ',' or '}'")
        }
        // RFC 8259 §4: names SHOULD be unique; like most readers, the last one wins (in the first
        // one's place), and each repeat is noted with both places.
        if Self.hasRepeats(keys) {
            var firstSeen: [String: Int] = [:]
            var uniqueKeys: [String] = [], uniqueValues: [DataValue] = []
            for (position, key) in keys.enumerated() {
                if let earlier = firstSeen[key] {
                    let a = error("", at: keyOffsets[earlier]), b = error("", at: keyOffsets[position])
                    duplicates.append(JSONDuplicateKey(key: key, first: (a.line, a.column), second: (b.line, b.column)))
                    uniqueValues[uniqueKeys.firstIndex(of: key)!] = values[position]
                } else {
                    firstSeen[key] = position
                    uniqueKeys.append(key)
                    uniqueValues.append(values[position])
                }
            }
            (keys, values) = (uniqueKeys, uniqueValues)
        }
        lastObjectCount = keys.count
        // The rows of a list have the same keys: they share the first row's array of them.
        if let recent = recentKeys[keys.count], recent == keys { keys = recent } else { recentKeys[keys.count] = keys }
        return .object(DataObject(keys: keys, values: values))
    }

    /// Whether a key is given twice: compared in pairs when there are few, hashed when many.
    private static func hasRepeats(_ keys: [String]) -> Bool {
        if keys.count > 12 { return Set(keys).count != keys.count }
        for first in keys.indices {
            for second in keys.indices where second > first && keys[first] == keys[second] { return true }
        }
        return false
    }

    private mutating func parseArray() throws(JSONSyntaxError) -> DataValue {
        try enterNesting()
        index += 1
        var elements: [DataValue] = []
        skipWhitespace()
        if peek(UInt8(ascii: "]")) { index += 1; depth -= 1; return .array([]) }
        // With a source, where each element starts; once the list is long, its elements are
        // still parsed (to check them) but only their offsets are kept.
        var offsets: [Int] = []
        var lazy = false
        while true {
            if source != nil { offsets.append(index) }
            let element = try parseValue()
            if !lazy {
                elements.append(element)
                if source != nil && elements.count >= DataList.lazyFrom { lazy = true; elements = [] }
            }
            skipWhitespace()
            if peek(UInt8(ascii: ",")) { index += 1; skipWhitespace(); continue }
            if peek(UInt8(ascii: "]")) { index += 1; depth -= 1; break }
            throw error("expected ',' or ']'")
        }
        if lazy, let source { return .array(DataList(source: source, offsets: offsets)) }
        return .array(DataList(elements))
    }

    private mutating func enterNesting() throws(JSONSyntaxError) {
        depth += 1
        if depth > Self.maximumDepth { throw error("nested deeper than \(Self.maximumDepth) levels") }
    }

    private mutating func expectWord(_ word: StaticString) throws(JSONSyntaxError) {
        let count = word.utf8CodeUnitCount
        let matches = index + count <= bytes.count
            && (0..<count).allSatisfy { bytes[index + $0] == word.utf8Start[$0] }
        guard matches else { throw error("expected a value (did you mean \(word)?)") }
        index += count
    }

    // MARK: Strings

    private mutating func parseString() throws(JSONSyntaxError) -> String {
        index += 1  // the opening quote
        let start = index
        // Fast path: no escapes, the bytes are the string.
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let string = try makeString(UnsafeBufferPointer(rebasing: bytes[start..<index]), at: start)
                index += 1
                return string
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw controlCharacterError(byte) }
            index += 1
        }
        var unescaped = Array(bytes[start..<index])
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return try unescaped.withUnsafeBufferPointer { (buffer) throws(JSONSyntaxError) in
                    try makeString(buffer, at: start)
                }
            case UInt8(ascii: "\\"):
                try appendEscape(to: &unescaped)
            case ..<0x20:
                throw controlCharacterError(byte)
            default:
                unescaped.append(byte)
                index += 1
            }
        }
        throw error("unexpected end of input: the text in double quotes is not closed")
    }

    private func makeString(_ utf8: UnsafeBufferPointer<UInt8>, at start: Int) throws(JSONSyntaxError) -> String {
        // Decoding repairs invalid UTF-8 with U+FFFD, so the result equals the input exactly when the
        // input was valid. (The generic String(validating:as:) is several times slower here.)
        let string = String(decoding: utf8, as: UTF8.self)
        if utf8.contains(where: { $0 >= 0x80 }), !string.utf8.elementsEqual(utf8) {
            throw error("the text is not valid UTF-8", at: start)
        }
        return string
    }

    private func controlCharacterError(_ byte: UInt8) -> JSONSyntaxError {
        let hex = String(byte, radix: 16, uppercase: true)
        return error("a control character (U+\(String(repeating: "0", count: 4 - hex.count) + hex)) in text: "
                     + "write it escaped, e.g. \\n for a line break")
    }

    private mutating func appendEscape(to out: inout [UInt8]) throws(JSONSyntaxError) {
        let escapeStart = index
        index += 1
        guard index < bytes.count else { throw error("unexpected end of input after '\\'") }
        let letter = bytes[index]
        index += 1
        switch letter {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(letter)
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "u"):
            let unit = try hexUnit(escapeStart)
            var scalar: Unicode.Scalar?
            switch unit {
            case 0xD800...0xDBFF:
                // RFC 8259 §7: a character outside the BMP is a UTF-16 surrogate pair, "\uD83D\uDE00".
                let second = index
                if index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") {
                    index += 2
                    let low = try hexUnit(second)
                    if (0xDC00...0xDFFF).contains(low) {
                        scalar = Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))
                    }
                }
            case 0xDC00...0xDFFF:
                scalar = nil
            default:
                scalar = Unicode.Scalar(unit)
            }
            guard let scalar else {
                throw error("an unpaired UTF-16 surrogate in a \\u escape: a character outside the BMP is written "
                            + "as a pair, e.g. \\uD83D\\uDE00", at: escapeStart)
            }
            out.append(contentsOf: String(Character(scalar)).utf8)
        default:
            throw error("unknown escape '\\\(Character(Unicode.Scalar(letter)))': use \\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX",
                        at: escapeStart)
        }
    }

    /// The four hex digits after "\u" (index is just past the "u").
    private mutating func hexUnit(_ escapeStart: Int) throws(JSONSyntaxError) -> UInt32 {
        var unit: UInt32 = 0
        for _ in 0..<4 {
            guard index < bytes.count, let digit = hexValue(bytes[index]) else {
                throw error("a \\u escape needs four hex digits", at: escapeStart)
            }
            unit = unit << 4 | digit
            index += 1
        }
        return unit
    }

    private func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    // MARK: Numbers

    private mutating func parseNumber() throws(JSONSyntaxError) -> Decimal {
        let start = index
        guard let scanned = DecimalText.scan(bytes, from: index, allowExponent: true) else {
            throw error("invalid number: write digits with an optional '-', '.' fraction and exponent, e.g. -1234.50")
        }
        index = scanned.end
        switch scanned.decimal() {
        case .success(let value): return value
        case .failure(let problem): throw error(problem.description, at: start)
        }
    }

    // MARK: Positions

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    private func peek(_ byte: UInt8) -> Bool { index < bytes.count && bytes[index] == byte }

    private func error(_ reason: String) -> JSONSyntaxError { error(reason, at: index) }

    /// Line and column of byte `offset`, counted only now that something went wrong.
    private func error(_ reason: String, at offset: Int) -> JSONSyntaxError {
        var line = firstLine
        var column = firstColumn
        for byte in bytes[..<min(offset, bytes.count)] {
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1  // count characters, not UTF-8 continuation bytes
            }
        }
        return JSONSyntaxError(line: line, column: column, reason: reason)
    }
}
