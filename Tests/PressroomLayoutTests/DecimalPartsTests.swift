// Reading a Decimal's parts from its storage: the layout check passes on this Foundation (so the
// fast path is the one taken), and what is read agrees with Decimal's public API on values of
// every length, sign and exponent, and on the text that formatting gets from them.
import Foundation
@testable import PressroomLayout
import Testing

@Suite struct DecimalPartsTests {
    @Test func theStorageLayoutIsTheKnownOne() {
        #expect(DecimalParts.layoutIsKnown, "Foundation stores Decimal differently: amounts take the slower public path")
    }

    @Test func partsAgreeWithThePublicAPI() throws {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5_000 {
            let bits = Int.random(in: 0...64, using: &generator)
            let significand = bits == 0 ? 0 : UInt64.random(in: 0...UInt64.max, using: &generator) >> (64 - bits)
            let exponent = Int.random(in: -40...40, using: &generator)
            let negative = Bool.random(using: &generator)
            let value = Decimal(sign: negative ? .minus : .plus, exponent: exponent, significand: Decimal(significand))
            let parts = try #require(DecimalParts.read(value))
            let rebuilt = Decimal(sign: parts.negative ? .minus : .plus, exponent: parts.exponent, significand: Decimal(parts.significand))
            #expect(rebuilt == value, "\(value)")
            #expect(Decimal(string: DecimalText.plain(value)) == value, "\(value) printed as \(DecimalText.plain(value))")
        }
    }

    @Test func whatDoesNotFitIsLeftToThePublicAPI() {
        #expect(DecimalParts.read(Decimal(UInt64.max) + 1) == nil)
        #expect(DecimalParts.read(Decimal.nan) == nil)
        #expect(DecimalText.plain(Decimal(string: "123456789012345678901234567890")!) == "123456789012345678901234567890")
        #expect(DecimalText.digits(Decimal(string: "-0.00125")!) == "-125E-5")
    }
}

/// Amounts as records write them, read without Foundation's parser: the same value, stored the
/// same way (so they print the same), on random texts with leading and trailing zeros.
@Test func decimalTextReadsAsFoundationParses() throws {
    var generator = SystemRandomNumberGenerator()
    let posix = Locale(identifier: "en_US_POSIX")
    for _ in 0..<5_000 {
        let whole = String(repeating: "0", count: Int.random(in: 0...2, using: &generator))
            + String(UInt64.random(in: 0...999_999_999, using: &generator))
        let fraction = Bool.random(using: &generator)
            ? "." + String(format: "%0\(Int.random(in: 1...6, using: &generator))d", Int.random(in: 0...999, using: &generator))
                + String(repeating: "0", count: Int.random(in: 0...3, using: &generator))
            : ""
        let text = (Bool.random(using: &generator) ? "-" : "") + whole + fraction
        let expected = try #require(Decimal(string: text, locale: posix))
        guard let read = Decimal(decimalText: text) else {
            #expect(expected == 0 || (whole.count > 1 && whole.hasPrefix("0")), "\(text) was left to Foundation")
            continue
        }
        #expect(read == expected, "\(text)")
        #expect(DecimalText.plain(read) == DecimalText.plain(expected), "\(text)")
        #expect(DecimalText.digits(read) == DecimalText.digits(expected), "\(text)")
    }
    for text in ["", "-", ".5", "5.", "1.2.3", "1e5", "+1", "--1", "1 000", "١٢"] {
        #expect(Decimal(decimalText: text) == nil, "\(text)")
    }
    #expect(Decimal(decimalText: "12345678901234567890") == nil)  // 20 digits: Foundation's
    #expect(Decimal(decimalText: "0.00") == nil)  // zero: Foundation's
    #expect(Decimal(decimalText: "007.5") == nil)  // leading zeros: Foundation's
    #expect(Decimal(decimalText: "0.05") == Decimal(string: "0.05"))
}
