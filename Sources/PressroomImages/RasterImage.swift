// A decoded raster image in the shape an image XObject needs (ISO 32000-1 §8.9.5): samples or DCT bytes,
// colour space, bits per component, optional soft-mask samples and ICC profile. Writing the XObject is not done here.

/// The colour space of `RasterImage.data`. `indexed` carries the palette as RGB triples (§8.6.6.3: hival = count − 1).
public enum ImageColourSpace: Equatable, Sendable {
    case gray
    case rgb
    case cmyk
    case indexed(palette: [UInt8] /* RGB triples */)

    /// Samples per pixel in `RasterImage.data`.
    public var components: Int {
        switch self {
        case .gray, .indexed: return 1
        case .rgb: return 3
        case .cmyk: return 4
        }
    }
}

public struct RasterImage: Sendable {
    public enum Encoding: Sendable {
        /// Samples uncompressed, rows packed and byte-aligned, no PNG filter bytes, 16-bit samples big-endian.
        case raw
        /// A JPEG file as-is, for /DCTDecode.
        case dct
    }

    public let width: Int, height: Int
    public let colourSpace: ImageColourSpace
    /// 1, 2, 4, 8 or 16 (JPEG: 8).
    public let bitsPerComponent: Int
    public let encoding: Encoding
    /// Samples (`raw`) or the JPEG file (`dct`).
    public let data: [UInt8]
    /// DeviceGray soft-mask samples (§11.6.5.3), same width and height, always with the same `bitsPerComponent`
    /// as the colour samples (8 or 16); nil when the image is opaque (fully-opaque alpha channels are dropped).
    public let alpha: [UInt8]?
    /// From PNG iCCP or JPEG APP2 ICC_PROFILE, if any.
    public let iccProfile: [UInt8]?
    /// True for Adobe CMYK JPEGs, which store inverted samples and need /Decode [1 0 1 0 1 0 1 0].
    public let decodeInverted: Bool

    /// Images beyond these are refused before any image-sized allocation.
    public static let maxPixels = 200_000_000
    public static let maxSampleBytes = 1 << 30

    init(width: Int, height: Int, colourSpace: ImageColourSpace, bitsPerComponent: Int, encoding: Encoding,
         data: [UInt8], alpha: [UInt8]? = nil, iccProfile: [UInt8]? = nil, decodeInverted: Bool = false) {
        self.width = width
        self.height = height
        self.colourSpace = colourSpace
        self.bitsPerComponent = bitsPerComponent
        self.encoding = encoding
        self.data = data
        self.alpha = alpha
        self.iccProfile = iccProfile
        self.decodeInverted = decodeInverted
    }

    /// Decodes a PNG or passes a JPEG through, chosen by signature. `source` (a file name) goes into error messages.
    public static func decode(_ bytes: [UInt8], source: String) throws(ImageError) -> RasterImage {
        if bytes.isEmpty { throw .empty(source: source) }
        if PNGDecoder.hasSignature(bytes) { return try PNGDecoder.decode(bytes, source: source) }
        if JPEGInfo.hasSignature(bytes) { return try JPEGInfo.parse(bytes, source: source).image(bytes) }
        if bytes.count < PNGDecoder.signature.count && PNGDecoder.signature.starts(with: bytes) {
            throw .truncated(source: source)
        }
        throw .unsupportedFormat(source: source)
    }
}
