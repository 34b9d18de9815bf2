// Lays out a PDF file: header, indirect objects (small ones packed into object streams, §7.5.7),
// streams, and a cross-reference stream with the trailer entries (§7.5.8). Objects are numbered
// in the order they are allocated, so the same sequence of calls gives the same bytes. Given a
// `PDFByteStream`, finished objects leave memory as the file grows (a print batch of any length
// in a window of a few MiB); the bytes are the same either way.

public final class PDFFileWriter {
    public struct Options: Sendable {
        public var compressStreams = true
        public var useObjectStreams = true
        /// Objects per object stream: enough to compress well, small enough to stream.
        public var objectsPerStream = 100
        /// Flate levels by kind of stream.
        public var flateLevels = Flate.Levels()
        /// Times the writer's phases (`PDFDocumentWriter.phases`), for benchmarks.
        public var measuresPhases = false
        public init() {}
    }

    /// One cross-reference entry in one word (a document of millions of objects keeps one per
    /// object until its end): the kind in the top two bits, then the offset, or the object
    /// stream's number and the index in it (below 2^16, `objectsPerStream`).
    private struct XRefEntry {
        private let word: UInt64

        enum Kind {
            case free
            case offset(Int)
            case compressed(stream: Int, index: Int)
        }

        static let free = XRefEntry(word: 0)
        static func offset(_ offset: Int) -> XRefEntry { XRefEntry(word: 1 << 62 | UInt64(offset)) }
        static func compressed(stream: Int, index: Int) -> XRefEntry {
            precondition(index < 1 << 16, "an object stream holds fewer than 65,536 objects")
            return XRefEntry(word: 2 << 62 | UInt64(stream) << 16 | UInt64(index))
        }

        var kind: Kind {
            switch word >> 62 {
            case 1: .offset(Int(word & (1 << 62 - 1)))
            case 2: .compressed(stream: Int((word & (1 << 62 - 1)) >> 16), index: Int(word & 0xFFFF))
            default: .free
            }
        }
    }

    public let options: Options
    private(set) var output = ByteBuffer(capacity: 1 << 16)
    private var entries: [XRefEntry] = [.free]
    /// Objects waiting for the next object stream: their numbers, and their bodies one after another.
    private var pending: [PDFReference] = []
    private var pendingOffsets: [Int] = []
    private var pendingBodies = ByteBuffer(capacity: 4096)
    private let compressor: FlateCompressor
    private var finished = false
    let clock: PhaseClock?
    /// Where finished bytes go (nil: the file is kept whole in memory and returned by `finish`).
    private let stream: (any PDFByteStream)?
    /// Bytes already handed to `stream`; `output` holds what follows them.
    private var streamed = 0
    /// The file identifier's hash over the streamed bytes.
    private var streamedHash = DocumentHash()
    private var streamFailure: (any Error)?
    /// `output` is handed to the stream once it holds this much.
    static let streamingWindow = 1 << 20

    /// `stream`: where the file's bytes go as they are written; `finish` then returns nothing.
    public convenience init(options: Options = Options(), stream: (any PDFByteStream)? = nil) {
        self.init(options: options, compressor: FlateCompressor(), stream: stream)
    }

    init(options: Options, compressor: FlateCompressor, stream: (any PDFByteStream)? = nil) {
        self.options = options
        self.compressor = compressor
        self.stream = stream
        clock = options.measuresPhases ? PhaseClock() : nil
        // §7.5.2: the header, then a comment with bytes above 127 so tools treat the file as binary.
        output.append("%PDF-1.7\n%")
        output.append([0xE2, 0xE3, 0xCF, 0xD3, 0x0A])
    }

    /// Reserves an object number; the object may be written later, in any order.
    public func allocate() -> PDFReference {
        entries.append(.free)
        return PDFReference(number: entries.count - 1)
    }

    /// Writes a non-stream object, packed into an object stream when enabled.
    public func write(_ reference: PDFReference, _ object: PDFObject) {
        writeObject(reference) { $0.append(object: object) }
    }

    /// Writes a dictionary object whose entries `body` appends, as `write` writes a PDFDictionary.
    public func writeDictionary(_ reference: PDFReference, _ body: (inout DictionaryWriter) -> Void) {
        writeObject(reference) { bytes in
            var writer = DictionaryWriter(bytes: ByteBuffer(capacity: 0))
            swap(&writer.bytes, &bytes)  // the entries go straight into the file's bytes
            writer.bytes.append("<<")
            body(&writer)
            writer.bytes.append(">>")
            swap(&writer.bytes, &bytes)
        }
    }

    /// A non-stream object whose syntax `body` appends: into the pending object stream when enabled,
    /// else as a top-level object.
    private func writeObject(_ reference: PDFReference, _ body: (inout ByteBuffer) -> Void) {
        if options.useObjectStreams {
            pending.append(reference)
            pendingOffsets.append(pendingBodies.count)
            body(&pendingBodies)
            pendingBodies.append(UInt8(ascii: "\n"))
            if pending.count >= options.objectsPerStream { flushObjectStream() }
        } else {
            beginTopLevel(reference)
            body(&output)
            output.append("\nendobj\n")
            streamIfFull()
        }
    }

    /// Below this, Flate saves a few dozen bytes for the cost of a whole deflate run (~8 µs).
    static let smallestCompressedStream = 256

    /// Writes a stream object; `data` is compressed with Flate, at the level `options` gives its
    /// kind, unless it is `alreadyEncoded` (JPEG, or bytes compressed earlier with /Filter in
    /// `dictionary`), shorter than `smallestCompressedStream`, or compression is off.
    public func writeStream(_ reference: PDFReference, _ dictionary: PDFDictionary = PDFDictionary(),
                            data: [UInt8], kind: Flate.StreamKind = .table, alreadyEncoded: Bool = false,
                            compress: Bool = true) {
        if !alreadyEncoded && compress && options.compressStreams && data.count >= Self.smallestCompressedStream {
            var dictionary = dictionary
            dictionary["Filter"] = PDFName("FlateDecode").object
            writeStreamObject(reference, dictionary, payload: self.compress(data, kind: kind))
        } else {
            writeStreamObject(reference, dictionary, payload: data)
        }
    }

    /// `data` Flate-compressed at the level `options` gives its kind.
    func compress(_ data: [UInt8], kind: Flate.StreamKind) -> [UInt8] {
        measure(.compression) { data.withUnsafeBytes { compressor.compress($0, level: options.flateLevels[kind]) } }
    }

    private func writeStreamObject(_ reference: PDFReference, _ dictionary: PDFDictionary, payload: [UInt8]) {
        var dictionary = dictionary
        dictionary["Length"] = .integer(payload.count)
        beginTopLevel(reference)
        output.append(dictionary: dictionary)
        output.append("\nstream\n")
        output.append(payload)
        output.append("\nendstream\nendobj\n")
        streamIfFull()
    }

    /// The offset in the file of the next byte written.
    private var position: Int { streamed + output.count }

    /// Hands the window to the stream once it is full. A multiple of 8 bytes goes, so the file
    /// identifier's hash (over 8-byte words) is what it would be over the whole file in memory.
    private func streamIfFull() {
        guard let stream, output.count >= Self.streamingWindow, streamFailure == nil else { return }
        let count = output.count & ~7
        output.bytes.withUnsafeBytes { raw in
            let chunk = UnsafeRawBufferPointer(rebasing: raw[0..<count])
            streamedHash.update(chunk)
            do { try stream.write(chunk) } catch { streamFailure = error }
        }
        output.bytes.removeSubrange(0..<count)
        streamed += count
    }

    /// Runs `body` as part of `phase` when phases are measured.
    @inline(__always)
    func measure<T>(_ phase: WriterPhases.Phase, _ body: () throws -> T) rethrows -> T {
        guard let clock else { return try body() }
        return try clock.measure(phase, body)
    }

    private func beginTopLevel(_ reference: PDFReference) {
        entries[reference.number] = .offset(position)
        output.append(integer: reference.number)
        output.append(" 0 obj\n")
    }

    private func flushObjectStream() {
        guard !pending.isEmpty else { return }
        let streamReference = allocate()
        var data = ByteBuffer(capacity: pending.count * 12 + pendingBodies.count)
        for (index, reference) in pending.enumerated() {
            data.append(integer: reference.number)
            data.append(UInt8(ascii: " "))
            data.append(integer: pendingOffsets[index])
            data.append(UInt8(ascii: " "))
            entries[reference.number] = .compressed(stream: streamReference.number, index: index)
        }
        let first = data.count
        data.append(pendingBodies.bytes)
        let dictionary: PDFDictionary = [
            "Type": PDFName("ObjStm").object, "N": .integer(pending.count), "First": .integer(first),
        ]
        pending.removeAll(keepingCapacity: true)
        pendingOffsets.removeAll(keepingCapacity: true)
        pendingBodies.bytes.removeAll(keepingCapacity: true)
        writeStream(streamReference, dictionary, data: data.bytes)
    }

    /// Writes the cross-reference stream and trailer and returns the whole file; with a stream,
    /// hands it the rest of the file and returns nothing. Throws what the stream threw.
    public func finish(root: PDFReference, info: PDFReference?, extraTrailer: PDFDictionary = PDFDictionary()) throws -> [UInt8] {
        precondition(!finished, "finish called twice")
        finished = true
        flushObjectStream()
        let xrefReference = allocate()
        let xrefOffset = position
        entries[xrefReference.number] = .offset(xrefOffset)
        for (index, entry) in entries.enumerated() where index > 0 {
            if case .free = entry.kind { preconditionFailure("object \(index) was allocated but never written") }
        }

        // §14.4: a file identifier from the content itself, so it is the same for the same document.
        var idHash = streamedHash
        output.bytes.withUnsafeBytes { idHash.update($0) }
        let id = PDFObject.hexString(idHash.digest())

        let offsetWidth = xrefOffset > 0xFF_FFFF ? 4 : 3
        var rows: [UInt8] = []
        rows.reserveCapacity(entries.count * (offsetWidth + 3))
        for entry in entries {
            switch entry.kind {
            case .free:
                rows.append(0); appendBigEndian(&rows, 0, width: offsetWidth); rows += [0xFF, 0xFF]
            case .offset(let offset):
                rows.append(1); appendBigEndian(&rows, offset, width: offsetWidth); rows += [0, 0]
            case .compressed(let stream, let index):
                rows.append(2); appendBigEndian(&rows, stream, width: offsetWidth)
                appendBigEndian(&rows, index, width: 2)
            }
        }
        var dictionary: PDFDictionary = [
            "Type": PDFName("XRef").object, "Size": .integer(entries.count),
            "W": .array([1, .integer(offsetWidth), 2]),
            "Root": root.object,
        ]
        if let info { dictionary["Info"] = info.object }
        dictionary["ID"] = .array([id, id])
        for (key, value) in extraTrailer.entries { dictionary[key] = value }
        writeStream(xrefReference, dictionary, data: rows)
        output.append("startxref\n")
        output.append(integer: xrefOffset)
        output.append("\n%%EOF\n")
        clock?.stop()
        guard let stream else { return output.bytes }
        if let streamFailure { throw streamFailure }
        try output.bytes.withUnsafeBytes { try stream.write($0) }
        streamed += output.count
        output.bytes = []
        return []
    }

    private func appendBigEndian(_ bytes: inout [UInt8], _ value: Int, width: Int) {
        for shift in stride(from: (width - 1) * 8, through: 0, by: -8) { bytes.append(UInt8((value >> shift) & 0xFF)) }
    }
}

/// Two independent 64-bit FNV-1a-style hashes over 8-byte little-endian words (then the last
/// bytes one by one): 16 bytes that identify a file's content. Not cryptographic; it only has to
/// be stable and to differ between documents, and to keep up with a file per millisecond.
struct DocumentHash {
    private var a: UInt64 = 0xcbf2_9ce4_8422_2325
    private var b: UInt64 = 0x6c62_272e_07bb_0142

    mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { update($0) }
    }

    mutating func update(_ raw: UnsafeRawBufferPointer) {
        var a = self.a, b = self.b
        let words = raw.count / 8
        for index in 0..<words {
            let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self))
            a = (a ^ word) &* 0x0000_0100_0000_01B3
            b = (b ^ word) &* 0x0000_0100_0000_01B3 ^ (b >> 29)
        }
        for byte in raw[(words * 8)...] {
            a = (a ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            b = (b ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 ^ (b >> 29)
        }
        self.a = a
        self.b = b
    }

    func digest() -> [UInt8] {
        (0..<8).map { UInt8((a >> (56 - 8 * UInt64($0))) & 0xFF) } + (0..<8).map { UInt8((b >> (56 - 8 * UInt64($0))) & 0xFF) }
    }
}
