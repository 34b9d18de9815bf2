// The date formats of the `date` formatter: the locale's four CLDR styles or an ICU pattern
// ("dd.MM.yyyy", unicode.org/reports/tr35/tr35-dates.html#Date_Field_Symbol_Table).

enum DateStyle: Hashable, Sendable {
    case full, long, medium, short
    case pattern(String)

    init(_ argument: String) {
        switch argument {
        case "full": self = .full
        case "long": self = .long
        case "medium": self = .medium
        case "short": self = .short
        default: self = .pattern(argument)
        }
    }

    /// ICU's UDateFormatStyle for the four styles (udat.h: UDAT_FULL 0 … UDAT_SHORT 3).
    var icuStyle: Int32? {
        switch self {
        case .full: 0
        case .long: 1
        case .medium: 2
        case .short: 3
        case .pattern: nil
        }
    }
}
