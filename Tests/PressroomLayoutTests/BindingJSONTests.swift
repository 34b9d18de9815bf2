// JSON parsing: exact decimals, strings and escapes, positions in errors, the nesting limit.
import Foundation
import Testing
@testable import PressroomLayout

private func json(_ text: String) throws(LayoutError) -> DataValue { try DataValue.parseJSON(text.utf8) }

private func number(_ text: String) throws -> Decimal {
    guard case .number(let value) = try json(text) else { throw LayoutError(.data, "not a number: \(text)") }
    return value
}

@Test func numbersKeepEveryDigit() throws {
    #expect(try number("0.1") == Decimal(string: "0.1")!)
    #expect(try number("1234.50") == Decimal(string: "1234.5")!)
    #expect(try number("-0.005") == Decimal(string: "-0.005")!)
    // 2^53 + 1: a Double would make it ...992.
    #expect(try number("9007199254740993") == Decimal(string: "9007199254740993")!)
    #expect(DecimalText.plain(try number("9007199254740993")) == "9007199254740993")
    #expect(try number("12345678901234567890.123456789") == Decimal(string: "12345678901234567890.123456789")!)
    #expect(try number("1e3") == 1000)
    #expect(try number("25E-2") == Decimal(string: "0.25")!)
    #expect(try number("-0") == 0)
    #expect(try number("0.000") == 0)
    #expect(DecimalText.plain(try number("1234.50")) == "1234.5")  // Decimal drops trailing zeros
    #expect(DecimalText.plain(try number("-0.005")) == "-0.005")
    #expect(DecimalText.plain(try number("1e3")) == "1000")
}

@Test func numbersBeyondExactDecimalsAreRefused() {
    let tooLong = "1." + String(repeating: "1", count: 40)
    #expect(throws: LayoutError.self) { try json(tooLong) }
    #expect(throws: LayoutError.self) { try json("1e400") }
    // Trailing zeros cost no precision.
    #expect(throws: Never.self) { try json("1" + String(repeating: "0", count: 45)) }
}

@Test func invalidNumbersAreSyntaxErrors() {
    for text in ["01", "1.", ".5", "+1", "-", "1e", "0x10", "NaN", "Infinity"] {
        #expect(throws: LayoutError.self, "\(text)") { try json(text) }
    }
}

@Test func valuesOfEveryKind() throws {
    let value = try json(#" { "a": [1, "two", true, false, null, {}, []], "b": {"c": "d"} } "#)
    #expect(value == .object([
        "a": .array([.number(1), .string("two"), .bool(true), .bool(false), .null, .object([:]), .array([])]),
        "b": .object(["c": .string("d")]),
    ]))
    #expect(value["b"]?["c"] == .string("d"))
    #expect(value["missing"] == nil)
    #expect(try json(#"{"k": 1, "k": 2}"#) == .object(["k": .number(2)]))  // the last one wins
    #expect(try json("\u{FEFF}{}") == .object([:]))  // byte order mark
}

@Test func typeNamesForMessages() {
    #expect(DataValue.null.typeName == "null")
    #expect(DataValue.bool(true).typeName == "true/false")
    #expect(DataValue.number(1).typeName == "number")
    #expect(DataValue.string("").typeName == "text")
    #expect(DataValue.array([]).typeName == "list")
    #expect(DataValue.object([:]).typeName == "object")
}

@Test func stringsAndEscapes() throws {
    #expect(try json(#""Žluťoučký kůň""#) == .string("Žluťoučký kůň"))
    #expect(try json(#""a\"b\\c\/d\n\t\r\b\f""#) == .string("a\"b\\c/d\n\t\r\u{8}\u{C}"))
    #expect(try json(#""caf\u00e9 \u20AC""#) == .string("café €"))
    // A character outside the BMP is a surrogate pair.
    #expect(try json(#""\uD83D\uDE00 \ud83c\uddE8\uD83C\uDDFF""#) == .string("😀 🇨🇿"))
}

@Test func badStringsSayWhatIsWrong() throws {
    let cases: [(String, String)] = [
        (#""\uD83D""#, "unpaired UTF-16 surrogate"),
        (#""\uD83Dx""#, "unpaired UTF-16 surrogate"),
        (#""\uDE00""#, "unpaired UTF-16 surrogate"),
        (#""\u12""#, "four hex digits"),
        (#""\x""#, "unknown escape"),
        ("\"a\nb\"", "control character (U+000A)"),
        (#""open"#, "not closed"),
    ]
    for (text, reason) in cases {
        let error = try #require(throws: LayoutError.self) { try json(text) }
        #expect(error.kind == .data)
        #expect(error.message.contains(reason), "\(error.message)")
    }
    let invalidUTF8: [UInt8] = [0x22, 0x61, 0xC3, 0x28, 0x22]
    let error = try #require(throws: LayoutError.self) { try DataValue.parseJSON(invalidUTF8) }
    #expect(error.message.contains("not valid UTF-8"))
}

@Test func errorsSayLineAndColumn() throws {
    var error = try #require(throws: LayoutError.self) { try json(#"{"name": "Ann", "total": 12 "due": 1}"#) }
    #expect(error.kind == .data)
    #expect(error.message == "invalid JSON at line 1, column 29: expected ',' or '}'")
    error = try #require(throws: LayoutError.self) { try json("{\n  \"a\": [1, 2,\n  ]\n}") }
    #expect(error.message.hasPrefix("invalid JSON at line 3, column 3: expected a value"))
    // Columns count characters, not UTF-8 bytes.
    error = try #require(throws: LayoutError.self) { try json(#"{"ž": "ň" x}"#) }
    #expect(error.message == "invalid JSON at line 1, column 11: expected ',' or '}'")
    error = try #require(throws: LayoutError.self) { try json(#"{"a": tru}"#) }
    #expect(error.message == "invalid JSON at line 1, column 7: expected a value (did you mean true?)")
    error = try #require(throws: LayoutError.self) { try json("{} {}") }
    #expect(error.message == "invalid JSON at line 1, column 4: unexpected text after the JSON value")
    error = try #require(throws: LayoutError.self) { try json("") }
    #expect(error.message.contains("unexpected end of input"))
}

@Test func nestingIsLimited() throws {
    let deepest = String(repeating: "[", count: JSONParser.maximumDepth) + String(repeating: "]", count: JSONParser.maximumDepth)
    #expect(throws: Never.self) { try json(deepest) }
    let tooDeep = String(repeating: "[", count: JSONParser.maximumDepth + 1) + String(repeating: "]", count: JSONParser.maximumDepth + 1)
    let error = try #require(throws: LayoutError.self) { try json(tooDeep) }
    #expect(error.message.contains("nested deeper than \(JSONParser.maximumDepth) levels"))
    // Far deeper input fails the same way instead of overflowing the stack.
    #expect(throws: LayoutError.self) { try json(String(repeating: "{\"a\":", count: 100_000)) }
}
