// A date format learnt from ICU and then applied by hand, like `NumberTemplate`: a batch's dates
// spread over a year or two, so the first few hundred records mostly miss the formatter's memory
// of days, and each miss was an ICU call of several microseconds. The template is read off what
// ICU writes for probe days (where the day, the month or its name, and the year stand, and
// whether they are padded), then checked against ICU on days of every month over two centuries;
// a format it cannot reproduce exactly (weekdays, eras, other digits or calendars) keeps ICU.
import PressroomGraphics

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
                for day in [1, 9, 10, 28 + (month + index) % 4].filter({ $0 <= CalendarDay.days(inMonth: month, of: year) }) {
                    let days = Self.days(year: year, month: month, day: day)
                    guard let expected = icu(days), format(daysSinceEpoch: days) == expected else { return nil }
                }
            }
        }
    }

    /// The day written as the format writes it; nil outside the years 1000–9999 (ICU's then).
    func format(daysSinceEpoch days: Int) -> String? {
        guard let date = CalendarDay(daysSinceEpoch: days), (1000...9999).contains(date.year) else { return nil }
        let (year, month, day) = (date.year, date.month, date.day)
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

    /// Days since 1970-01-01 of a valid date.
    static func days(year: Int, month: Int, day: Int) -> Int {
        CalendarDay(year: year, month: month, day: day)!.daysSinceEpoch
    }
}
