// Internationalised domain names through ICU's UTS #46 (IDNA 2008, nontransitional, STD3 rules,
// CheckBidi, CheckJoiners): the ASCII form resolvers and SMTP servers take ("xn--mller-kva.de"),
// the Unicode form people read, and in words why a name is neither.
import CICUShim

public enum DomainName {
    public struct Invalid: Error, CustomStringConvertible, Sendable {
        public let description: String
    }

    /// The ASCII (Punycode) form of `name`, lower-cased and mapped as UTS #46 says.
    public static func ascii(_ name: String) throws -> String {
        let (text, errors) = convert(name, toASCII: true)
        if errors != 0 || text.isEmpty { throw Invalid(description: "the domain `\(name)` is not a valid internationalised name: \(reasons(errors))") }
        return text
    }

    /// The Unicode form of `name` (its Punycode labels decoded); `name` itself when it has none
    /// or cannot be decoded.
    public static func unicode(_ name: String) -> String {
        let (text, errors) = convert(name, toASCII: false)
        return errors == 0 && !text.isEmpty ? text : name
    }

    private static func convert(_ name: String, toASCII: Bool) -> (String, UInt32) {
        let input = Array(name.utf8).map { CChar(bitPattern: $0) }
        var capacity = max(64, input.count * 4 + 16)
        while true {
            var output = [CChar](repeating: 0, count: capacity)
            var errors: UInt32 = 0
            var status: Int32 = 0
            let length = toASCII
                ? pr_uidna_name_to_ascii(input, Int32(input.count), &output, Int32(capacity), &errors, &status)
                : pr_uidna_name_to_unicode(input, Int32(input.count), &output, Int32(capacity), &errors, &status)
            if status == 15 /* U_BUFFER_OVERFLOW_ERROR */ && Int(length) > capacity { capacity = Int(length) + 1; continue }
            if status > 0 { return ("", UInt32.max) }
            let bytes = output.prefix(Int(length)).map { UInt8(bitPattern: $0) }
            return (String(decoding: bytes, as: UTF8.self), errors)
        }
    }

    /// The UIDNA_ERROR_ bits (uidna.h) in words.
    static func reasons(_ errors: UInt32) -> String {
        if errors == UInt32.max { return "ICU could not process it" }
        let words: [(UInt32, String)] = [
            (0x1, "an empty label"), (0x2, "a label longer than 63 octets"), (0x4, "longer than 253 octets"),
            (0x8, "a label starting with a hyphen"), (0x10, "a label ending with a hyphen"),
            (0x20, "hyphens in the third and fourth places of a label"), (0x40, "a label starting with a combining mark"),
            (0x80, "a character not allowed in domain names"), (0x100, "bad Punycode"), (0x200, "a dot inside a label"),
            (0x400, "an xn-- label that is not valid Punycode"), (0x800, "right-to-left and left-to-right text mixed against the Bidi rule"),
            (0x1000, "a zero-width joiner where it may not stand"), (0x2000, "punctuation where its context forbids it"),
            (0x4000, "Arabic-Indic and extended digits mixed"),
        ]
        let found = words.filter { errors & $0.0 != 0 }.map(\.1)
        return found.isEmpty ? "it is empty" : found.joined(separator: ", ")
    }
}
