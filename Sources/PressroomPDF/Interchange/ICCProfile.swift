// An ICC colour profile as PDF embeds it (§8.6.5.5): the bytes, the number of colour components
// (/N) read from the header's colour space, and the names an output intent gives it.
import Foundation

public struct ICCProfile: Sendable {
    public let bytes: [UInt8]
    /// 1 (GRAY), 3 (RGB) or 4 (CMYK).
    public let components: Int
    /// The output condition it stands for, e.g. "sRGB IEC61966-2.1".
    public let identifier: String
    /// The profile Flate-compressed once at the smallest level: every document of a batch embeds
    /// the same bytes.
    let compressed: [UInt8]

    /// Reads a profile, checking its signature ("acsp"), class (monitor or printer, as an output
    /// intent needs) and colour space.
    public init(bytes: [UInt8], identifier: String, source: String) throws(PDFDocumentError) {
        guard bytes.count >= 132, bytes[36..<40].elementsEqual(Array("acsp".utf8)) else {
            throw .invalidICCProfile(source: source, detail: "not an ICC profile (no 'acsp' signature)")
        }
        let profileClass = String(decoding: bytes[12..<16], as: UTF8.self)
        guard profileClass == "mntr" || profileClass == "prtr" else {
            throw .invalidICCProfile(source: source, detail: "its class is '\(profileClass)'; an output intent needs a monitor or printer profile")
        }
        switch String(decoding: bytes[16..<20], as: UTF8.self) {
        case "GRAY": components = 1
        case "RGB ": components = 3
        case "CMYK": components = 4
        case let space: throw .invalidICCProfile(source: source, detail: "its colour space '\(space)' is not GRAY, RGB or CMYK")
        }
        self.bytes = bytes
        self.identifier = identifier
        compressed = Flate.compress(bytes, level: 12)
    }

    /// Where Debian's icc-profiles-free puts the sRGB IEC 61966-2.1 profile.
    public static let sRGBPath = "/usr/share/color/icc/sRGB.icc"

    /// The sRGB profile the digital variant's PDF/A output intent embeds.
    public static func sRGB(path: String = sRGBPath) throws(PDFDocumentError) -> ICCProfile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .invalidICCProfile(source: path, detail: "cannot be read; install Debian's icc-profiles-free (bash .ci/setup-system.sh)")
        }
        return try ICCProfile(bytes: [UInt8](data), identifier: "sRGB IEC61966-2.1", source: path)
    }
}
