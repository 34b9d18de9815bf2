// TEMPORARY: stands in for the image decoder being written on another branch.
public enum ImageColourSpace: Equatable, Sendable { case gray, rgb, cmyk, indexed(palette: [UInt8]) }
public enum ImageError: Error { case unsupportedFormat(source: String) }
public struct RasterImage: Sendable {
    public enum Encoding: Sendable { case raw, dct }
    public let width: Int, height: Int
    public let colourSpace: ImageColourSpace
    public let bitsPerComponent: Int
    public let encoding: Encoding
    public let data: [UInt8]
    public let alpha: [UInt8]?
    public let iccProfile: [UInt8]?
    public let decodeInverted: Bool
    public static func decode(_ bytes: [UInt8], source: String) throws(ImageError) -> RasterImage {
        throw .unsupportedFormat(source: source)
    }
}
