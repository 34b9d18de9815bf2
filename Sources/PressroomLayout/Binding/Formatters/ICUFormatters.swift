// Owned handles to ICU's opened formatters (number skeleton formatter, date format, case map),
// each formatting a value into a Swift string; opened and shared by FormatterCache.
import CICUShim
import Foundation
import Synchronization

/// Why ICU could not open or apply a format; becomes a `.format` layout error where it is used.
struct FormatFailure: Error {
    var message: String
}

/// Formats ICU writes stay well under this; a larger result is retried with the size ICU asks for.
private let outputCapacity = 1024

/// Calls `body` with a temporary UTF-8 buffer; `body` returns the length it needs, and is called
/// again with a buffer that size when the first was too small.
private func withOutput(_ body: (UnsafeMutablePointer<CChar>, Int32, inout Int32) -> Int32) -> String? {
    func attempt(_ capacity: Int) -> (String?, needed: Int) {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: capacity) { buffer in
            var status: Int32 = 0
            let length = Int(body(buffer.baseAddress!, Int32(capacity), &status))
            guard status <= 0, length <= capacity else { return (nil, length) }
            let bytes = UnsafeRawBufferPointer(start: buffer.baseAddress, count: length)
            return (String(decoding: bytes, as: UTF8.self), length)
        }
    }
    let (first, needed) = attempt(outputCapacity)
    if first != nil || needed <= outputCapacity { return first }
    return attempt(needed).0
}

/// An ICU LocalizedNumberFormatter: immutable, so one is shared by all threads without a lock.
/// A fixed-decimal format is learnt as a template where that reproduces ICU exactly (amounts
/// mostly come once); what ICU itself formats is remembered: quantities, rates and prices repeat
/// from line to line and record to record, and a lookup costs a tenth of ICU's formatting.
final class ICUNumberFormatter: @unchecked Sendable {
    private let handle: OpaquePointer
    private let formatted = Mutex<[String: String]>([:])
    private static let rememberedNumbers = 4096
    private let template: NumberTemplate?

    /// `learnsTemplate` false: ICU formats everything (tests compare the two).
    init(_ style: NumberStyle, icuLocale: String, learnsTemplate: Bool = true) throws(FormatFailure) {
        var status: Int32 = 0
        let opened = pr_unumf_open(style.skeleton, icuLocale, &status)
        guard status <= 0, let opened else {
            throw FormatFailure(message: "ICU cannot open the number format `\(style.skeleton)` for \(icuLocale) (error \(status))")
        }
        handle = opened
        switch style {
        case .money, .amount, .number(_?): template = learnsTemplate ? NumberTemplate { Self.icu($0, handle: opened) } : nil
        case .number(nil), .percent: template = nil
        }
    }

    deinit { pr_unumf_close(handle) }

    /// Whether a template formats what it can (tests).
    var hasTemplate: Bool { template != nil }

    /// `digits` in decNumber syntax ("-1234.505", "123450E-2"), formatted exactly; nil if ICU refuses it.
    func format(digits: String) -> String? {
        if let text = template?.format(digits) { return text }
        if let known = formatted.withLock({ $0[digits] }) { return known }
        let text = Self.icu(digits, handle: handle)
        guard let text else { return nil }
        formatted.withLock { table in
            if table.count >= Self.rememberedNumbers { table.removeAll(keepingCapacity: true) }
            table[digits] = text
        }
        return text
    }

    /// ICU's own formatting of `digits`.
    private static func icu(_ digits: String, handle: OpaquePointer) -> String? {
        digits.withCString { text in
            withOutput { out, capacity, status in
                pr_unumf_format_decimal(handle, text, -1, out, capacity, &status)
            }
        }
    }
}

/// An ICU date format in UTC, learnt as a template where that reproduces ICU exactly. What ICU
/// formats is remembered per day (an invoice's issue and due dates, a batch's shared dates); the
/// lock also keeps ICU's format single-threaded.
final class ICUDateFormat: @unchecked Sendable {
    private let handle: OpaquePointer
    private let formatted = Mutex<[Int: String]>([:])
    private static let rememberedDays = 4096
    private let template: DateTemplate?

    /// `learnsTemplate` false: ICU formats every day (tests compare the two).
    init(_ style: DateStyle, icuLocale: String, learnsTemplate: Bool = true) throws(FormatFailure) {
        var status: Int32 = 0
        let opened: OpaquePointer?
        switch style {
        case .pattern(let pattern):
            var pattern = pattern
            opened = pattern.withUTF8 { bytes in
                bytes.withMemoryRebound(to: CChar.self) { pr_udat_open_pattern($0.baseAddress, Int32($0.count), icuLocale, &status) }
            }
        default:
            opened = pr_udat_open_style(style.icuStyle!, icuLocale, &status)
        }
        guard status <= 0, let opened else {
            throw FormatFailure(message: "ICU cannot open the date format \(style) for \(icuLocale) (error \(status))")
        }
        handle = opened
        // Learnt before the format is shared: ICU's format is used by one thread at a time.
        template = learnsTemplate ? DateTemplate { Self.icu(day: $0, handle: opened) } : nil
    }

    deinit { pr_udat_close(handle) }

    /// Whether a template formats the days (tests).
    var hasTemplate: Bool { template != nil }

    func format(daysSinceEpoch day: Int) -> String? {
        if let text = template?.format(daysSinceEpoch: day) { return text }
        return formatted.withLock { formatted in
            if let known = formatted[day] { return known }
            let text = Self.icu(day: day, handle: handle)
            if formatted.count >= Self.rememberedDays { formatted.removeAll(keepingCapacity: true) }
            formatted[day] = text
            return text
        }
    }

    private static func icu(day: Int, handle: OpaquePointer) -> String? {
        let millis = Double(day) * 86_400_000  // UDate: milliseconds since 1970-01-01T00:00Z
        return withOutput { out, capacity, status in pr_udat_format(handle, millis, out, capacity, &status) }
    }
}

/// ICU's locale-aware full case mapping (Turkish dotless i, German ß → SS); immutable, shared.
final class ICUCaseMap: @unchecked Sendable {
    private let handle: OpaquePointer

    init(icuLocale: String) throws(FormatFailure) {
        var status: Int32 = 0
        guard let opened = pr_ucasemap_open(icuLocale, &status), status <= 0 else {
            throw FormatFailure(message: "ICU cannot open case mapping for \(icuLocale) (error \(status))")
        }
        handle = opened
    }

    deinit { pr_ucasemap_close(handle) }

    func map(_ text: String, upper: Bool) -> String? {
        var text = text
        return text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { source in
                withOutput { out, capacity, status in
                    pr_ucasemap_utf8(handle, upper ? 1 : 0, source.baseAddress, Int32(source.count), out, capacity, &status)
                }
            }
        }
    }
}

enum ICULocale {
    /// A BCP 47 tag ("sr-Latn-RS", or written with underscores) as ICU's locale ID ("sr_Latn_RS").
    static func identifier(forTag tag: String) -> String {
        let bcp47 = tag.replacingOccurrences(of: "_", with: "-")
        return withOutput { out, capacity, status in pr_uloc_for_language_tag(bcp47, out, capacity, &status) } ?? tag
    }
}
