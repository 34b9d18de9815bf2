// Text compared and hashed by its UTF-8 bytes, for the caches of set text. Swift's own String
// equality and hashing go by canonical equivalence and normalise non-ASCII text as they go,
// which made looking up a Czech or Ukrainian cell cost more than its key's other parts together.
// A cache wants the exact characters anyway: those are what is shaped.
import Foundation

enum ExactText {
    static func equal(_ lhs: String, _ rhs: String) -> Bool {
        var lhs = lhs, rhs = rhs
        return lhs.withUTF8 { left in
            rhs.withUTF8 { right in
                left.count == right.count && (left.isEmpty || memcmp(left.baseAddress!, right.baseAddress!, left.count) == 0)
            }
        }
    }

    static func combine(_ text: String, into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        hasher.combine(text.utf8.count)
    }
}
