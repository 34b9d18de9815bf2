// The process-wide cache of opened ICU formatters, one per (locale, format): opening one costs
// tens of microseconds and more, formatting with an open one a fraction of a microsecond.
import Foundation

final class FormatterCache: @unchecked Sendable {
    static let shared = FormatterCache()

    private struct NumberKey: Hashable {
        var style: NumberStyle
        var locale: String
    }
    private struct DateKey: Hashable {
        var style: DateStyle
        var locale: String
    }

    /// Formats come from layouts and currencies from records: few, but not bounded by the code,
    /// so a table that grows past this starts again rather than growing for ever.
    private static let capacity = 2048

    private let lock = NSLock()
    private var numbers: [NumberKey: ICUNumberFormatter] = [:]
    private var dates: [DateKey: ICUDateFormat] = [:]
    private var caseMaps: [String: ICUCaseMap] = [:]
    private var icuLocales: [String: String] = [:]

    /// `locale` is a BCP 47 tag ("cs-CZ").
    func numberFormatter(_ style: NumberStyle, locale: String) throws(FormatFailure) -> ICUNumberFormatter {
        try cached(&numbers, NumberKey(style: style, locale: locale)) { () throws(FormatFailure) in
            try ICUNumberFormatter(style, icuLocale: icuLocale(locale))
        }
    }

    func dateFormat(_ style: DateStyle, locale: String) throws(FormatFailure) -> ICUDateFormat {
        try cached(&dates, DateKey(style: style, locale: locale)) { () throws(FormatFailure) in
            try ICUDateFormat(style, icuLocale: icuLocale(locale))
        }
    }

    func caseMap(locale: String) throws(FormatFailure) -> ICUCaseMap {
        try cached(&caseMaps, locale) { () throws(FormatFailure) in try ICUCaseMap(icuLocale: icuLocale(locale)) }
    }

    /// Looks `key` up under the lock, opening (also under the lock, so never twice) when absent.
    private func cached<Key: Hashable, Value>(_ table: inout [Key: Value], _ key: Key,
                                              open: () throws(FormatFailure) -> Value) throws(FormatFailure) -> Value {
        lock.lock()
        defer { lock.unlock() }
        if let value = table[key] { return value }
        let value = try open()
        if table.count >= Self.capacity { table.removeAll() }
        table[key] = value
        return value
    }

    /// Called with the lock held.
    private func icuLocale(_ tag: String) -> String {
        if let known = icuLocales[tag] { return known }
        let identifier = ICULocale.identifier(forTag: tag)
        if icuLocales.count >= Self.capacity { icuLocales.removeAll() }
        icuLocales[tag] = identifier
        return identifier
    }
}
