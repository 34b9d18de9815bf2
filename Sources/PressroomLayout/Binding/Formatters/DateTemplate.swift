// A date format learnt from ICU and then applied by hand, like `NumberTemplate`: a batch's dates
// spread over a year or two, so the first few hundred records mostly miss the formatter's memory
// of days, and each miss was an ICU call of several microseconds. The template is read off what
// ICU writes for probe days (where the day, the month or its name, and the year stand, and
// whether they are padded), then checked against ICU on days of every month over two centuries;
// a format it cannot reproduce exactly (weekdays, eras, other digits or calendars) keeps ICU.

struct DateTemplate: Sendable {
    private enum Piece: Sendable, Equatable {
        case text(String)
        case day(padded: Bool)
        case month(padded: Bool)
        case monthName
        case year
        case shortYear
    }

    private var pieces: [Piece] = []
    /// January's name first, when the month is written as a name.
    private var monthNames: [String] = []

    /// Learns the format `icu` writes for a day (days since 1970-01-01); nil if this template
    /// cannot reproduce it exactly.
    init?(learningFrom icu: (Int) -> String?) {
        func written(_ year: Int, _ month: Int, _ day: Int) -> String? { icu(Self.days(year: year, month: month, day: day)) }
        // Day 22 of November 2033: three numbers no other can be mistaken for.
        guard let probe = written(2033, 11, 22), let early = written(2033, 1, 5) else { return nil }
        var marked = probe
        guard let year = Self.mark(&marked, "2033", as: "\u{1}") ?? Self.mark(&marked, "33", as: "\u{2}"),
              Self.mark(&marked, "22", as: "\u{3}") != nil else { return nil }
        let numericMonth = Self.mark(&marked, "11", as: "\u{4}") != nil
        // Padding, from 5 January: "05" or "5", "01" or "1".
        let dayPadded = early.contains("05"), monthPadded = numericMonth && early.contains("01")
        if !numericMonth {
            // The month's name: what differs between the twelve months of the same day and year.
            var names: [String] = []
            var shapes: [String] = []
            for month in 1...12 {
                guard var text = written(2033, month, 22), Self.mark(&text, year, as: year == "2033" ? "\u{1}" : "\u{2}") != nil,
                      Self.mark(&text, "22", as: "\u{3}") != nil else { return nil }
                shapes.append(text)
            }
            let prefix = Self.commonPrefix(shapes), suffix = Self.commonSuffix(shapes.map { String($0.dropFirst(prefix.count)) })
            for shape in shapes {
                let name = String(shape.dropFirst(prefix.count).dropLast(suffix.count))
                guard !name.isEmpty, !name.contains("\u{1}"), !name.contains("\u{3}") else { return nil }
                names.append(name)
            }
            guard Set(names).count == 12 else { return nil }
            monthNames = names
            marked = prefix + "\u{4}" + suffix
        }
        // The pieces, in order.
        var literal = ""
        for character in marked {
            let piece: Piece? = switch character {
            case "\u{1}": .year
            case "\u{2}": .shortYear
            case "\u{3}": .day(padded: dayPadded)
            case "\u{4}": numericMonth ? .month(padded: monthPadded) : .monthName
            default: nil
            }
            if let piece {
                if !literal.isEmpty { pieces.append(.text(literal)) }
                literal = ""
                pieces.append(piece)
            } else {
                literal.append(character)
            }
        }
        if !literal.isEmpty { pieces.append(.text(literal)) }
        // Held to ICU on days of every month, both paddings, two centuries, and leap days.
        for (index, year) in [1999, 2000, 2024, 2026, 2027, 2031, 2099, 2100].enumerated() {
            for month in 1...12 {
                for day in [1, 9, 10, 28 + (month + index) % 4].filter({ $0 <= Self.length(of: month, in: year) }) {
                    let days = Self.days(year: year, month: month, day: day)
                    guard let expected = icu(days), format(daysSinceEpoch: days) == expected else { return nil }
                }
            }
        }
    }

    /// The day written as the format writes it; nil outside the years 1000–9999 (ICU's then).
    func format(daysSinceEpoch days: Int) -> String? {
        let (year, month, day) = Self.civil(days)
        guard (1000...9999).contains(year) else { return nil }
        var text = ""
        for piece in pieces {
            switch piece {
            case .text(let literal): text += literal
            case .day(let padded): text += Self.number(day, padded: padded)
            case .month(let padded): text += Self.number(month, padded: padded)
            case .monthName: text += monthNames[month - 1]
            case .year: text += String(year)
            case .shortYear: text += Self.number(year % 100, padded: true)
            }
        }
        return text
    }

    private static func number(_ value: Int, padded: Bool) -> String {
        padded && value < 10 ? "0" + String(value) : String(value)
    }

    /// Replaces the only occurrence of `digits` standing alone (no digit beside it) by `mark`;
    /// nil (and `text` unchanged) if there is none, or more than one.
    private static func mark(_ text: inout String, _ digits: String, as mark: String) -> String? {
        var found: [Range<String.Index>] = []
        var searchFrom = text.startIndex
        while let range = text.range(of: digits, range: searchFrom..<text.endIndex) {
            let before = range.lowerBound > text.startIndex ? text[text.index(before: range.lowerBound)] : nil
            let after = range.upperBound < text.endIndex ? text[range.upperBound] : nil
            if !(before?.isNumber ?? false) && !(after?.isNumber ?? false) { found.append(range) }
            searchFrom = range.upperBound
        }
        guard found.count == 1, let range = found.first else { return nil }
        text.replaceSubrange(range, with: mark)
        return digits
    }

    private static func commonPrefix(_ texts: [String]) -> String {
        guard var prefix = texts.first else { return "" }
        for text in texts.dropFirst() { prefix = String(zip(prefix, text).prefix { $0 == $1 }.map(\.0)) }
        return prefix
    }

    private static func commonSuffix(_ texts: [String]) -> String {
        String(commonPrefix(texts.map { String($0.reversed()) }).reversed())
    }

    // MARK: The proleptic Gregorian calendar (H. Hinnant's days_from_civil and civil_from_days)

    static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func civil(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    private static func length(of month: Int, in year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
