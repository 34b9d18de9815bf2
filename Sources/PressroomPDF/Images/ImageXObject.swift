// A decoded raster image as an image XObject (ISO 32000-1 §8.9.5): samples Flate-compressed or
// JPEG passed through as DCTDecode, an ICC profile when the file carries one, and alpha as a soft
// mask (§11.6.5.3). Encoding and writing are separate steps, so a batch encodes each image once.

import PressroomImages

/// An image ready to write: each stream's dictionary (all but the references between them) and
/// its payload, compressed already.
struct EncodedImage {
    struct Stream {
        var dictionary: PDFDictionary
        var payload: [UInt8]
    }

    var image: Stream
    var mask: Stream?
    var profile: Stream?
    /// The device space's component count (1 gray, 3 RGB, 4 CMYK; an indexed image's base is RGB);
    /// nil when the image carries its own ICC profile.
    var deviceComponents: Int?
    var hasAlpha: Bool { mask != nil }
    var byteCount: Int { image.payload.count + (mask?.payload.count ?? 0) + (profile?.payload.count ?? 0) }
}

enum ImageXObject {
    /// Encodes the image's streams; `compress` Flate-compresses a payload, or returns nil when
    /// streams are written uncompressed.
    static func encode(_ image: RasterImage, compress: ([UInt8], Flate.StreamKind) -> [UInt8]?) -> EncodedImage {
        func stream(_ dictionary: PDFDictionary, _ data: [UInt8], _ kind: Flate.StreamKind) -> EncodedImage.Stream {
            guard let compressed = compress(data, kind) else { return EncodedImage.Stream(dictionary: dictionary, payload: data) }
            var dictionary = dictionary
            dictionary["Filter"] = PDFName("FlateDecode").object
            return EncodedImage.Stream(dictionary: dictionary, payload: compressed)
        }

        var dictionary: PDFDictionary = [
            "Type": PDFName("XObject").object,
            "Subtype": PDFName("Image").object,
            "Width": .integer(image.width),
            "Height": .integer(image.height),
            "BitsPerComponent": .integer(image.bitsPerComponent),
        ]
        let (space, components) = colourSpace(of: image)
        var profile: EncodedImage.Stream?
        let deviceComponents = image.iccProfile != nil && components > 0 ? nil : (components == 0 ? 3 : components)
        if let icc = image.iccProfile, components > 0 {
            // The ColorSpace entry, [/ICCBased ref], is completed when the image is written.
            profile = stream(["N": .integer(components), "Alternate": space], icc, .table)
        } else {
            dictionary["ColorSpace"] = space
        }
        if image.decodeInverted {
            dictionary["Decode"] = .array(Array(repeating: [PDFObject.integer(1), .integer(0)], count: 4).flatMap { $0 })
        }
        let mask = image.alpha.map { alpha in
            stream([
                "Type": PDFName("XObject").object, "Subtype": PDFName("Image").object,
                "Width": .integer(image.width), "Height": .integer(image.height),
                "ColorSpace": PDFName("DeviceGray").object,
                "BitsPerComponent": .integer(image.bitsPerComponent == 16 ? 16 : 8),
            ], alpha, .image)
        }
        let main: EncodedImage.Stream
        switch image.encoding {
        case .dct:
            dictionary["Filter"] = PDFName("DCTDecode").object
            main = EncodedImage.Stream(dictionary: dictionary, payload: image.data)
        case .raw:
            main = stream(dictionary, image.data, .image)
        }
        return EncodedImage(image: main, mask: mask, profile: profile, deviceComponents: deviceComponents)
    }

    /// Writes the image (with its soft mask and profile) as `reference`. `rgbSpace`: the colour
    /// space that stands for DeviceRGB in this document (`[/ICCBased sRGB]` under a CMYK output
    /// intent, where device RGB is not allowed), also as an indexed image's base.
    static func write(_ encoded: EncodedImage, to file: PDFFileWriter, reference: PDFReference, rgbSpace: PDFObject? = nil) {
        var dictionary = encoded.image.dictionary
        if let rgbSpace, encoded.profile == nil {
            func isDeviceRGB(_ object: PDFObject?) -> Bool {
                if case .name(let name)? = object { return name == PDFName("DeviceRGB") }
                return false
            }
            if isDeviceRGB(dictionary["ColorSpace"]) {
                dictionary["ColorSpace"] = rgbSpace
            } else if case .array(var indexed)? = dictionary["ColorSpace"], indexed.count == 4, isDeviceRGB(indexed[1]) {
                indexed[1] = rgbSpace
                dictionary["ColorSpace"] = .array(indexed)
            }
        }
        if let profile = encoded.profile {
            let profileReference = file.allocate()
            file.writeStream(profileReference, profile.dictionary, data: profile.payload, alreadyEncoded: true)
            dictionary["ColorSpace"] = .array([PDFName("ICCBased").object, profileReference.object])
        }
        if let mask = encoded.mask {
            let maskReference = file.allocate()
            file.writeStream(maskReference, mask.dictionary, data: mask.payload, alreadyEncoded: true)
            dictionary["SMask"] = maskReference.object
        }
        file.writeStream(reference, dictionary, data: encoded.image.payload, alreadyEncoded: true)
    }

    /// The device space and its component count; an indexed space is complete in itself (count 0).
    private static func colourSpace(of image: RasterImage) -> (PDFObject, Int) {
        switch image.colourSpace {
        case .gray: return (PDFName("DeviceGray").object, 1)
        case .rgb: return (PDFName("DeviceRGB").object, 3)
        case .cmyk: return (PDFName("DeviceCMYK").object, 4)
        case .indexed(let palette):
            // §8.6.6.3: [/Indexed base hival lookup]
            return (.array([PDFName("Indexed").object, PDFName("DeviceRGB").object,
                            .integer(palette.count / 3 - 1), .hexString(palette)]), 0)
        }
    }
}
