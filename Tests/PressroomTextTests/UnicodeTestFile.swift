// Reads Unicode's conformance files from Debian's unicode-data package: version header, data lines.
import CICUShim
import Foundation
import Testing

enum UnicodeTestFileError: Error, CustomStringConvertible {
    case missing(path: String)
    case malformed(path: String, line: Int, reason: String)

    var description: String {
        switch self {
        case .missing(let path):
            "\(path) not found: install Unicode's data files with `apt-get install unicode-data`"
        case .malformed(let path, let line, let reason):
            "\(path):\(line): \(reason)"
        }
    }
}

struct UnicodeTestFile {
    /// Unicode version from the first line, e.g. "15.0.0" from "# LineBreakTest-15.0.0.txt".
    let version: String
    /// Data lines with their 1-based line numbers; comments and blank lines are dropped.
    let lines: [(number: Int, fields: [Substring])]
    let path: String

    /// The Unicode version ICU was built with, e.g. "15.0".
    static var icuUnicodeVersion: String { String(cString: pr_icu_unicode_version()) }

    init(path: String) throws {
        guard let contents = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw UnicodeTestFileError.missing(path: path)
        }
        self.path = path
        let all = contents.split(separator: "\n", omittingEmptySubsequences: false)
        version = all.first.flatMap { $0.split(separator: "-").last?.replacingOccurrences(of: ".txt", with: "") } ?? "?"
        lines = all.enumerated().compactMap { index, line in
            let data = line.prefix { $0 != "#" }
            guard !data.allSatisfy(\.isWhitespace) else { return nil }
            return (index + 1, data.split(separator: ";", omittingEmptySubsequences: false))
        }
    }

    func malformed(_ line: Int, _ reason: String) -> UnicodeTestFileError {
        .malformed(path: path, line: line, reason: reason)
    }

    /// "Unicode 15.0.0 (ICU: 15.0)", flagging a mismatch, which shows up as failures in ICU itself.
    var versionNote: String {
        let icu = Self.icuUnicodeVersion
        let match = version == icu || version.hasPrefix(icu + ".")
        return "Unicode \(version), ICU built for \(icu)\(match ? "" : " — VERSION MISMATCH")"
    }
}

/// UTF-16 for a list of code points, with the UTF-16 offset where each code point starts.
/// Lone surrogates (which the test files use) stay single units.
func utf16(codePoints: [UInt32]) -> (units: [UInt16], starts: [Int]) {
    var units: [UInt16] = []
    var starts: [Int] = []
    for cp in codePoints {
        starts.append(units.count)
        if cp < 0x10000 {
            units.append(UInt16(cp))
        } else {
            units.append(0xD800 + UInt16((cp - 0x10000) >> 10))
            units.append(0xDC00 + UInt16((cp - 0x10000) & 0x3FF))
        }
    }
    return (units, starts)
}

@Test func missingUnicodeDataFileSaysHowToInstallIt() {
    #expect {
        try UnicodeTestFile(path: "/usr/share/unicode/NoSuchTest.txt")
    } throws: { error in
        "\(error)".contains("apt-get install unicode-data")
    }
}
