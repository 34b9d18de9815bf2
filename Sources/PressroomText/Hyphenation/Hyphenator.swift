// Hyphenation points of single words through libhyphen (Liang's patterns, as in TeX and LibreOffice).
// Words arrive as UTF-16; they are lowercased, split into letter runs and passed as UTF-8 to a recoded dictionary.

import CHyphen
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Unchecked: it holds a C pointer to the loaded dictionary (see below).
public final class Hyphenator: @unchecked Sendable {
    // libhyphen dictionaries are read-only after loading, so one may be shared by all threads.
    private let dictionary: UnsafeMutablePointer<HyphenDict>

    /// Characters kept at the start of a word (the dictionary's LEFTHYPHENMIN, else 2).
    public let leftHyphenMin: Int
    /// Characters kept at the end of a word (the dictionary's RIGHTHYPHENMIN, else 2).
    public let rightHyphenMin: Int

    /// The Debian dictionary for a BCP 47 tag ("cs", "de-AT", "sr-Latn", …), loaded once per dictionary file;
    /// nil when no dictionary is installed for the language (or it cannot be loaded).
    public static func forLanguage(_ bcp47: String) -> Hyphenator? {
        HyphenatorCache.shared.hyphenator(forLanguage: bcp47)
    }

    /// Loads a libhyphen `.dic` file in any encoding iconv knows (declared on its first line).
    public init(dictionaryPath: String) throws {
        dictionary = try PatternDictionaryLoader.load(path: dictionaryPath)
        let left = Int(dictionary.pointee.lhmin), right = Int(dictionary.pointee.rhmin)
        leftHyphenMin = left > 0 ? left : 2
        rightHyphenMin = right > 0 ? right : 2
    }

    deinit { hnj_hyphen_free(dictionary) }

    /// UTF-16 offsets `i` (0 < i < word.count, ascending) before which a hyphen may be inserted.
    /// Casing is ignored; digits, punctuation and other non-letters split the word into parts that are
    /// hyphenated separately, and no point is placed next to them or inside a grapheme cluster.
    public func hyphenationPoints(in word: [UInt16]) -> [Int] {
        guard word.count >= leftHyphenMin + rightHyphenMin else { return [] }
        let text = String(utf16Units: word)  // lone surrogates become U+FFFD: same length
        var graphemeStarts = Set<Int>()
        var offset = 0
        for character in text { graphemeStarts.insert(offset); offset += character.utf16.count }

        var points: [Int] = []
        for run in LetterRun.split(text) {
            points += hyphenate(run, graphemeStarts: graphemeStarts)
        }
        return points
    }

    private func hyphenate(_ run: LetterRun, graphemeStarts: Set<Int>) -> [Int] {
        // Lowercased UTF-8, remembering where each source scalar starts.
        // In a UTF-8 dictionary libhyphen reports points by code point index (hnj_hyphen_norm), not by byte.
        var bytes: [UInt8] = []
        var sourceOffsetAtCodePoint: [Int] = []  // UTF-16 offset of the source scalar starting here, or -1
        for (scalar, utf16Offset) in run.scalars {
            let lowered = LetterRun.isApostrophe(scalar) ? "'" : scalar.properties.lowercaseMapping
            bytes += lowered.utf8
            for (index, _) in lowered.unicodeScalars.enumerated() {
                sourceOffsetAtCodePoint.append(index == 0 ? utf16Offset : -1)
            }
        }
        // Letters of the run, counted as grapheme clusters, for LEFTHYPHENMIN/RIGHTHYPHENMIN.
        let runGraphemes = run.scalars.map(\.utf16Offset).filter { graphemeStarts.contains($0) }
        guard runGraphemes.count >= leftHyphenMin + rightHyphenMin, bytes.count < Int(Int32.max) - 8 else { return [] }

        // libhyphen takes the word's length but also reads it as a C string: NOHYPHEN strings (the
        // default level it adds to every dictionary has "'", "-", U+2013 and U+2019) are found with
        // strstr, which would run past an unterminated word and clear the hyphen flag next to
        // wherever it found one, outside the flags buffer.
        let wordLength = bytes.count
        bytes.append(0)
        var hyphens = [CChar](repeating: 0, count: wordLength + 5)
        var replacements: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = nil
        var positions: UnsafeMutablePointer<Int32>? = nil
        var cuts: UnsafeMutablePointer<Int32>? = nil
        let status = bytes.withUnsafeBufferPointer { wordBuffer in
            wordBuffer.withMemoryRebound(to: CChar.self) { word in
                hnj_hyphen_hyphenate3(dictionary, word.baseAddress, Int32(wordLength), &hyphens, nil,
                                      &replacements, &positions, &cuts,
                                      Int32(leftHyphenMin), Int32(rightHyphenMin), 0, 0)
            }
        }
        defer {
            // Non-standard points (German "Schiff=fahrt") come with malloc'ed replacement strings.
            if let replacements {
                for index in 0..<wordLength { free(replacements[index]) }
                free(replacements)
            }
            free(positions)
            free(cuts)
        }
        guard status == 0 else { return [] }

        let letterIndex = Dictionary(uniqueKeysWithValues: runGraphemes.enumerated().map { ($1, $0) })
        var points: [Int] = []
        for index in 0..<(sourceOffsetAtCodePoint.count - 1) where hyphens[index] & 1 == 1 {
            if let replacements, replacements[index] != nil { continue }  // needs a spelling change: skipped
            let offset = sourceOffsetAtCodePoint[index + 1]
            guard offset > 0, let letters = letterIndex[offset] else { continue }  // inside a scalar or cluster
            guard letters >= leftHyphenMin, runGraphemes.count - letters >= rightHyphenMin else { continue }
            guard !run.isNextToApostrophe(utf16Offset: offset) else { continue }
            points.append(offset)
        }
        return points
    }
}

/// A maximal run of letters (with combining marks and word-internal apostrophes) inside a word.
struct LetterRun {
    var scalars: [(scalar: Unicode.Scalar, utf16Offset: Int)] = []

    static func isApostrophe(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "'" || scalar == "\u{2019}" || scalar == "\u{02BC}"
    }

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark:
            return true
        default:
            return false
        }
    }

    static func split(_ text: String) -> [LetterRun] {
        var runs: [LetterRun] = []
        var current = LetterRun()
        let scalars = Array(text.unicodeScalars)
        var offset = 0
        for (index, scalar) in scalars.enumerated() {
            let internalApostrophe = isApostrophe(scalar) && !current.scalars.isEmpty
                && index + 1 < scalars.count && isLetter(scalars[index + 1])
            if isLetter(scalar) || internalApostrophe {
                current.scalars.append((scalar, offset))
            } else if !current.scalars.isEmpty {
                runs.append(current)
                current = LetterRun()
            }
            offset += scalar.utf16.count
        }
        if !current.scalars.isEmpty { runs.append(current) }
        return runs
    }

    func isNextToApostrophe(utf16Offset: Int) -> Bool {
        guard let index = scalars.firstIndex(where: { $0.utf16Offset == utf16Offset }), index > 0 else { return false }
        return Self.isApostrophe(scalars[index].scalar) || Self.isApostrophe(scalars[index - 1].scalar)
    }
}
