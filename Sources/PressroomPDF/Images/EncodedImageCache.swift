// Encoded images kept between the documents of a batch, found by the bytes the user supplied, so
// a logo on every invoice is decoded and compressed once. Bounded in bytes; the oldest goes first.

struct EncodedImageCache {
    /// The file's bytes and how its streams were compressed (nil: not at all): the same file
    /// written with other settings is another entry.
    struct Key: Hashable {
        let bytes: [UInt8]
        let levels: Flate.Levels?

        static func == (lhs: Key, rhs: Key) -> Bool { lhs.levels == rhs.levels && lhs.bytes == rhs.bytes }
        func hash(into hasher: inout Hasher) {
            hasher.combine(levels)
            bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
        }
    }

    let byteLimit: Int
    private var entries: [Key: EncodedImage] = [:]
    private var order: [Key] = []
    private var byteCount = 0

    init(byteLimit: Int) { self.byteLimit = byteLimit }

    subscript(key: Key) -> EncodedImage? { entries[key] }

    mutating func insert(_ image: EncodedImage, for key: Key) {
        let size = image.byteCount + key.bytes.count
        guard size <= byteLimit, entries[key] == nil else { return }
        while byteCount + size > byteLimit, !order.isEmpty {
            let oldest = order.removeFirst()
            byteCount -= entries[oldest]!.byteCount + oldest.bytes.count
            entries[oldest] = nil
        }
        entries[key] = image
        order.append(key)
        byteCount += size
    }
}
