// The fixed-decimal number template against ICU itself: in many locales and currencies, every
// number a template formats reads exactly as ICU writes it (the same formatter with the
// template off), over thousands of amounts of every size and sign; and the template is
// learnt where it should be (so these comparisons do compare something).
import Testing
@testable import PressroomLayout

@Suite struct NumberTemplateTests {
    static let locales = ["cs_CZ", "de_DE", "de_CH", "pl_PL", "uk_UA", "sr_Latn_RS", "en_GB", "en_US", "fr_FR", "es_ES", "it_IT",
                          "nl_NL", "sv_SE", "hu_HU", "pt_BR", "ja_JP", "en_IN", "ar_EG", "fa_IR", "he_IL", "de_AT", "fr_CH"]
    static let styles: [NumberStyle] = [.amount, .number(decimals: 0), .number(decimals: 1), .number(decimals: 3),
                                        .money(currency: "EUR"), .money(currency: "CZK"), .money(currency: "JPY"),
                                        .money(currency: "USD"), .money(currency: "CHF"), .money(currency: "BHD")]

    /// Amounts as records carry them: whole, with fewer or more decimals than shown, negative,
    /// zero, leading zeros, up to sixteen digits; and text that is no plain number.
    static let amounts: [String] = {
        var generator = SplitMix(state: 14)
        var amounts = ["0", "-0", "0.00", "-0.00", "00012.5", "1", "-1", "999.995", "1000", "9999.999", "-0.005", "12345678901234.56",
                       "1E3", "-12.3E-1", ".5", "5.", "+5", "1,5", "", "-", "1133E-2", "-5E3", "12E0", "0E-2", "-0E-2",
                       "81665000E-3", "7E-5", "1E-40", "1E40", "5E", "5E-", "1e3", "12.50E1"]
        for _ in 0..<3000 {
            let integer = generator.next() % (generator.next() % 2 == 0 ? 10_000 : 10_000_000_000)
            let decimals = Int(generator.next() % 5)
            var text = (generator.next() % 4 == 0 ? "-" : "") + String(integer)
            if decimals > 0 { text += "." + String(String(generator.next()).suffix(decimals)) }
            amounts.append(text)
            // As computed values reach the formatter: a significand and an exponent.
            let exponent = Int(generator.next() % 10) - 6
            amounts.append((generator.next() % 4 == 0 ? "-" : "") + String(generator.next() % 100_000_000) + "E\(exponent)")
        }
        return amounts
    }()

    @Test(arguments: locales) func theTemplateWritesWhatICUWrites(_ locale: String) throws {
        for style in Self.styles {
            let fast = try ICUNumberFormatter(style, icuLocale: locale)
            let icu = try ICUNumberFormatter(style, icuLocale: locale, learnsTemplate: false)
            for amount in Self.amounts {
                #expect(fast.format(digits: amount) == icu.format(digits: amount), "\(locale) \(style) \(amount)")
            }
        }
    }

    @Test func theTemplateIsLearntForLatinDigitLocales() throws {
        for locale in ["cs_CZ", "de_DE", "pl_PL", "en_GB", "fr_FR", "es_ES", "uk_UA"] {
            for style in Self.styles {
                #expect(try ICUNumberFormatter(style, icuLocale: locale).hasTemplate, "\(locale) \(style)")
            }
        }
        // Indian grouping (12,34,567.00) is not three by three: ICU keeps it.
        #expect(try ICUNumberFormatter(.amount, icuLocale: "en_IN").hasTemplate == false)
        #expect(try ICUNumberFormatter(.number(decimals: nil), icuLocale: "cs_CZ").hasTemplate == false)
    }
}
