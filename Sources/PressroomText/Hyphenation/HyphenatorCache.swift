// Maps BCP 47 language tags to Debian's hyphenation dictionaries (/usr/share/hyphen) and keeps one
// Hyphenator per dictionary file, so "de", "de-AT" and "de-CH" (symlinks to hyph_de_DE.dic) share one.

import Foundation
import Synchronization

final class HyphenatorCache: Sendable {
    static let shared = HyphenatorCache(directories: ["/usr/share/hyphen"])

    private struct Tables {
        var byDictionary: [String: Hyphenator?] = [:]  // resolved path → loaded (nil: failed to load)
        var byTag: [String: Hyphenator?] = [:]         // tag as asked → answer, so a word costs one lookup
    }

    private let directories: [String]
    private let tables = Mutex(Tables())

    init(directories: [String]) { self.directories = directories }

    func hyphenator(forLanguage bcp47: String) -> Hyphenator? {
        // Loading under the lock: a second thread asking for the same language waits instead of loading twice.
        tables.withLock { tables in
            if let known = tables.byTag[bcp47] { return known }
            var loaded: Hyphenator? = nil
            if let path = dictionaryPath(forLanguage: bcp47) {
                let key = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
                if let cached = tables.byDictionary[key] {
                    loaded = cached
                } else {
                    loaded = try? Hyphenator(dictionaryPath: key)
                    tables.byDictionary[key] = loaded
                }
            }
            tables.byTag[bcp47] = loaded
            return loaded
        }
    }

    /// The first installed file among the candidate names for the tag.
    func dictionaryPath(forLanguage bcp47: String) -> String? {
        for name in LanguageTag(bcp47)?.dictionaryNames ?? [] {
            for directory in directories {
                let path = directory + "/" + name
                if FileManager.default.isReadableFile(atPath: path) { return path }
            }
        }
        return nil
    }
}

/// The parts of a BCP 47 tag that select a dictionary: language, script and region (RFC 5646 §2.1).
struct LanguageTag: Equatable {
    let language: String  // lowercase, "sr"
    let script: String?   // titlecase, "Latn"
    let region: String?   // uppercase, "RS"

    init?(_ tag: String) {
        let subtags = tag.split(whereSeparator: { $0 == "-" || $0 == "_" }).map(String.init)
        guard let first = subtags.first, (2...3).contains(first.count), first.allSatisfy(\.isLetter),
              first.lowercased() != "und" else { return nil }
        language = first.lowercased()
        var script: String?, region: String?
        for subtag in subtags.dropFirst() {
            if subtag.count == 4, subtag.allSatisfy(\.isLetter), script == nil, region == nil {
                script = subtag.prefix(1).uppercased() + subtag.dropFirst().lowercased()
            } else if (subtag.count == 2 && subtag.allSatisfy(\.isLetter)) || (subtag.count == 3 && subtag.allSatisfy(\.isNumber)),
                      region == nil {
                region = subtag.uppercased()
            } else {
                break  // variants and extensions do not select a dictionary
            }
        }
        self.script = script
        self.region = region
    }

    /// Script of the language's unmarked dictionary (Debian's hyph_sr_RS.dic is Cyrillic).
    private var defaultScript: String {
        switch language {
        case "sr", "uk", "ru", "be", "bg", "mk": return "Cyrl"
        case "el": return "Grek"
        default: return "Latn"
        }
    }

    /// Region Debian uses for the language's main dictionary when the plain `hyph_xx.dic` link is missing.
    private var defaultRegion: String? {
        ["cs": "CZ", "pl": "PL", "uk": "UA", "sr": "RS", "de": "DE", "en": "US", "sk": "SK", "hu": "HU",
         "fr": "FR", "it": "IT", "es": "ES", "pt": "PT", "nl": "NL", "ru": "RU", "sl": "SI", "hr": "HR",
         "da": "DK", "sv": "SE", "nb": "NO", "nn": "NO", "fi": "FI", "ro": "RO", "lt": "LT", "lv": "LV",
         "el": "GR", "bg": "BG", "ca": "ES", "gl": "ES", "et": "EE", "is": "IS", "ga": "IE"][language]
    }

    /// File names to try, most specific first. A script other than the language's default only matches
    /// script-specific files, so "sr-Latn" never falls back to the Cyrillic patterns.
    var dictionaryNames: [String] {
        var names: [String] = []
        if let script, script != defaultScript {
            for region in [region, defaultRegion].compactMap({ $0 }) {
                names += ["hyph_\(language)-\(script)_\(region).dic", "hyph_\(language)_\(script)_\(region).dic"]
            }
            names += ["hyph_\(language)-\(script).dic", "hyph_\(language)_\(script).dic"]
            return names
        }
        if let region { names.append("hyph_\(language)_\(region).dic") }
        names.append("hyph_\(language).dic")
        if let defaultRegion { names.append("hyph_\(language)_\(defaultRegion).dic") }
        return names
    }
}
