// An ICC colour profile as PDF embeds it (§8.6.5.5): the bytes, the number of colour components
// (/N) read from the header's colour space, and the names an output intent gives it.
import Foundation

public struct ICCProfile: Sendable {
    public let bytes: [UInt8]
    /// 1 (GRAY), 3 (RGB) or 4 (CMYK).
    public let components: Int
    /// The profile class: "prtr" (an output device: a press, a printer) or "mntr" (a display).
    public let deviceClass: String
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
        deviceClass = profileClass
        compressed = Flate.compress(bytes, level: 12)
    }

    /// A profile a press can print to: CMYK and of the output class, as PDF/X's output intent
    /// needs (ISO 15930-7 §6.2.3). `source` names it in errors.
    public static func cmykOutput(path: String, identifier: String? = nil) throws(PDFDocumentError) -> ICCProfile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .invalidICCProfile(source: path, detail: "cannot be read")
        }
        let profile = try ICCProfile(bytes: [UInt8](data), identifier: identifier ?? Self.description(of: [UInt8](data)) ?? path, source: path)
        guard profile.components == 4 else {
            throw .invalidICCProfile(source: path, detail: "is a \(profile.components == 3 ? "RGB" : "gray") profile; printing on a press needs a CMYK output profile")
        }
        guard profile.deviceClass == "prtr" else {
            throw .invalidICCProfile(source: path, detail: "is a display profile ('mntr'); printing on a press needs an output ('prtr') profile")
        }
        return profile
    }

    /// The bundled ISO Coated v2 300% (basICColor), the FOGRA39 characterization.
    public static func isoCoatedV2(directory: String = bundledDirectory) throws(PDFDocumentError) -> ICCProfile {
        try cmykOutput(path: directory + "/ISOcoated_v2_300_bas.icc", identifier: "ISO Coated v2 300% (basICColor)")
    }

    /// Where the bundled `Profiles/` folder is: `PRESSROOM_PROFILES`, else `./Profiles`, else the source tree's.
    public static var bundledDirectory: String {
        if let path = ProcessInfo.processInfo.environment["PRESSROOM_PROFILES"] { return path }
        let local = FileManager.default.currentDirectoryPath + "/Profiles"
        if FileManager.default.fileExists(atPath: local + "/ISOcoated_v2_300_bas.icc") { return local }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Profiles").path
    }

    /// The profile's own name: its 'desc' tag (ICC v2 textDescription or v4 multiLocalizedUnicode).
    static func description(of bytes: [UInt8]) -> String? {
        func u32(_ at: Int) -> Int? {
            guard at + 4 <= bytes.count else { return nil }
            return Int(bytes[at]) << 24 | Int(bytes[at + 1]) << 16 | Int(bytes[at + 2]) << 8 | Int(bytes[at + 3])
        }
        guard let count = u32(128), count < 1000 else { return nil }
        for index in 0..<count {
            let entry = 132 + index * 12
            guard entry + 12 <= bytes.count, String(decoding: bytes[entry..<entry + 4], as: UTF8.self) == "desc",
                  let offset = u32(entry + 4), let size = u32(entry + 8), offset + size <= bytes.count, size > 12 else { continue }
            let type = String(decoding: bytes[offset..<offset + 4], as: UTF8.self)
            if type == "desc", let length = u32(offset + 8), length > 1, offset + 12 + length <= bytes.count {
                return String(decoding: bytes[(offset + 12)..<(offset + 12 + length - 1)], as: UTF8.self)
            }
            if type == "mluc", let records = u32(offset + 8), records > 0, let length = u32(offset + 20), let start = u32(offset + 24),
               offset + start + length <= bytes.count {
                var units: [UInt16] = []
                var at = offset + start
                while at + 1 < offset + start + length { units.append(UInt16(bytes[at]) << 8 | UInt16(bytes[at + 1])); at += 2 }
                return String(decoding: units, as: UTF16.self)
            }
        }
        return nil
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
