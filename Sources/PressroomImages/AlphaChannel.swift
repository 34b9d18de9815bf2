// Soft-mask samples for PNG transparency: splitting interleaved alpha off colour, and palette tRNS lookups.
// Alpha that turns out fully opaque is reported as nil so no /SMask gets written for it.

enum AlphaChannel {
    /// Splits interleaved samples (last channel is alpha) at 8 or 16 bits into colour and alpha planes.
    static func split(_ pixels: [UInt8], width: Int, height: Int, channels: Int,
                      bitsPerComponent: Int) -> (colour: [UInt8], alpha: [UInt8]?) {
        let bytesPerSample = bitsPerComponent == 16 ? 2 : 1
        let pixelBytes = channels * bytesPerSample
        let colourBytes = pixelBytes - bytesPerSample
        let count = width * height
        var colour = [UInt8](repeating: 0, count: count * colourBytes)
        var alpha = [UInt8](repeating: 0, count: count * bytesPerSample)
        var opaque = true
        pixels.withUnsafeBufferPointer { src in
            colour.withUnsafeMutableBufferPointer { dst in
                alpha.withUnsafeMutableBufferPointer { mask in
                    // Rows from libpng are tightly packed at 8/16 bits, so pixels are contiguous across rows.
                    for p in 0..<count {
                        let s = p * pixelBytes
                        for b in 0..<colourBytes { dst[p * colourBytes + b] = src[s + b] }
                        for b in 0..<bytesPerSample {
                            let v = src[s + colourBytes + b]
                            mask[p * bytesPerSample + b] = v
                            if v != 0xFF { opaque = false }
                        }
                    }
                }
            }
        }
        return (colour, opaque ? nil : alpha)
    }

    /// 8-bit alpha for 8-bit palette indices; indices past the tRNS table are opaque (PNG spec, tRNS).
    static func lookup(indices: [UInt8], table: [UInt8]) -> [UInt8]? {
        var full = [UInt8](repeating: 0xFF, count: 256)
        for (i, a) in table.enumerated() { full[i] = a }
        var opaque = true
        let alpha = indices.map { index -> UInt8 in
            let a = full[Int(index)]
            if a != 0xFF { opaque = false }
            return a
        }
        return opaque ? nil : alpha
    }
}
