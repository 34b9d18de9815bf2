// The tokens of placeholder expressions: names, literals, operators, brackets, and the `}}` that
// closes a placeholder; each with its byte offset in the source, for columns in errors.
import Foundation

struct Token {
    enum Kind: Equatable {
        case name(String)
        case keyword(Keyword)
        case string(String)
        case number(Decimal)
        case dollar, dot, comma, pipe, openParen, closeParen, openBracket, closeBracket
        case comparison(Comparison)
        case closePlaceholder  // }}
        case end
    }
    var kind: Kind
    /// Byte offsets of the token in the source.
    var start: Int
    var end: Int
}

enum Keyword: String {
    case `true`, `false`, null, and, or, not
}

struct ExpressionLexer {
    let source: [UInt8]
    private(set) var index: Int

    init(source: [UInt8], from start: Int) {
        self.source = source
        self.index = start
    }

    static func startsName(_ byte: UInt8) -> Bool {
        (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z")) || byte == UInt8(ascii: "_") || byte >= 0x80
    }

    static func continuesName(_ byte: UInt8) -> Bool {
        startsName(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-")
    }

    /// The next token, or a syntax problem with the offset it was found at.
    mutating func next() throws(ExpressionSyntaxError) -> Token {
        while index < source.count, [0x20, 0x09, 0x0A, 0x0D].contains(source[index]) { index += 1 }
        let start = index
        guard index < source.count else { return Token(kind: .end, start: start, end: start) }
        let byte = source[index]
        func single(_ kind: Token.Kind) -> Token {
            index += 1
            return Token(kind: kind, start: start, end: index)
        }
        func pair(_ second: UInt8, _ both: Token.Kind, else one: Token.Kind?) throws(ExpressionSyntaxError) -> Token {
            if index + 1 < source.count, source[index + 1] == second {
                index += 2
                return Token(kind: both, start: start, end: index)
            }
            guard let one else { throw ExpressionSyntaxError(offset: start, reason: "unexpected '\(Character(Unicode.Scalar(byte)))'") }
            return single(one)
        }
        switch byte {
        case UInt8(ascii: "."): return single(.dot)
        case UInt8(ascii: ","): return single(.comma)
        case UInt8(ascii: "$"): return single(.dollar)
        case UInt8(ascii: "("): return single(.openParen)
        case UInt8(ascii: ")"): return single(.closeParen)
        case UInt8(ascii: "["): return single(.openBracket)
        case UInt8(ascii: "]"): return single(.closeBracket)
        case UInt8(ascii: "|"):
            if index + 1 < source.count, source[index + 1] == UInt8(ascii: "|") {
                throw ExpressionSyntaxError(offset: start, reason: "write `or` instead of `||`")
            }
            return single(.pipe)
        case UInt8(ascii: "}"):
            if index + 1 < source.count, source[index + 1] == UInt8(ascii: "}") {
                index += 2
                return Token(kind: .closePlaceholder, start: start, end: index)
            }
            throw ExpressionSyntaxError(offset: start, reason: "unexpected '}'")
        case UInt8(ascii: "="):
            guard index + 1 < source.count, source[index + 1] == UInt8(ascii: "=") else {
                throw ExpressionSyntaxError(offset: start, reason: "write `==` to compare")
            }
            return try pair(UInt8(ascii: "="), .comparison(.equal), else: nil)
        case UInt8(ascii: "!"):
            guard index + 1 < source.count, source[index + 1] == UInt8(ascii: "=") else {
                throw ExpressionSyntaxError(offset: start, reason: "write `not` instead of `!`")
            }
            return try pair(UInt8(ascii: "="), .comparison(.notEqual), else: nil)
        case UInt8(ascii: "<"): return try pair(UInt8(ascii: "="), .comparison(.lessOrEqual), else: .comparison(.less))
        case UInt8(ascii: ">"): return try pair(UInt8(ascii: "="), .comparison(.greaterOrEqual), else: .comparison(.greater))
        case UInt8(ascii: "&"):
            throw ExpressionSyntaxError(offset: start, reason: "write `and` instead of `&&`")
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            return Token(kind: .string(try string(quote: byte)), start: start, end: index)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return Token(kind: .number(try number()), start: start, end: index)
        default:
            guard Self.startsName(byte) else {
                throw ExpressionSyntaxError(offset: start, reason: "unexpected '\(Character(Unicode.Scalar(byte)))'")
            }
            while index < source.count, Self.continuesName(source[index]) { index += 1 }
            let name = String(decoding: source[start..<index], as: UTF8.self)
            let kind: Token.Kind = Keyword(rawValue: name).map { .keyword($0) } ?? .name(name)
            return Token(kind: kind, start: start, end: index)
        }
    }

    /// "…" or '…'; a backslash escapes the quote, itself, or n and t.
    private mutating func string(quote: UInt8) throws(ExpressionSyntaxError) -> String {
        let start = index
        index += 1
        var bytes: [UInt8] = []
        while index < source.count {
            let byte = source[index]
            index += 1
            if byte == quote { return String(decoding: bytes, as: UTF8.self) }
            if byte == UInt8(ascii: "\\"), index < source.count {
                let escaped = source[index]
                index += 1
                switch escaped {
                case UInt8(ascii: "n"): bytes.append(0x0A)
                case UInt8(ascii: "t"): bytes.append(0x09)
                default: bytes.append(escaped)
                }
            } else {
                bytes.append(byte)
            }
        }
        throw ExpressionSyntaxError(offset: start, reason: "the text in quotes is not closed")
    }

    private mutating func number() throws(ExpressionSyntaxError) -> Decimal {
        let start = index
        let scanned = source.withUnsafeBufferPointer { DecimalText.scan($0, from: start, allowExponent: true) }
        guard let scanned, scanned.end == source.count || !Self.continuesName(source[scanned.end]) else {
            throw ExpressionSyntaxError(offset: start, reason: "invalid number")
        }
        index = scanned.end
        switch scanned.decimal() {
        case .success(let value): return value
        case .failure(let problem): throw ExpressionSyntaxError(offset: start, reason: problem.description)
        }
    }
}

/// A syntax problem in an expression, at a byte offset of the source it was parsed from.
struct ExpressionSyntaxError: Error {
    var offset: Int
    var reason: String
    var kind: LayoutError.Kind = .syntax
}
