// Loads a libhyphen `.dic` file as UTF-8: Debian's dictionaries declare an 8-bit encoding on their first line
// (ISO8859-1/-2/-5, UTF-8), so the text is recoded with iconv and handed to libhyphen through an fmemopen FILE*.

import CHyphen
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

enum PatternDictionaryLoader {
    /// Reads, recodes and parses the dictionary at `path`. The caller owns the result (`hnj_hyphen_free`).
    static func load(path: String) throws -> UnsafeMutablePointer<HyphenDict> {
        let bytes = try readFile(path: path)
        let (encoding, body) = splitEncodingLine(bytes)
        var utf8Text: [UInt8] = Array("UTF-8\n".utf8)
        if isUTF8(encoding) {
            utf8Text += body
        } else {
            guard let recoded = recode(body, from: encoding) else {
                throw HyphenationError.unsupportedEncoding(path: path, encoding: encoding)
            }
            utf8Text += recoded
        }
        guard let dict = parse(utf8Text) else { throw HyphenationError.invalidDictionary(path: path) }
        return dict
    }

    // MARK: - Steps

    private static func readFile(path: String) throws -> [UInt8] {
        guard let file = fopen(path, "rb") else {
            let error = errno
            if error == ENOENT || error == ENOTDIR { throw HyphenationError.dictionaryNotFound(path: path) }
            throw HyphenationError.dictionaryUnreadable(path: path, errno: error)
        }
        defer { fclose(file) }
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
            if count > 0 { result += chunk[0..<count] }
            if count < chunk.count {
                if ferror(file) != 0 { throw HyphenationError.dictionaryUnreadable(path: path, errno: errno) }
                break
            }
        }
        return result
    }

    /// The first line names the encoding (libhyphen's convention). A file without one is taken as UTF-8,
    /// the first line then being a pattern that must be kept.
    private static func splitEncodingLine(_ bytes: [UInt8]) -> (encoding: String, body: ArraySlice<UInt8>) {
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }  // UTF-8 byte-order mark
        let end = bytes[start...].firstIndex(where: { $0 == 0x0A || $0 == 0x0D }) ?? bytes.count
        let line = String(decoding: bytes[start..<end], as: UTF8.self).trimmingSpaces()
        let looksLikeName = !line.isEmpty && line.count < 20
            && line.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || "0123456789-_:".unicodeScalars.contains($0)) }
            && line.unicodeScalars.contains { $0.properties.isAlphabetic }
            && !line.hasPrefix("LEFTHYPHENMIN") && !line.hasPrefix("RIGHTHYPHENMIN")
        if looksLikeName { return (line, bytes[end...]) }
        return ("UTF-8", bytes[start...])
    }

    private static func isUTF8(_ encoding: String) -> Bool {
        let normalized = encoding.uppercased().filter { $0 != "-" && $0 != "_" }
        return normalized == "UTF8"
    }

    /// iconv from Glibc; nil when the encoding is unknown or the text is invalid in it.
    private static func recode(_ input: ArraySlice<UInt8>, from encoding: String) -> [UInt8]? {
        let descriptor = iconv_open("UTF-8", encoding)
        guard let descriptor, descriptor != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(descriptor) }
        var source = Array(input)
        var output = [UInt8](repeating: 0, count: source.count * 4 + 16)  // 8-bit → UTF-8 grows at most ×3
        let produced: Int? = source.withUnsafeMutableBufferPointer { sourceBuffer in
            output.withUnsafeMutableBufferPointer { outputBuffer in
                var inPointer = UnsafeMutableRawPointer(sourceBuffer.baseAddress)?.assumingMemoryBound(to: CChar.self)
                var inLeft = sourceBuffer.count
                var outPointer = UnsafeMutableRawPointer(outputBuffer.baseAddress)?.assumingMemoryBound(to: CChar.self)
                var outLeft = outputBuffer.count
                if inLeft > 0, iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft) == -1 { return nil }
                guard inLeft == 0 else { return nil }
                return outputBuffer.count - outLeft
            }
        }
        guard let produced else { return nil }
        return Array(output[0..<produced])
    }

    private static func parse(_ text: [UInt8]) -> UnsafeMutablePointer<HyphenDict>? {
        var buffer = text
        return buffer.withUnsafeMutableBytes { raw -> UnsafeMutablePointer<HyphenDict>? in
            guard let file = fmemopen(raw.baseAddress, raw.count, "r") else { return nil }
            defer { fclose(file) }
            return hnj_hyphen_load_file(file)
        }
    }
}

private extension String {
    func trimmingSpaces() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }
}
