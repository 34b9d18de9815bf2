// Why a font file could not be used, named by file.

public enum FontError: Error, CustomStringConvertible, Equatable {
    case unreadable(source: String)
    case empty(source: String)
    case truncated(source: String, detail: String)
    case notAFont(source: String)
    case corrupt(source: String, detail: String)

    public var description: String {
        switch self {
        case .unreadable(let source):
            return "Font file \(source) cannot be read; check that it exists and is readable."
        case .empty(let source):
            return "Font file \(source) is empty (0 bytes); replace it with a TrueType, OpenType or .ttc file."
        case .truncated(let source, let detail):
            return "Font file \(source) is truncated: \(detail); the file was cut short, copy it again."
        case .notAFont(let source):
            return "File \(source) is not a TrueType, OpenType or TrueType-collection font."
        case .corrupt(let source, let detail):
            return "Font file \(source) is damaged: \(detail)."
        }
    }
}
