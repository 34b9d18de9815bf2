// Every formatter in cs-CZ, de-DE, pl-PL, uk-UA, sr-RS and en-GB, pinned to what ICU 72 writes
// (U+00A0 no-break and U+202F narrow no-break spaces included), plus rounding, exactness, case
// mapping, sums, and a benchmark that prints microseconds per call.
import Foundation
import PressroomGraphics
import Testing
@testable import PressroomLayout

private let invoice = #"""
    {"total": 1234.5, "big": "1234567.891", "negative": -1234.505, "small": 0.5, "rate": 21, "reduced": "12.5",
     "issued": "2026-03-15", "name": "Žluťoučký kůň, Straße", "nothing": null,
     "items": [{"net": "100.10"}, {"net": -20.05}, {"net": "0.2"}, {"net": null}]}
    """#

/// Formats that read the same in every locale's own terms, per locale.
private let expected: [String: [String: String]] = [
    "cs-CZ": [
        "money": "1\u{A0}234,50\u{A0}Kč", "moneyEUR": "1\u{A0}234,50\u{A0}€", "negative": "-1\u{A0}234,51\u{A0}€",
        "local": "1\u{A0}234,50\u{A0}Kč", "amount": "1\u{A0}234\u{A0}567,89", "number": "1\u{A0}234\u{A0}567,891",
        "number2": "1\u{A0}234,50", "number0": "1\u{A0}235", "small": "0,50", "percent": "21\u{A0}%", "reduced": "12,5\u{A0}%",
        "date": "15. 3. 2026", "short": "15.03.26", "long": "15. března 2026", "full": "neděle 15. března 2026",
        "pattern": "15.03.2026", "upper": "ŽLUŤOUČKÝ KŮŇ, STRASSE", "lower": "žluťoučký kůň, straße",
    ],
    "de-DE": [
        "money": "1.234,50\u{A0}CZK", "moneyEUR": "1.234,50\u{A0}€", "negative": "-1.234,51\u{A0}€",
        "local": "1.234,50\u{A0}€", "amount": "1.234.567,89", "number": "1.234.567,891",
        "number2": "1.234,50", "number0": "1.235", "small": "0,50", "percent": "21\u{A0}%", "reduced": "12,5\u{A0}%",
        "date": "15.03.2026", "short": "15.03.26", "long": "15. März 2026", "full": "Sonntag, 15. März 2026",
        "pattern": "15.03.2026", "upper": "ŽLUŤOUČKÝ KŮŇ, STRASSE", "lower": "žluťoučký kůň, straße",
    ],
    "pl-PL": [
        // CLDR's minimum grouping digits for Polish is 2: four-digit numbers are not grouped.
        "money": "1234,50\u{A0}CZK", "moneyEUR": "1234,50\u{A0}€", "negative": "-1234,51\u{A0}€",
        "local": "1234,50\u{A0}zł", "amount": "1\u{A0}234\u{A0}567,89", "number": "1\u{A0}234\u{A0}567,891",
        "number2": "1234,50", "number0": "1235", "small": "0,50", "percent": "21%", "reduced": "12,5%",
        "date": "15 mar 2026", "short": "15.03.2026", "long": "15 marca 2026", "full": "niedziela, 15 marca 2026",
        "pattern": "15.03.2026", "upper": "ŽLUŤOUČKÝ KŮŇ, STRASSE", "lower": "žluťoučký kůň, straße",
    ],
    "uk-UA": [
        "money": "1\u{A0}234,50\u{A0}CZK", "moneyEUR": "1\u{A0}234,50\u{A0}EUR", "negative": "-1\u{A0}234,51\u{A0}EUR",
        "local": "1\u{A0}234,50\u{A0}₴", "amount": "1\u{A0}234\u{A0}567,89", "number": "1\u{A0}234\u{A0}567,891",
        "number2": "1\u{A0}234,50", "number0": "1\u{A0}235", "small": "0,50", "percent": "21%", "reduced": "12,5%",
        "date": "15 бер. 2026\u{202F}р.", "short": "15.03.26", "long": "15 березня 2026\u{202F}р.",
        "full": "неділя, 15 березня 2026\u{202F}р.",
        "pattern": "15.03.2026", "upper": "ŽLUŤOUČKÝ KŮŇ, STRASSE", "lower": "žluťoučký kůň, straße",
    ],
    "sr-RS": [
        "money": "1.234,50\u{A0}CZK", "moneyEUR": "1.234,50\u{A0}€", "negative": "-1.234,51\u{A0}€",
        "local": "1.235\u{A0}RSD", "amount": "1.234.567,89", "number": "1.234.567,891",
        "number2": "1.234,50", "number0": "1.235", "small": "0,50", "percent": "21%", "reduced": "12,5%",
        "date": "15. 3. 2026.", "short": "15.3.26.", "long": "15. март 2026.", "full": "недеља, 15. март 2026.",
        "pattern": "15.03.2026", "upper": "ŽLUŤOUČKÝ KŮŇ, STRASSE", "lower": "žluťoučký kůň, straße",
    ],
    "en-GB": [
        "money": "CZK\u{A0}1,234.50", "moneyEUR": "€1,234.50", "negative": "-€1,234.51",
        "local": "£1,234.50", "amount": "1,234,567.89", "number": "1,234,567.891",
        "number2": "1,234.50", "number0": "1,235", "small": "0.50", "percent": "21%", "reduced": "12.5%",
        "date": "15 Mar 2026", "short": "15/03/2026", "long": "15 March 2026", "full": "Sunday, 15 March 2026",
        "pattern": "15.03.2026", "upper": "ŽLUŤOUČKÝ KŮŇ, STRASSE", "lower": "žluťoučký kůň, straße",
    ],
]

private let localCurrency = ["cs-CZ": "CZK", "de-DE": "EUR", "pl-PL": "PLN", "uk-UA": "UAH", "sr-RS": "RSD", "en-GB": "GBP"]

private let templates: [String: String] = [
    "money": "{{ total | money }}", "moneyEUR": #"{{ total | money("EUR") }}"#, "negative": "{{ negative | money('EUR') }}",
    "local": "{{ total | money(local) }}", "amount": "{{ big | amount }}", "number": "{{ big | number }}",
    "number2": "{{ total | number(2) }}", "number0": "{{ total | number(0) }}", "small": "{{ small | amount }}",
    "percent": "{{ rate | percent }}", "reduced": "{{ reduced | percent }}",
    "date": "{{ issued | date }}", "short": #"{{ issued | date("short") }}"#, "long": #"{{ issued | date("long") }}"#,
    "full": "{{ issued | date('full') }}", "pattern": #"{{ issued | date("dd.MM.yyyy") }}"#,
    "upper": "{{ name | upper }}", "lower": "{{ name | lower }}",
]

/// Invisible spaces made visible, for failure messages.
private func visible(_ text: String) -> String {
    text.unicodeScalars.map { $0.value == 0xA0 ? "⍽" : $0.value == 0x202F ? "˽" : String($0) }.joined()
}

@Test(arguments: ["cs-CZ", "de-DE", "pl-PL", "uk-UA", "sr-RS", "en-GB"])
func formattersFollowTheLocale(locale: String) throws {
    let bound = context(invoice, locale: locale, currency: "CZK").with("local", BoundValue(.string(localCurrency[locale]!), path: nil))
    for (name, source) in templates.sorted(by: { $0.key < $1.key }) {
        let text = try bound.render(Template.parse(source, at: here))
        #expect(visible(text) == visible(expected[locale]![name]!), "\(locale) \(name): \(source)")
    }
    // The same in every locale.
    for (source, text) in [("{{ nothing | money }}", ""), ("{{ nothing | date }}", ""), ("{{ nothing | upper }}", ""),
                           ("{{ items | count }}", "4"), ("{{ nothing | count }}", "0"),
                           ("{{ items | sum('net') }}", "80.25"), ("{{ items | credits('net') }}", "100.3"),
                           ("{{ items | debits('net') }}", "-20.05"), ("{{ nothing | sum }}", "0")] {
        #expect(try bound.render(Template.parse(source, at: here)) == text, "\(locale): \(source)")
    }
}

@Test func roundingIsHalfUpAwayFromZero() throws {
    let bound = context(#"{"a": "0.005", "b": "0.015", "c": "0.025", "d": "-0.025", "e": 2.5, "f": "1.0049999"}"#, locale: "en-GB",
                        currency: "EUR")
    let rendered = try bound.render(Template.parse("{{ a | amount }} {{ b | amount }} {{ c | amount }} {{ d | money }} "
                                                   + "{{ e | number(0) }} {{ f | amount }}", at: here))
    // Half-even would give 0.00, 0.02, 0.02, -€0.02 and 2.
    #expect(rendered == "0.01 0.02 0.03 -€0.03 3 1.00")
}

@Test func moneyIsExactBeyondDoublePrecision() throws {
    let bound = context(#"{"n": 12345678901234567.89, "s": "98765432109876543210.01", "tiny": 0.1, "sum": [{"v": 0.1}, {"v": "0.2"}]}"#,
                        locale: "cs-CZ", currency: "CZK")
    #expect(try bound.render(Template.parse("{{ n | money }}", at: here)) == "12\u{A0}345\u{A0}678\u{A0}901\u{A0}234\u{A0}567,89\u{A0}Kč")
    #expect(try bound.render(Template.parse("{{ s | amount }}", at: here)) == "98\u{A0}765\u{A0}432\u{A0}109\u{A0}876\u{A0}543\u{A0}210,01")
    #expect(try bound.render(Template.parse("{{ sum | sum('v') }}", at: here)) == "0.3")
    #expect(try bound.render(Template.parse("{{ sum | sum('v') | number(20) }}", at: here)) == "0,30000000000000000000")
    // ICU keeps 34 digits; a longer number is a format error, not a rounded amount.
    let tooLong = context(#"{"v": "1234567890123456789012345678901234.56"}"#)
    let error = try #require(layoutError { _ = try tooLong.render(Template.parse("{{ v | amount }}", at: here)) })
    #expect(error.kind == .format)
    #expect(error.dataPath == "$.v")
}

@Test func currenciesHaveTheirOwnDecimals() throws {
    let bound = context(#"{"v": 1234.5}"#, locale: "de-DE")
    #expect(try bound.render(Template.parse("{{ v | money('JPY') }} {{ v | money('BHD') }}", at: here)) == "1.235\u{A0}¥ 1.234,500\u{A0}BHD")
}

@Test func localesMayBeWrittenWithUnderscores() throws {
    let swiss = context(#"{"v": 1234.5}"#, locale: "de_CH")
    #expect(try swiss.render(Template.parse("{{ v | money('CHF') }}", at: here)) == "CHF\u{A0}1’234.50")
}

@Test func caseMappingFollowsTheLocale() throws {
    let bound = context(#"{"city": "istanbul", "word": "DİYARBAKIR"}"#, locale: "tr-TR")
    #expect(try bound.render(Template.parse("{{ city | upper }} {{ word | lower }}", at: here)) == "İSTANBUL diyarbakır")
    let english = context(#"{"city": "istanbul"}"#, locale: "en-GB")
    #expect(try english.render(Template.parse("{{ city | upper }}", at: here)) == "ISTANBUL")
}

@Test func datesAreCalendarDates() throws {
    let bound = context(#"{"leap": "2024-02-29", "old": "1500-03-01", "stamp": "2026-03-15T23:30:00-05:00", "bad": "2023-02-29"}"#,
                        locale: "en-GB")
    // The date as written: no time zone moves it, and dates before 1582 stay proleptic Gregorian.
    let text = try bound.render(Template.parse(#"{{ leap | date("yyyy-MM-dd EEE") }} {{ old | date("yyyy-MM-dd") }} {{ stamp | date }}"#, at: here))
    #expect(text == "2024-02-29 Thu 1500-03-01 15 Mar 2026")
    #expect(layoutError { _ = try bound.render(Template.parse("{{ bad | date }}", at: here)) }?.kind == .format)
    #expect(CalendarDay(allowingTimeIn: "1970-01-01")?.daysSinceEpoch == 0)
    #expect(CalendarDay(allowingTimeIn: "2026-03-15")?.daysSinceEpoch == 20527)
    #expect(CalendarDay(allowingTimeIn: "1969-12-31")?.daysSinceEpoch == -1)
    #expect(CalendarDay(allowingTimeIn: "15.03.2026") == nil)
    #expect(CalendarDay(allowingTimeIn: "2026-13-01") == nil)
    #expect(CalendarDay(allowingTimeIn: "2026-02-29") == nil && CalendarDay(allowingTimeIn: "2024-02-29") != nil)
    #expect(CalendarDay(allowingTimeIn: "2026-03-15T10:30:00+01:00")?.day == 15, "a time after the date is ignored")
    #expect(CalendarDay(iso: "2026-03-15T10:30") == nil, "the strict form is the date alone")
    #expect(CalendarDay(iso: "2026-03-15")?.format102 == "20260315")
}

extension CalendarDay {
    /// As the `date` formatter reads data: a time after the date is ignored.
    fileprivate init?(allowingTimeIn text: String) { self.init(iso: text, allowingTime: true) }
}

@Test func nestedFieldsInSums() throws {
    let bound = context(#"{"lines": [{"price": {"net": "10.50"}}, {"price": {"net": -3}}, {"price": {"net": "2"}}]}"#)
    #expect(try bound.render(Template.parse(#"{{ lines | sum("price.net") | amount }}"#, at: here)) == "9,50")
    #expect(try bound.render(Template.parse(#"{{ lines | credits("price.net") }}/{{ lines | debits("price.net") }}"#, at: here)) == "12.5/-3")
}

// MARK: Speed

/// Prints what one call costs; the budget is a few microseconds per formatted value (an invoice
/// formats ~100 values and the engine must render over 300 invoices a second on one core).
@Test func formattingSpeed() throws {
    let bound = context(invoice, locale: "cs-CZ", currency: "CZK")
    func measure(_ label: String, _ source: String, iterations: Int = 20_000) throws {
        let template = try Template.parse(source, at: here)
        _ = try bound.render(template)  // opens and caches the formatter
        let clock = ContinuousClock()
        let elapsed = try clock.measure {
            for _ in 0..<iterations { _ = try bound.render(template) }
        }
        let micros = Double(elapsed.components.attoseconds) / 1e12 + Double(elapsed.components.seconds) * 1e6
        print("binding speed: \(label): \(String(format: "%.2f", micros / Double(iterations))) µs per render")
    }
    try measure("money", "{{ total | money }}")
    try measure("amount (numeric text)", "{{ big | amount }}")
    try measure("percent", "{{ rate | percent }}")
    try measure("date (medium)", "{{ issued | date }}")
    try measure("date (pattern)", "{{ issued | date('dd.MM.yyyy') }}")
    try measure("upper", "{{ name | upper }}")
    try measure("plain field", "{{ name }}")
    try measure("label + field", "{{ name }}, {{ issued }}")
    try measure("sum of 4 + amount", "{{ items | sum('net') | amount }}")
    try measure("condition", "{{ rate > 20 and name }}")
}

/// Prints the cost of a whole invoice's binding: parsing its JSON record, then 100 formatted
/// values through a table's rows.
@Test func invoiceBindingSpeed() throws {
    var lines: [String] = []
    for index in 1...25 {
        lines.append(#"{"description": "Item \#(index)", "qty": \#(index), "unit_price": "\#(index * 7).50", "net": "\#(index * 91).25", "vat_rate": 21}"#)
    }
    let json = #"{"number": "2026-0042", "issued": "2026-03-15", "due": "2026-03-29", "currency": "CZK", "customer": {"name": "Ann"}, "items": ["#
        + lines.joined(separator: ", ") + "]}"
    let bytes = Array(json.utf8)
    let clock = ContinuousClock()
    let iterations = 2_000
    let parsing = try clock.measure { for _ in 0..<iterations { _ = try DataValue.parseJSON(bytes) } }
    let row = try Template.parse("{{ row.number }}. {{ item.description }} {{ item.qty | number }} {{ item.unit_price | money }} {{ item.net | amount }}",
                                 at: here)
    let header = try Template.parse("{{ number }} {{ issued | date }} {{ due | date('long') }} {{ customer.name }} {{ items | sum('net') | money }}",
                                    at: here)
    let rows = try PressroomLayout.Expression.parse("items", at: here)
    let binding = try clock.measure {
        for _ in 0..<iterations / 10 {
            let bound = BindingContext(record: try DataValue.parseJSON(bytes), locale: "cs-CZ", currency: "CZK", labels: LabelTable([:]))
            _ = try bound.render(header)
            for (index, item) in try bound.list(rows, at: here).enumerated() {
                let scoped = bound.with("item", item).with("row", BoundValue(.object(["number": .number(Decimal(index + 1))]), path: nil))
                _ = try scoped.render(row)
            }
        }
    }
    func micros(_ duration: Duration, per count: Int) -> Double {
        (Double(duration.components.seconds) * 1e6 + Double(duration.components.attoseconds) / 1e12) / Double(count)
    }
    print("binding speed: JSON record of \(bytes.count) bytes: \(String(format: "%.1f", micros(parsing, per: iterations))) µs per parse")
    print("binding speed: invoice (parse + 105 values): \(String(format: "%.0f", micros(binding, per: iterations / 10))) µs per invoice")
}

@Test func formattingFromManyThreadsAgrees() async throws {
    let locales = ["cs-CZ", "de-DE", "pl-PL", "uk-UA", "sr-RS", "en-GB"]
    let template = try Template.parse("{{ total | money }} {{ big | amount }} {{ issued | date('long') }} {{ name | upper }} {{ rate | percent }}",
                                      at: here)
    let serial = try locales.map { try context(invoice, locale: $0).render(template) }
    let results = try await withThrowingTaskGroup(of: Bool.self) { group in
        for task in 0..<8 {
            group.addTask {
                for round in 0..<300 {
                    let index = (task + round) % locales.count
                    guard try context(invoice, locale: locales[index]).render(template) == serial[index] else { return false }
                }
                return true
            }
        }
        return try await group.reduce(into: [Bool]()) { $0.append($1) }
    }
    #expect(results == Array(repeating: true, count: 8))
}
