// Amounts as e-invoice XML writes them: exactly the decimals asked for, halves away from zero,
// whole numbers beyond 64 bits and large exponents included.
import Foundation
import PressroomLayout
@testable import PressroomProduction
import Testing

@Test(arguments: [
    ("0", 2, "0.00"), ("1234.5", 2, "1234.50"), ("-0.07", 2, "-0.07"), ("0.005", 2, "0.01"),
    ("-0.005", 2, "-0.01"), ("0.004", 2, "0.00"), ("2.675", 2, "2.68"), ("1200", 0, "1200"),
    ("12e5", 2, "1200000.00"), ("99.995", 2, "100.00"), ("7", 4, "7.0000"), ("0.12345", 4, "0.1235"),
    ("18446744073709551615", 0, "18446744073709551615"), ("18446744073709551616", 2, "18446744073709551616.00"),
    ("-123456789012345678901234567890.125", 2, "-123456789012345678901234567890.13"),
    ("1e120", 0, "1" + String(repeating: "0", count: 120)),
])
func anAmountHasExactlyItsDecimals(value: String, decimals: Int, expected: String) throws {
    let amount = try #require(Decimal(string: value, locale: Locale(identifier: "en_US_POSIX")))
    #expect(amount.fixed(decimals) == expected)
}

@Test func plainDigitsUseAsFewDecimalsAsTheValueNeeds() {
    #expect(Decimal(250).plain == "250")
    #expect(Decimal(string: "0.50")!.plain == "0.5")
    #expect(Decimal(string: "-21.000")!.plain == "-21")
}

@Test func integerRoundingAgreesWithDecimalArithmetic() throws {
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<5_000 {
        let bits = Int.random(in: 0...64, using: &generator)
        let significand = bits == 0 ? 0 : UInt64.random(in: 0...UInt64.max, using: &generator) >> (64 - bits)
        let value = Decimal(sign: Bool.random(using: &generator) ? .minus : .plus, exponent: Int.random(in: -24...6, using: &generator),
                            significand: Decimal(significand))
        for decimals in [0, 2, 4, 19] {
            #expect(value.fixed(decimals) == value.fixedByArithmetic(decimals), "\(value) to \(decimals) decimals")
        }
        #expect(value.plain == value.plainByArithmetic, "\(value)")
    }
    // Halves exactly: away from zero on both sides.
    for (text, expected) in [("0.125", "0.13"), ("-0.125", "-0.13"), ("0.124999", "0.12"), ("-0.0049", "0.00")] {
        let value = try #require(Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")))
        #expect(value.fixedFromParts(2) == expected)
    }
}

/// Amounts read from a record's text: the fast reading and Foundation's fallback give the same
/// values (leading zeros, zero, 20 digits), and text that is not -digits(.digits) is refused.
@Test func recordAmountsReadAsWrittenAndOthersAreRefused() throws {
    let posix = Locale(identifier: "en_US_POSIX")
    for text in ["1234.50", "-34.09", "007.50", "0.00", "-0", "12345678901234567890.5", " 42 "] {
        let read = try RecordField(.string(text), at: .root).decimal("an amount")
        #expect(read == Decimal(string: text.trimmingCharacters(in: .whitespaces), locale: posix), "\(text)")
        #expect(read.plain == Decimal(string: text.trimmingCharacters(in: .whitespaces), locale: posix)!.plain, "\(text)")
    }
    for text in ["1e5", "1.", ".5", "--1", "+1", "1 000", "12,50", ""] {
        #expect(throws: LayoutError.self, "\(text)") { try RecordField(.string(text), at: .root).decimal("an amount") }
    }
}
