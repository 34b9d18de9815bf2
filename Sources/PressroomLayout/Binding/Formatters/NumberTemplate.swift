// A fixed-decimal number format (money, amount, number(n) up to 5 decimals) learnt from ICU and then applied by
// hand: amounts are mostly different from record to record, so the formatter's memory does not
// help them, and ICU took 3–4 % of an invoice's time. The template is read off what ICU writes
// for a probe number (prefix, grouping, decimal separator, suffix, the negative form), then
// checked against ICU on numbers of every size and sign; a locale whose format it cannot
// reproduce exactly (other digits, other grouping) keeps ICU for everything. Values with more
// decimals than the format shows (which need rounding), negative zero and numbers over 30
// digits go to ICU too.

struct NumberTemplate: Sendable {
    private let prefix: String
    private let suffix: String
    private let negativePrefix: String
    private let negativeSuffix: String
    private let group: String
    /// 1: 1 234 is grouped; 2: only from 10 000 on (Polish, Spanish).
    private var minimumGrouping: Int
    private let decimalSeparator: String
    private let decimals: Int

    /// Learns the format `icu` writes; nil if these templates cannot reproduce it exactly.
    init?(learningFrom icu: (String) -> String?) {
        // Seven integer digits and fraction digits that round down at any precision up to five.
        guard let positive = icu("1234567.123444"), let negative = icu("-1234567.123444") else { return nil }
        let scalars = Array(positive.unicodeScalars)
        let digitIndices = scalars.indices.filter { ("0"..."9").contains(scalars[$0]) }
        let digits = String(String.UnicodeScalarView(digitIndices.map { scalars[$0] }))
        let decimals = digits.unicodeScalars.count - 7
        guard (0...5).contains(decimals), digits == "1234567" + "12344".prefix(decimals),
              let first = digitIndices.first, let last = digitIndices.last else { return nil }
        func between(_ index: Int) -> String {
            String(String.UnicodeScalarView(scalars[(digitIndices[index] + 1)..<digitIndices[index + 1]]))
        }
        let separators = (0..<6).map(between)
        let group = separators[0]
        guard separators == [group, "", "", group, "", ""] else { return nil }
        self.group = group
        decimalSeparator = decimals > 0 ? between(6) : ""
        guard decimals == 0 || (!decimalSeparator.isEmpty && (7..<(6 + decimals)).allSatisfy { between($0).isEmpty }) else { return nil }
        self.decimals = decimals
        prefix = String(String.UnicodeScalarView(scalars[..<first]))
        suffix = String(String.UnicodeScalarView(scalars[(last + 1)...]))
        // The negative form around the same digits.
        let core = String(String.UnicodeScalarView(scalars[first...last]))
        guard let range = negative.range(of: core) else { return nil }
        negativePrefix = String(negative[..<range.lowerBound])
        negativeSuffix = String(negative[range.upperBound...])
        minimumGrouping = 1  // so that `render` can run: every property has a value
        // Whether four-digit numbers are grouped.
        minimumGrouping = icu("1234") == render(integer: Array("1234".utf8)[...], fraction: [], negative: false) ? 1 : 2
        for probe in ["0", "0.5", "7", "-7", "12.3", "123.45", "1234", "-1234.5", "9999.99", "10000", "12345.67", "123456.78",
                      "-1234567.89", "1234567890.12", "1000000000000", "0.01", "-0.5"] {
            // A probe with more decimals than the format shows goes to ICU anyway.
            guard let written = format(probe) else { continue }
            guard written == icu(probe) else { return nil }
        }
    }

    /// `digits` in decNumber syntax ("-1234.5", "123450E-2") written as the format does, or nil
    /// when ICU must: more decimals than shown (rounding), negative zero, a long number, or
    /// anything but plain digits.
    func format(_ digits: String) -> String? {
        guard let (integer, fraction, negative) = Self.parse(digits, decimals: decimals),
              integer.count + decimals <= 30 else { return nil }
        return render(integer: integer, fraction: fraction, negative: negative)
    }

    /// The digits before and after the point (no leading zeros but one, fraction trimmed of
    /// trailing zeros down to `decimals`), or nil as `format` says.
    private static func parse(_ text: String, decimals: Int) -> (integer: ArraySlice<UInt8>, fraction: ArraySlice<UInt8>, negative: Bool)? {
        var text = text
        return text.withUTF8 { bytes -> (integer: ArraySlice<UInt8>, fraction: ArraySlice<UInt8>, negative: Bool)? in
            func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
            var index = 0
            let negative = bytes.first == UInt8(ascii: "-")
            if negative { index = 1 }
            // The significand's digits, without the point, and where the point was.
            var digits: [UInt8] = []
            digits.reserveCapacity(bytes.count)
            while index < bytes.count, isDigit(bytes[index]) { digits.append(bytes[index]); index += 1 }
            var point = digits.count
            guard point > 0 else { return nil }
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                index += 1
                let start = index
                while index < bytes.count, isDigit(bytes[index]) { digits.append(bytes[index]); index += 1 }
                guard index > start else { return nil }
            }
            if index < bytes.count, bytes[index] == UInt8(ascii: "E") {
                index += 1
                let minus = index < bytes.count && bytes[index] == UInt8(ascii: "-")
                if minus { index += 1 }
                var exponent = 0, count = 0
                while index < bytes.count, isDigit(bytes[index]), count < 3 {
                    exponent = exponent * 10 + Int(bytes[index] - 0x30)
                    index += 1
                    count += 1
                }
                guard count > 0, count <= 2 else { return nil }
                point += minus ? -exponent : exponent
            }
            guard index == bytes.count else { return nil }
            // Zeros the point moved past, before or after the digits.
            if point <= 0 {
                digits.insert(contentsOf: repeatElement(0x30, count: 1 - point), at: 0)
                point = 1
            } else if point > digits.count {
                digits.append(contentsOf: repeatElement(0x30, count: point - digits.count))
            }
            var first = 0
            while first < point - 1, digits[first] == 0x30 { first += 1 }
            var end = digits.count
            while end - point > decimals, digits[end - 1] == 0x30 { end -= 1 }
            guard end - point <= decimals else { return nil }
            let integer = digits[first..<point], fraction = digits[point..<end]
            // ICU writes -0 as 0 with its sign; leave zeros to it.
            if negative, integer.elementsEqual([0x30]), fraction.allSatisfy({ $0 == 0x30 }) { return nil }
            return (integer, fraction, negative)
        }
    }

    private func render(integer: ArraySlice<UInt8>, fraction: ArraySlice<UInt8>, negative: Bool) -> String {
        var text = negative ? negativePrefix : prefix
        let grouped = !group.isEmpty && integer.count >= 3 + minimumGrouping
        for (index, digit) in integer.enumerated() {
            if grouped, index > 0, (integer.count - index) % 3 == 0 { text += group }
            text.unicodeScalars.append(Unicode.Scalar(digit))
        }
        if decimals > 0 {
            text += decimalSeparator
            for digit in fraction { text.unicodeScalars.append(Unicode.Scalar(digit)) }
            for _ in fraction.count..<decimals { text += "0" }
        }
        text += negative ? negativeSuffix : suffix
        return text
    }
}
