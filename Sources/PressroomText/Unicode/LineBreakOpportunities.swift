// Where a line may break (UAX #14), found by ICU's UBRK_LINE iterator through the CICUShim wrappers.
// One template iterator per locale is opened once and cloned per call, so repeated calls are cheap.
import CICUShim
import Foundation

public struct LineBreakOpportunity: Equatable, Sendable {
    /// UTF-16 offset: a line may break before this index.
    public let offset: Int
    /// A hard break after BK, CR, LF or NL (UAX #14 rules LB4, LB5): the line must end here.
    public let isMandatory: Bool

    public init(offset: Int, isMandatory: Bool) {
        self.offset = offset
        self.isMandatory = isMandatory
    }
}

public enum LineBreakOpportunities {
    /// Break opportunities in `utf16`, ascending, ending with `utf16.count` (empty for empty text).
    /// `locale` selects ICU's tailoring (e.g. "cs", "ja"); "" is the root locale's default rules.
    public static func find(in utf16: [UInt16], locale: String) -> [LineBreakOpportunity] {
        guard !utf16.isEmpty else { return [] }
        let iterator = BreakIteratorTemplates.shared.clone(locale: locale)
        defer { pr_ubrk_close(iterator) }
        return utf16.withUnsafeBufferPointer { text in
            var status: Int32 = 0
            pr_ubrk_set_text(iterator, text.baseAddress, Int32(text.count), &status)
            precondition(status <= 0, "ICU ubrk_setText failed with UErrorCode \(status)")
            var opportunities: [LineBreakOpportunity] = []
            _ = pr_ubrk_first(iterator)
            while case let offset = pr_ubrk_next(iterator), offset != PR_UBRK_DONE {
                // The rule status of the boundary just returned tells hard breaks from soft ones.
                let rule = pr_ubrk_get_rule_status(iterator)
                let isHard = rule >= PR_UBRK_LINE_HARD && rule < PR_UBRK_LINE_HARD_LIMIT
                opportunities.append(LineBreakOpportunity(offset: Int(offset), isMandatory: isHard))
            }
            return opportunities
        }
    }
}

/// Opened line iterators, one per locale, kept for the life of the process. ICU iterators are not
/// thread-safe, so they are only ever cloned (under the lock), never iterated.
private final class BreakIteratorTemplates: @unchecked Sendable {
    static let shared = BreakIteratorTemplates()
    private let lock = NSLock()
    private var templates: [String: OpaquePointer] = [:]

    func clone(locale: String) -> OpaquePointer {
        lock.withLock {
            var status: Int32 = 0
            let template: OpaquePointer
            if let cached = templates[locale] {
                template = cached
            } else {
                let opened = pr_ubrk_open_line(locale, nil, 0, &status)
                precondition(status <= 0 && opened != nil, "ICU ubrk_open(UBRK_LINE, \(locale)) failed with UErrorCode \(status); is libicu's data installed?")
                template = opened!
                templates[locale] = template
            }
            let copy = pr_ubrk_clone(template, &status)
            precondition(status <= 0 && copy != nil, "ICU ubrk_clone failed with UErrorCode \(status)")
            return copy!
        }
    }
}
