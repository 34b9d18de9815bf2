// The process-wide cache of opened ICU formatters, one per (locale, format): opening one costs
// tens of microseconds and more, formatting with an open one a fraction of a microsecond.
import Foundation
import Synchronization

final class FormatterCache: Sendable {
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

    private struct Tables {
        var numbers: [NumberKey: ICUNumberFormatter] = [:]
        var dates: [DateKey: ICUDateFormat] = [:]
        var caseMaps: [String: ICUCaseMap] = [:]
        var icuLocales: [String: String] = [:]
    }

    private let tables = Mutex(Tables())

    /// `locale` is a BCP 47 tag ("cs-CZ").
    func numberFormatter(_ style: NumberStyle, locale: String) throws(FormatFailure) -> ICUNumberFormatter {
        try cached(\.numbers, NumberKey(style: style, locale: locale)) { tables throws(FormatFailure) in
            try ICUNumberFormatter(style, icuLocale: Self.icuLocale(locale, in: &tables))
        }
    }

    func dateFormat(_ style: DateStyle, locale: String) throws(FormatFailure) -> ICUDateFormat {
        try cached(\.dates, DateKey(style: style, locale: locale)) { tables throws(FormatFailure) in
            try ICUDateFormat(style, icuLocale: Self.icuLocale(locale, in: &tables))
        }
    }

    func caseMap(locale: String) throws(FormatFailure) -> ICUCaseMap {
        try cached(\.caseMaps, locale) { tables throws(FormatFailure) in try ICUCaseMap(icuLocale: Self.icuLocale(locale, in: &tables)) }
    }

    /// Looks `key` up under the lock, opening (also under the lock, so never twice) when absent.
    /// Inlined, so that each caller's key path is a plain field access: projected through a key
    /// path at run time, every number formatted looked up generic metadata.
    @inline(__always)
    private func cached<Key: Hashable, Value: Sendable>(_ table: WritableKeyPath<Tables, [Key: Value]>, _ key: Key,
                                                        open: (inout Tables) throws(FormatFailure) -> Value) throws(FormatFailure) -> Value {
        let result: Result<Value, FormatFailure> = tables.withLock { tables in
            if let value = tables[keyPath: table][key] { return .success(value) }
            do throws(FormatFailure) {
                let value = try open(&tables)
                if tables[keyPath: table].count >= Self.capacity { tables[keyPath: table].removeAll() }
                tables[keyPath: table][key] = value
                return .success(value)
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// Called with the lock held.
    private static func icuLocale(_ tag: String, in tables: inout Tables) -> String {
        if let known = tables.icuLocales[tag] { return known }
        let identifier = ICULocale.identifier(forTag: tag)
        if tables.icuLocales.count >= capacity { tables.icuLocales.removeAll() }
        tables.icuLocales[tag] = identifier
        return identifier
    }
}
