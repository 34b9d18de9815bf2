// What the documents of a batch share, so that a one-page document costs little more than its own
// content: per-face embedding data (descriptor values, widths, the hb-subset input and preprocessed
// face), encoded images, and the deflate state. Output does not depend on it: a document written
// with a warm cache has the same bytes as one written alone.
import PressroomText

/// Pass one instance to every `PDFDocumentWriter` of a batch. It is not thread-safe: give each
/// worker thread its own. It keeps the faces it has seen alive, and up to `imageByteLimit` of
/// encoded images.
public final class PDFWriterCache {
    let compressor = FlateCompressor()
    private var faces: [ObjectIdentifier: FaceEmbedding] = [:]
    var images: EncodedImageCache

    /// `imageByteLimit`: encoded images kept between documents, in bytes (the oldest are dropped first).
    public init(imageByteLimit: Int = 32 << 20) {
        images = EncodedImageCache(byteLimit: imageByteLimit)
    }

    func embedding(for face: FontFace) -> FaceEmbedding {
        // The embedding holds the face, so its identifier cannot be reused while it is here.
        if let known = faces[ObjectIdentifier(face)] { return known }
        let embedding = FaceEmbedding(face: face)
        faces[ObjectIdentifier(face)] = embedding
        return embedding
    }
}
