// Flate (zlib/deflate) compression of stream data (ISO 32000-1 §7.4.4), at pinned levels so the
// same input always gives the same bytes with the same zlib, and with one deflate state reused
// from stream to stream: setting one up costs more than compressing a small stream.
import CLibDeflate
import CZlib

public enum Flate {
    /// What a stream holds, which decides its compression level.
    public enum StreamKind: Sendable {
        /// Page content: text and path operators.
        case content
        /// Subset font programs.
        case fontProgram
        /// Image samples and soft masks.
        case image
        /// Everything else, mostly small: ToUnicode, CIDToGIDMap, object and cross-reference streams.
        case table
    }

    /// A level (1–12, libdeflate's scale; 10–12 search hardest) for each kind of stream. The defaults were chosen by measuring size against
    /// time on one-page invoices (`PressroomBenchmarks flate`): on this kind of data zlib spends
    /// most of its time entropy-coding, about 10 µs per KiB, so the levels that search harder buy
    /// little.
    public struct Levels: Sendable, Hashable {
        /// Content from level 6 to 3: 18 % more documents per second for 1.4 % larger files.
        public var content: Int32 = 3
        /// Glyph outlines barely shrink past level 1 (3 % at level 6, for 10 % of the throughput).
        public var fontProgram: Int32 = 1
        /// Images: a PDFWriterCache compresses each once per batch.
        public var image: Int32 = 6
        /// ToUnicode maps and object streams come out within a few bytes of level 4 at level 1, in
        /// two thirds of the time (an invoice's two maps and object stream: 1,989 bytes in 40 µs
        /// at 4, 2,006 bytes in 26 µs at 1).
        public var table: Int32 = 1

        public init() {}

        /// For files that are mailed and archived (the digital variant), where a kilobyte matters
        /// more than a millisecond, though not at any price. Images at libdeflate's smallest level
        /// 12 (each is compressed once per batch). Content, font subsets and tables at 5, measured
        /// on digital invoices (sizes over 500, libdeflate's share of a profile of 2,000 on one
        /// core): 5 everywhere makes them 0.5 % larger than 6 everywhere (17,475,873 against
        /// 17,389,066 bytes) and about 3.5 % faster (libdeflate 17.6–18.0 % of the time against
        /// 20.4–21.0 %). Below 5 libdeflate parses greedily (it takes each match it finds
        /// without trying the next position for a longer one), and the size jumps: 4 everywhere
        /// is 2.2 % larger, tables alone at 3 are 2.4 %, and content at 3 with fonts at 1 (the
        /// plain defaults) 1.1 % for the same time as 5 everywhere. Above 6, fonts at 9 saved
        /// 0.03 % for 2.5 % of the time, and content at 12 halved the throughput for 1 % of the size.
        public static var compact: Levels {
            var levels = Levels()
            levels.content = 5
            levels.fontProgram = 5
            levels.image = 12
            levels.table = 5
            return levels
        }

        public subscript(kind: StreamKind) -> Int32 {
            switch kind {
            case .content: content
            case .fontProgram: fontProgram
            case .image: image
            case .table: table
            }
        }
    }

    public static func compress(_ input: [UInt8], level: Int32 = 6) -> [UInt8] {
        let compressor = FlateCompressor()
        return input.withUnsafeBytes { compressor.compress($0, level: level) }
    }

    /// Inflates zlib data; nil when it is not valid zlib (used for PNG iCCP profiles and tests).
    public static func decompress(_ input: [UInt8], expectedSize: Int = 0) -> [UInt8]? {
        var stream = z_stream()
        guard inflateInit_(&stream, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: max(expectedSize, 1 << 16))
        var input = input
        return input.withUnsafeMutableBufferPointer { source -> [UInt8]? in
            stream.next_in = source.baseAddress
            stream.avail_in = uInt(source.count)
            while true {
                let status = chunk.withUnsafeMutableBufferPointer { buffer -> Int32 in
                    stream.next_out = buffer.baseAddress
                    stream.avail_out = uInt(buffer.count)
                    return inflate(&stream, Z_NO_FLUSH)
                }
                output.append(contentsOf: chunk[0..<(chunk.count - Int(stream.avail_out))])
                if status == Z_STREAM_END { return output }
                if status != Z_OK { return nil }
            }
        }
    }
}

/// Compressors kept between streams, one per level: each stream is one complete zlib stream
/// (RFC 1950), compressed by libdeflate, which works on whole buffers and is several times faster
/// than zlib's streaming deflate on streams of a few KiB. Output depends only on the input, the
/// level and the libdeflate version. Not for use from two threads at once.
final class FlateCompressor {
    private var compressors: [Int32: OpaquePointer] = [:]

    init() {}

    deinit {
        for compressor in compressors.values { libdeflate_free_compressor(compressor) }
    }

    func compress(_ input: UnsafeRawBufferPointer, level wanted: Int32) -> [UInt8] {
        precondition((1...12).contains(wanted), "Flate level \(wanted) is outside 1…12")
        let compressor: OpaquePointer
        if let known = compressors[wanted] {
            compressor = known
        } else {
            guard let made = libdeflate_alloc_compressor(wanted) else { preconditionFailure("libdeflate: out of memory") }
            compressors[wanted] = made
            compressor = made
        }
        let bound = libdeflate_zlib_compress_bound(compressor, input.count)
        return [UInt8](unsafeUninitializedCapacity: bound) { output, count in
            count = libdeflate_zlib_compress(compressor, input.baseAddress, input.count, output.baseAddress, bound)
            precondition(count > 0, "libdeflate: output did not fit its own bound")
        }
    }
}
