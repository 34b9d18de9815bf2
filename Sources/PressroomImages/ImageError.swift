// Why a raster image could not be decoded: one case per thing the user can fix, each naming the source file.

public enum ImageError: Error, CustomStringConvertible, Equatable, Sendable, Codable {
    /// The file has no bytes at all.
    case empty(source: String)
    /// Neither a PNG nor a JPEG signature.
    case unsupportedFormat(source: String)
    /// The data ends before the image is complete.
    case truncated(source: String)
    /// A PNG critical chunk (IHDR, PLTE, IDAT, IEND) fails its CRC check.
    case badChecksum(source: String, chunk: String)
    /// The declared size exceeds the decoder's limits (see `RasterImage.maxPixels`, `RasterImage.maxSampleBytes`).
    case tooLarge(source: String, width: Int, height: Int)
    /// A valid image that uses something PDF cannot carry as-is (lossless or arithmetic-coded JPEG, 12-bit JPEG, …).
    case unsupportedFeature(source: String, detail: String)
    /// Structurally invalid data; `detail` says what the decoder found.
    case corrupt(source: String, detail: String)

    public var description: String {
        switch self {
        case .empty(let source):
            return "\(source) is empty (0 bytes); check that the file was written completely."
        case .unsupportedFormat(let source):
            return "\(source) is neither a PNG nor a JPEG file; convert it to PNG or JPEG."
        case .truncated(let source):
            return "\(source) ends before the image data is complete; the file is truncated, so export or download it again."
        case .badChecksum(let source, let chunk):
            return "\(source) is damaged: the CRC of its \(chunk) chunk does not match its data; export the image again."
        case .tooLarge(let source, let width, let height):
            return "\(source) declares \(width) × \(height) pixels, more than the limit of "
                + "\(RasterImage.maxPixels / 1_000_000) megapixels or \(RasterImage.maxSampleBytes >> 30) GiB of samples; "
                + "scale the image down."
        case .unsupportedFeature(let source, let detail):
            return "\(source) uses \(detail), which cannot be embedded in PDF as-is; save it again as an 8-bit baseline JPEG or as PNG."
        case .corrupt(let source, let detail):
            return "\(source) is not a valid image (\(detail)); export it again."
        }
    }
}
