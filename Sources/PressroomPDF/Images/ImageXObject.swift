// Writes a decoded raster image as an image XObject (ISO 32000-1 §8.9.5): samples Flate-compressed
// or JPEG passed through as DCTDecode, an ICC profile when the file carries one, and alpha as a
// soft mask (§11.6.5.3).

enum ImageXObject {
    /// Writes the image (and its soft mask) and returns whether it has transparency.
    static func write(_ image: RasterImage, to file: PDFFileWriter, reference: PDFReference) -> Bool {
        var dictionary: PDFDictionary = [
            "Type": PDFName("XObject").object,
            "Subtype": PDFName("Image").object,
            "Width": .integer(image.width),
            "Height": .integer(image.height),
            "BitsPerComponent": .integer(image.bitsPerComponent),
        ]
        dictionary["ColorSpace"] = colourSpace(of: image, file: file)
        if image.decodeInverted {
            dictionary["Decode"] = .array(Array(repeating: [PDFObject.integer(1), .integer(0)], count: 4).flatMap { $0 })
        }
        if let alpha = image.alpha {
            let mask = file.allocate()
            file.writeStream(mask, [
                "Type": PDFName("XObject").object, "Subtype": PDFName("Image").object,
                "Width": .integer(image.width), "Height": .integer(image.height),
                "ColorSpace": PDFName("DeviceGray").object,
                "BitsPerComponent": .integer(image.bitsPerComponent == 16 ? 16 : 8),
            ], data: alpha)
            dictionary["SMask"] = mask.object
        }
        switch image.encoding {
        case .dct:
            dictionary["Filter"] = PDFName("DCTDecode").object
            file.writeStream(reference, dictionary, data: image.data, alreadyEncoded: true)
        case .raw:
            file.writeStream(reference, dictionary, data: image.data)
        }
        return image.alpha != nil
    }

    private static func colourSpace(of image: RasterImage, file: PDFFileWriter) -> PDFObject {
        let device: PDFName
        let components: Int
        switch image.colourSpace {
        case .gray: device = "DeviceGray"; components = 1
        case .rgb: device = "DeviceRGB"; components = 3
        case .cmyk: device = "DeviceCMYK"; components = 4
        case .indexed(let palette):
            // §8.6.6.3: [/Indexed base hival lookup]
            return .array([PDFName("Indexed").object, PDFName("DeviceRGB").object,
                           .integer(palette.count / 3 - 1), .hexString(palette)])
        }
        if let profile = image.iccProfile {
            let reference = file.allocate()
            file.writeStream(reference, ["N": .integer(components), "Alternate": device.object], data: profile)
            return .array([PDFName("ICCBased").object, reference.object])
        }
        return device.object
    }
}
