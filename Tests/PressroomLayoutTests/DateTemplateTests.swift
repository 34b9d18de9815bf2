// The date template against ICU itself: in many locales, for the four styles and patterns a
// layout may use, every day from 1990 to 2040 (and the calendar's edges) reads exactly as ICU
// writes it with the template off; and the template is learnt where it should be.
import PressroomGraphics
import Testing
@testable import PressroomLayout

@Suite struct DateTemplateTests {
    static let locales = NumberTemplateTests.locales
    static let styles: [DateStyle] = [.full, .long, .medium, .short, .pattern("d. M. yyyy"), .pattern("dd.MM.yy"),
                                      .pattern("d MMMM y"), .pattern("MMM d, y"), .pattern("EEEE d. MMMM"), .pattern("yyyy-MM-dd"),
                                      .pattern("LLLL y"), .pattern("d 'de' MMMM 'de' y")]

    @Test(arguments: locales) func theTemplateWritesWhatICUWrites(_ locale: String) throws {
        let first = DateTemplate.days(year: 1990, month: 1, day: 1), last = DateTemplate.days(year: 2040, month: 12, day: 31)
        let edges = [DateTemplate.days(year: 999, month: 12, day: 31), DateTemplate.days(year: 1000, month: 1, day: 1),
                     DateTemplate.days(year: 9999, month: 12, day: 31), DateTemplate.days(year: 9999, month: 12, day: 31) + 1,
                     DateTemplate.days(year: 1600, month: 2, day: 29), DateTemplate.days(year: 1900, month: 3, day: 1)]
        for style in Self.styles {
            let fast = try ICUDateFormat(style, icuLocale: locale)
            let icu = try ICUDateFormat(style, icuLocale: locale, learnsTemplate: false)
            for day in Array(first...last) + edges {
                let (written, expected) = (fast.format(daysSinceEpoch: day), icu.format(daysSinceEpoch: day))
                if written != expected {
                    Issue.record("\(locale) \(style) day \(day): \(written ?? "nil") against ICU's \(expected ?? "nil")")
                    break
                }
            }
        }
    }

    @Test func theTemplateIsLearntForNumericAndNamedMonths() throws {
        for locale in ["cs_CZ", "de_DE", "pl_PL", "en_GB", "fr_FR", "uk_UA", "sr_Latn_RS"] {
            for style in [DateStyle.medium, .short, .long, .pattern("d. M. yyyy"), .pattern("d MMMM y")] {
                #expect(try ICUDateFormat(style, icuLocale: locale).hasTemplate, "\(locale) \(style)")
            }
        }
        // A weekday is not a day, a month or a year: ICU keeps it.
        #expect(try ICUDateFormat(.full, icuLocale: "en_GB").hasTemplate == false)
    }

    @Test func daysSinceEpochRoundTrip() {
        for days in stride(from: -719_162, through: 2_932_896, by: 997) {
            #expect(CalendarDay(daysSinceEpoch: days)?.daysSinceEpoch == days, "\(days)")
        }
        #expect(CalendarDay(daysSinceEpoch: 0) == CalendarDay(year: 1970, month: 1, day: 1))
        #expect(CalendarDay(daysSinceEpoch: 20_000) == CalendarDay(year: 2024, month: 10, day: 4))
        #expect(CalendarDay(daysSinceEpoch: 2_932_896) == CalendarDay(year: 9999, month: 12, day: 31))
        #expect(CalendarDay(daysSinceEpoch: 2_932_897) == nil && CalendarDay(daysSinceEpoch: -719_163) == nil)
    }
}
