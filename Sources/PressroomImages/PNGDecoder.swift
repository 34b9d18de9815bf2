// PNG → RasterImage through the libpng shim (CPNGShim): limits, de-interlacing, tRNS and alpha handling.
// Palette images stay indexed; a palette tRNS becomes an 8-bit soft mask over 8-bit indices (see `decode`).
import CPNGShim
import CZlib

enum PNGDecoder {
    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    static func hasSignature(_ bytes: [UInt8]) -> Bool { bytes.starts(with: signature) }

    /// Mapping (PNG IHDR colour type → result), after REFERENCES §3:
    /// - grey / RGB: `.gray` / `.rgb` at the file's depth; with a tRNS colour key the key becomes an alpha mask
    ///   (libpng expands 1/2/4-bit grey to 8 bits so colour and mask share a depth).
    /// - palette: `.indexed` at the file's depth; with a tRNS that has any entry below 255 the indices are
    ///   unpacked to 8 bits and `alpha` holds the per-pixel tRNS lookup (entries past the tRNS list are opaque).
    /// - grey+alpha / RGBA: colour and alpha split into `data` and `alpha`.
    /// Alpha that is all opaque (255 / 65535) is dropped to nil.
    static func decode(_ bytes: [UInt8], source: String) throws(ImageError) -> RasterImage {
        let result: Result<RasterImage, ImageError> = bytes.withUnsafeBufferPointer { buffer in
            guard let reader = cpng_reader_create(buffer.baseAddress, buffer.count) else {
                return .failure(.corrupt(source: source, detail: "libpng could not allocate a reader"))
            }
            defer { cpng_reader_destroy(reader) }
            var limits = cpng_limits(max_dimension: 1_000_000, max_pixels: UInt64(RasterImage.maxPixels),
                                     max_bytes: UInt64(RasterImage.maxSampleBytes))
            var info = cpng_info()
            let status = cpng_read_info(reader, &limits, &info)
            guard status == CPNG_OK else { return .failure(error(status, reader, bytes, source)) }

            let count = info.row_bytes * Int(info.height)
            var readStatus = CPNG_OK
            let pixels = [UInt8](unsafeUninitializedCapacity: count) { out, initialized in
                readStatus = cpng_read_pixels(reader, out.baseAddress, count)
                initialized = readStatus == CPNG_OK ? count : 0
            }
            guard readStatus == CPNG_OK else { return .failure(error(readStatus, reader, bytes, source)) }

            let icc = info.icc_profile.map { Array(UnsafeBufferPointer(start: $0, count: info.icc_profile_length)) }
            return Result { () throws(ImageError) in try image(from: pixels, info: info, icc: icc, source: source) }
        }
        return try result.get()
    }

    private static func image(from pixels: [UInt8], info: cpng_info, icc: [UInt8]?,
                              source: String) throws(ImageError) -> RasterImage {
        let width = Int(info.width), height = Int(info.height), bits = Int(info.out_bit_depth)
        switch info.color_type {
        case 0 where info.color_key_alpha == 0, 2 where info.color_key_alpha == 0:
            return RasterImage(width: width, height: height, colourSpace: info.color_type == 0 ? .gray : .rgb,
                               bitsPerComponent: bits, encoding: .raw, data: pixels, iccProfile: icc)
        case 0, 2, 4, 6:
            let split = AlphaChannel.split(pixels, width: width, height: height,
                                           channels: Int(info.out_channels), bitsPerComponent: bits)
            let colour: ImageColourSpace = info.color_type == 0 || info.color_type == 4 ? .gray : .rgb
            return RasterImage(width: width, height: height, colourSpace: colour, bitsPerComponent: bits,
                               encoding: .raw, data: split.colour, alpha: split.alpha, iccProfile: icc)
        case 3:
            let palette = withUnsafeBytes(of: info.palette) { Array($0.prefix(3 * Int(info.palette_count))) }
            guard !palette.isEmpty else { throw .corrupt(source: source, detail: "palette image without a PLTE chunk") }
            var alpha: [UInt8]?
            if info.palette_alpha_count > 0 {
                let table = withUnsafeBytes(of: info.palette_alpha) { Array($0.prefix(Int(info.palette_alpha_count))) }
                alpha = AlphaChannel.lookup(indices: pixels, table: table)
            }
            return RasterImage(width: width, height: height, colourSpace: .indexed(palette: palette),
                               bitsPerComponent: bits, encoding: .raw, data: pixels, alpha: alpha, iccProfile: icc)
        default:
            throw .corrupt(source: source, detail: "unknown PNG colour type \(info.color_type)")
        }
    }

    private static func error(_ status: cpng_status, _ reader: OpaquePointer, _ bytes: [UInt8],
                              _ source: String) -> ImageError {
        let message = String(cString: cpng_reader_message(reader))
        switch status {
        case CPNG_ERR_TRUNCATED:
            return .truncated(source: source)
        case CPNG_ERR_BAD_CRC:
            let chunk = String(cString: cpng_reader_chunk(reader))
            return .badChecksum(source: source, chunk: chunk.isEmpty ? "unknown" : chunk)
        case CPNG_ERR_TOO_LARGE:
            let (width, height) = declaredSize(bytes)
            return .tooLarge(source: source, width: width, height: height)
        case CPNG_ERR_NOT_PNG:
            return .unsupportedFormat(source: source)
        case CPNG_ERR_NO_MEMORY:
            return .corrupt(source: source, detail: "libpng ran out of memory")
        default:
            // libpng inflates an IDAT before it reaches the CRC, so a damaged IDAT usually surfaces as a zlib
            // error; the CRC is the more precise diagnosis.
            if let chunk = firstCriticalChunkWithBadCRC(bytes) { return .badChecksum(source: source, chunk: chunk) }
            return .corrupt(source: source, detail: message.isEmpty ? "libpng error" : "libpng: \(message)")
        }
    }

    /// The type of the first critical chunk (PNG spec §5.4: first letter upper-case) whose CRC does not match.
    static func firstCriticalChunkWithBadCRC(_ bytes: [UInt8]) -> String? {
        bytes.withUnsafeBufferPointer { buffer -> String? in
            guard let base = buffer.baseAddress else { return nil }
            var offset = signature.count
            while offset + 12 <= buffer.count {
                let length = buffer[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) }
                guard length <= buffer.count - offset - 12 else { return nil }
                let stored = buffer[offset + 8 + length..<offset + 12 + length].reduce(UInt(0)) { $0 << 8 | UInt($1) }
                let computed = crc32(0, base + offset + 4, UInt32(length + 4))
                let type = String(decoding: buffer[offset + 4..<offset + 8], as: UTF8.self)
                if stored != computed && buffer[offset + 4] & 0x20 == 0 { return type }
                if type == "IEND" { return nil }
                offset += length + 12
            }
            return nil
        }
    }

    /// Width and height straight from IHDR (bytes 16–23), for errors raised before libpng reports them.
    private static func declaredSize(_ bytes: [UInt8]) -> (Int, Int) {
        guard bytes.count >= 24 else { return (0, 0) }
        func be32(_ i: Int) -> Int { bytes[i..<i + 4].reduce(0) { $0 << 8 | Int($1) } }
        return (be32(16), be32(20))
    }
}
