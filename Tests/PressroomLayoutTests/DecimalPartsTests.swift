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
