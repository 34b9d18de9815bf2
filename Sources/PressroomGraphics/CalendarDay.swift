// A calendar date as records write it, ISO 8601 "2026-03-15", in the proleptic Gregorian calendar:
// no time of day and no time zone, so the machine's zone can never move it to the day before.
// The one date type of the data: layout formats it, the e-invoice writes it, a document's
// metadata turns it into an instant (`DocumentDate(_:)`).

public struct CalendarDay: Hashable, Sendable, Codable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    /// A valid date; nil for month 13 or 30 February.
    public init?(year: Int, month: Int, day: Int) {
        guard year >= 1, year <= 9999, (1...12).contains(month), (1...Self.days(inMonth: month, of: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// "2026-03-15"; with `allowingTime`, also followed by a time ("2026-03-15T10:30:00+01:00"),
    /// which is ignored: the date is the one written. Nil when the text is not such a date.
    public init?(iso text: String, allowingTime: Bool = false) {
        let bytes = Array(text.utf8.prefix(allowingTime ? 11 : 12))
        guard bytes.count >= 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              bytes.count == 10 || (allowingTime && (bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " "))),
              let year = Self.number(bytes[0..<4]), let month = Self.number(bytes[5..<7]), let day = Self.number(bytes[8..<10])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// The day `days` after 1970-01-01 (before, if negative), by H. Hinnant's civil_from_days;
    /// nil outside the years 1–9999.
    public init?(daysSinceEpoch days: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        self.init(year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month, day: dayOfYear - (153 * shiftedMonth + 2) / 5 + 1)
    }

    /// Days since 1970-01-01 (negative before), by H. Hinnant's days_from_civil.
    public var daysSinceEpoch: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// UNTDID 2379 format 102: CCYYMMDD.
    public var format102: String { Self.pad(year, 4) + Self.pad(month, 2) + Self.pad(day, 2) }

    /// "2026-03-15".
    public var description: String { Self.pad(year, 4) + "-" + Self.pad(month, 2) + "-" + Self.pad(day, 2) }

    /// Days in a month of the proleptic Gregorian calendar.
    public static func days(inMonth month: Int, of year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    private static func number(_ digits: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for byte in digits {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

extension DocumentDate {
    /// Midnight UTC at the start of `day`.
    public init(_ day: CalendarDay) {
        self.init(year: day.year, month: day.month, day: day.day)
    }
}
