// Why a paragraph could not be set.

public enum TypesetError: Error, CustomStringConvertible, Equatable {
    case unknownFontFamily(String, available: [String])

    public var description: String {
        switch self {
        case .unknownFontFamily(let family, let available):
            return "Font family '\(family)' is not registered; available families: \(available.joined(separator: ", "))."
        }
    }
}
