// JPEG marker parsing for /DCTDecode pass-through (ISO/IEC 10918-1 Annex B): frame size and components,
// the Adobe APP14 transform (CMYK inversion) and APP2 ICC_PROFILE chunks. The entropy-coded data is not decoded.

struct JPEGInfo {
    var width: Int
    var height: Int
    var components: Int
    /// APP14 "Adobe" transform byte (0 = none/CMYK, 1 = YCbCr, 2 = YCCK), nil without that segment.
    var adobeTransform: Int?
    var iccProfile: [UInt8]?

    static func hasSignature(_ bytes: [UInt8]) -> Bool { bytes.count >= 2 && bytes[0] == 0xFF && bytes[1] == 0xD8 }

    /// The file passed through unchanged. Adobe writes CMYK/YCCK JPEGs with inverted samples (the de-facto
    /// convention PDF readers follow), hence /Decode [1 0 1 0 1 0 1 0] whenever a 4-component file carries APP14.
    func image(_ bytes: [UInt8]) -> RasterImage {
        let colour: ImageColourSpace = components == 1 ? .gray : components == 3 ? .rgb : .cmyk
        return RasterImage(width: width, height: height, colourSpace: colour, bitsPerComponent: 8, encoding: .dct,
                           data: bytes, iccProfile: iccProfile, decodeInverted: components == 4 && adobeTransform != nil)
    }

    static func parse(_ bytes: [UInt8], source: String) throws(ImageError) -> JPEGInfo {
        var frame: (width: Int, height: Int, components: Int)?
        var adobeTransform: Int?
        var iccChunks: [Int: ArraySlice<UInt8>] = [:]
        var iccCount: Int?
        var iccConsistent = true
        let n = bytes.count
        var i = 2  // after SOI

        func be16(_ at: Int) -> Int { Int(bytes[at]) << 8 | Int(bytes[at + 1]) }

        while true {
            guard i < n else { throw .truncated(source: source) }
            guard bytes[i] == 0xFF else {
                throw .corrupt(source: source, detail: "expected a JPEG marker at byte \(i)")
            }
            while i < n && bytes[i] == 0xFF { i += 1 }  // fill bytes (B.1.1.2)
            guard i < n else { throw .truncated(source: source) }
            let marker = bytes[i]
            i += 1
            switch marker {
            case 0xD9:  // EOI
                guard let frame else { throw .corrupt(source: source, detail: "no frame header before the end of the image") }
                var icc: [UInt8]?
                if iccConsistent, let count = iccCount, (1...count).allSatisfy({ iccChunks[$0] != nil }) {
                    icc = (1...count).flatMap { iccChunks[$0]! }
                }
                return JPEGInfo(width: frame.width, height: frame.height, components: frame.components,
                                adobeTransform: adobeTransform, iccProfile: icc)
            case 0x01, 0xD0...0xD7:  // TEM, RSTn: no length
                continue
            case 0x00, 0xD8:
                let hex = String(marker, radix: 16, uppercase: true)
                throw .corrupt(source: source, detail: "unexpected marker FF\(hex.count == 1 ? "0" : "")\(hex) at byte \(i - 2)")
            default:
                break
            }
            guard i + 2 <= n else { throw .truncated(source: source) }
            let length = be16(i)
            guard length >= 2 else { throw .corrupt(source: source, detail: "segment length \(length) at byte \(i)") }
            guard i + length <= n else { throw .truncated(source: source) }
            let segment = bytes[(i + 2)..<(i + length)]
            i += length

            switch marker {
            case 0xC0, 0xC1, 0xC2:  // baseline, extended sequential, progressive (Huffman)
                guard frame == nil else { throw .corrupt(source: source, detail: "more than one frame header") }
                guard segment.count >= 6 else { throw .corrupt(source: source, detail: "short frame header") }
                let s = segment.startIndex
                let precision = Int(segment[s])
                let height = Int(segment[s + 1]) << 8 | Int(segment[s + 2])
                let width = Int(segment[s + 3]) << 8 | Int(segment[s + 4])
                let components = Int(segment[s + 5])
                guard precision == 8 else { throw .unsupportedFeature(source: source, detail: "\(precision)-bit JPEG samples") }
                guard [1, 3, 4].contains(components) else {
                    throw .unsupportedFeature(source: source, detail: "a JPEG with \(components) colour components")
                }
                guard height > 0 else {
                    throw .unsupportedFeature(source: source, detail: "a JPEG height given only by a DNL marker")
                }
                guard width > 0 else { throw .corrupt(source: source, detail: "frame header with width 0") }
                if width * height > RasterImage.maxPixels || width * height * components > RasterImage.maxSampleBytes {
                    throw .tooLarge(source: source, width: width, height: height)
                }
                frame = (width, height, components)
            case 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF:
                throw .unsupportedFeature(source: source, detail: "lossless, hierarchical or arithmetic-coded JPEG")
            case 0xE2 where segment.starts(with: iccSignature) && segment.count >= 14:
                // ICC.1 Annex B.4: "ICC_PROFILE\0", sequence number (1-based), chunk count, data.
                let s = segment.startIndex
                let sequence = Int(segment[s + 12]), count = Int(segment[s + 13])
                if iccCount == nil { iccCount = count }
                if count != iccCount || sequence < 1 || sequence > count || iccChunks[sequence] != nil {
                    iccConsistent = false  // a broken profile is dropped; it is ancillary, like a PNG iCCP warning
                }
                iccChunks[sequence] = segment.dropFirst(14)
            case 0xEE where segment.starts(with: Array("Adobe".utf8)) && segment.count >= 12:
                adobeTransform = Int(segment[segment.startIndex + 11])
            case 0xDA:  // SOS: skip the entropy-coded data up to the next marker
                guard frame != nil else { throw .corrupt(source: source, detail: "scan before the frame header") }
                i = try skipEntropyCodedData(bytes, from: i, source: source)
            default:
                break  // DHT, DQT, DRI, COM, other APPn
            }
        }
    }

    private static let iccSignature = Array("ICC_PROFILE\0".utf8)

    /// Index of the first marker after entropy-coded data (B.1.1.5: FF00 is a stuffed byte, RSTn may interleave).
    private static func skipEntropyCodedData(_ bytes: [UInt8], from start: Int, source: String) throws(ImageError) -> Int {
        let n = bytes.count
        var j = start
        while j < n {
            if bytes[j] == 0xFF {
                guard j + 1 < n else { break }
                let next = bytes[j + 1]
                if next == 0x00 || (0xD0...0xD7).contains(next) { j += 2; continue }
                if next == 0xFF { j += 1; continue }
                return j
            }
            j += 1
        }
        throw .truncated(source: source)
    }
}
