// Errors raised while loading a libhyphen pattern dictionary (`hyph_*.dic`).
// Each case carries the dictionary path so the user can see which file is at fault.

public enum HyphenationError: Error, Equatable, CustomStringConvertible {
    /// The file does not exist.
    case dictionaryNotFound(path: String)
    /// The file exists but could not be read (permissions, I/O error); `errno` as reported by the C library.
    case dictionaryUnreadable(path: String, errno: Int32)
    /// The encoding named on the dictionary's first line is unknown to iconv, or the text is not valid in it.
    case unsupportedEncoding(path: String, encoding: String)
    /// libhyphen refused the (recoded) pattern text.
    case invalidDictionary(path: String)

    public var description: String {
        switch self {
        case .dictionaryNotFound(let path):
            return "Hyphenation dictionary \(path) does not exist; install the matching hyphen-* package or fix the path."
        case .dictionaryUnreadable(let path, let errno):
            return "Hyphenation dictionary \(path) cannot be read (errno \(errno)); check its permissions."
        case .unsupportedEncoding(let path, let encoding):
            return "Hyphenation dictionary \(path) declares encoding \"\(encoding)\" on its first line, which cannot be converted to UTF-8; recode the file or fix its first line."
        case .invalidDictionary(let path):
            return "Hyphenation dictionary \(path) is not a valid libhyphen pattern file; reinstall it or use another dictionary."
        }
    }
}
