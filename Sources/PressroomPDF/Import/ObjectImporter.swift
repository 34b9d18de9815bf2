// Copies objects of another PDF file (read with qpdf) into the file being written: direct objects
// as values, indirect ones once each (a font shared by forty pages is copied once), streams with
// their data as it was encoded. The links a page keeps to its tree (/Parent) are not followed.
import CQPDF
import Foundation

final class ObjectImporter {
    let source: PDFSource
    /// Source object (number, generation) → its copy in the file being written.
    private var copies: [Int64: PDFReference] = [:]

    init(source: PDFSource) { self.source = source }

    /// The object behind `handle`, as it is written into `file`.
    func object(_ qpdf: qpdf_data, _ handle: qpdf_oh, into file: PDFFileWriter) -> PDFObject {
        if qpdf_oh_is_indirect(qpdf, handle) == QPDF_TRUE {
            let key = Int64(qpdf_oh_get_object_id(qpdf, handle)) << 16 | Int64(qpdf_oh_get_generation(qpdf, handle))
            if let known = copies[key] { return known.object }
            let reference = file.allocate()
            copies[key] = reference  // before descending: objects may refer to each other
            if qpdf_oh_is_stream(qpdf, handle) == QPDF_TRUE {
                writeStream(qpdf, handle, as: reference, into: file)
            } else {
                file.write(reference, value(qpdf, handle, into: file))
            }
            return reference.object
        }
        return value(qpdf, handle, into: file)
    }

    private func value(_ qpdf: qpdf_data, _ handle: qpdf_oh, into file: PDFFileWriter) -> PDFObject {
        switch qpdf_oh_get_type_code(qpdf, handle) {
        case ot_boolean:
            var flag: QPDF_BOOL = QPDF_FALSE
            _ = qpdf_oh_get_value_as_bool(qpdf, handle, &flag)
            return .bool(flag == QPDF_TRUE)
        case ot_integer: return .integer(Int(qpdf_oh_get_int_value(qpdf, handle)))
        case ot_real: return .real(qpdf_oh_get_numeric_value(qpdf, handle))
        case ot_name: return PDFName(Self.name(qpdf_oh_get_name(qpdf, handle))).object
        case ot_string:
            var length = 0
            guard let bytes = qpdf_oh_get_binary_string_value(qpdf, handle, &length) else { return .string([]) }
            return .string(Array(UnsafeRawBufferPointer(start: bytes, count: length)))
        case ot_array:
            return .array((0..<qpdf_oh_get_array_n_items(qpdf, handle)).map { object(qpdf, qpdf_oh_get_array_item(qpdf, handle, $0), into: file) })
        case ot_dictionary:
            return .dictionary(dictionary(qpdf, handle, into: file))
        case ot_stream:
            // A stream is always indirect; reached here only through a broken file.
            return .null
        default:
            return .null
        }
    }

    private func dictionary(_ qpdf: qpdf_data, _ handle: qpdf_oh, into file: PDFFileWriter, leaving: Set<String> = ["Parent"]) -> PDFDictionary {
        var keys: [String] = []
        qpdf_oh_begin_dict_key_iter(qpdf, handle)
        while qpdf_oh_dict_more_keys(qpdf) == QPDF_TRUE {
            if let key = qpdf_oh_dict_next_key(qpdf) { keys.append(String(cString: key)) }
        }
        var result = PDFDictionary()
        for key in keys {
            let name = Self.name(key)
            guard !leaving.contains(name) else { continue }
            result[PDFName(name)] = object(qpdf, qpdf_oh_get_key(qpdf, handle, key), into: file)
        }
        return result
    }

    /// The stream's dictionary (but its length, which the writer gives) and its data as encoded.
    private func writeStream(_ qpdf: qpdf_data, _ handle: qpdf_oh, as reference: PDFReference, into file: PDFFileWriter) {
        let streamDictionary = dictionary(qpdf, qpdf_oh_get_dict(qpdf, handle), into: file, leaving: ["Parent", "Length", "DL"])
        var buffer: UnsafeMutablePointer<UInt8>?
        var length = 0
        _ = qpdf_oh_get_stream_data(qpdf, handle, qpdf_dl_none, nil, &buffer, &length)
        defer { free(buffer) }
        let data = buffer.map { Array(UnsafeBufferPointer(start: $0, count: length)) } ?? []
        file.writeStream(reference, streamDictionary, data: data, alreadyEncoded: true)
    }

    /// A name as qpdf gives it ("/Font") without its slash, as `PDFName` holds it.
    private static func name(_ text: UnsafePointer<CChar>?) -> String { name(text.map { String(cString: $0) } ?? "") }
    private static func name(_ text: String) -> String { text.hasPrefix("/") ? String(text.dropFirst()) : text }
}
