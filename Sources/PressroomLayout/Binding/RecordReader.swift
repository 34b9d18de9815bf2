// Records from a data file, one at a time in the memory of one record: JSON Lines, pretty-printed
// records one after another, or a JSON list of records. A bad record is an error for that record
// and reading goes on with the next.

/// Reads a data file record by record. The layout is found from the start of the file:
/// - `[` first: a JSON list of records, one record per element;
/// - a first line that is a whole value (or broken): JSON Lines, one record per line, blank lines
///   skipped; a bad line is an error for its record and the next line is read as usual;
/// - a first line that opens an object it does not close (`{` alone): pretty-printed records,
///   one after another (one record, usually), each read to its closing brace.
///
/// Records are numbered from 1 in the order they come (blank lines do not count); errors carry
/// that number and the file, line and column. Each record must be a JSON object.
public struct RecordReader: Sequence, Sendable {
    public typealias Element = (number: Int, result: Result<DataValue, LayoutError>)

    public let path: String
    public let limits: DataLimits
    /// Told of what is allowed but probably a mistake, with its place (a key given twice in one
    /// object: the last one is used). Called while reading, once per reading of the file.
    public var warn: (@Sendable (LayoutError) -> Void)?

    /// Checks that the file can be read; `.resource` if not.
    public init(path: String, limits: DataLimits = DataLimits(), warn: (@Sendable (LayoutError) -> Void)? = nil) throws(LayoutError) {
        self.warn = warn
        do {
            _ = try FileBytes(path: path)
        } catch {
            throw LayoutError(.resource, "cannot read the data file \(path): \(error.reason)")
        }
        self.path = path
        self.limits = limits
    }

    public func makeIterator() -> Iterator { Iterator(path: path, limits: limits, warn: warn) }

    /// Where a record lies in the file, to read it again later without reading what precedes
    /// it (a postal batch sorts its records first and renders them in sorted order).
    public struct Span: Sendable, Hashable {
        public var number: Int
        public var offset: Int
        public var length: Int
        public var line: Int
        public var column: Int

        public init(number: Int, offset: Int, length: Int, line: Int, column: Int) {
            self.number = number
            self.offset = offset
            self.length = length
            self.line = line
            self.column = column
        }
    }

    /// The record at `span` read again, checked as the first reading checked it.
    public func record(at span: Span) -> Result<DataValue, LayoutError> {
        do {
            let bytes = try FileBytes.bytes(path: path, offset: span.offset, count: span.length)
            return Iterator.parse(bytes, path: path, limits: limits, number: span.number, line: span.line, column: span.column)
        } catch {
            return .failure(LayoutError(.resource, "cannot read record \(span.number) of \(path) again: \(error.reason)",
                                        at: SourceLocation(file: path, line: span.line, column: span.column), record: span.number))
        }
    }

    public struct Iterator: IteratorProtocol {
        private enum Layout { case undetermined, lines, values, list }

        private let path: String
        private let limits: DataLimits
        private let warn: (@Sendable (LayoutError) -> Void)?
        private let file: FileBytes?
        private var openFailure: String?
        private var layout = Layout.undetermined
        private var finished = false
        private var records = 0
        /// Position of the next unconsumed byte, for error locations.
        private var line = 1
        private var column = 1
        /// Where the record `next()` returned last lies in the file (nil when it was not read
        /// whole, such as a record cut short by the end of the file).
        public private(set) var lastSpan: Span?

        init(path: String, limits: DataLimits, warn: (@Sendable (LayoutError) -> Void)?) {
            self.path = path
            self.limits = limits
            self.warn = warn
            do {
                file = try FileBytes(path: path)
            } catch {
                file = nil
                openFailure = error.reason
            }
        }

        public mutating func next() -> Element? {
            lastSpan = nil
            guard !finished else { return nil }
            guard let file else {
                finished = true
                return (1, .failure(LayoutError(.resource, "cannot read the data file \(path): \(openFailure ?? "")")))
            }
            if layout == .undetermined {
                if file.peek(0) == 0xEF, file.peek(1) == 0xBB, file.peek(2) == 0xBF { _ = file.consume(3) }
                skipWhitespace(file)
                switch file.peek(0) {
                case nil: return finish(file)
                case UInt8(ascii: "["):
                    take(file, 1)
                    layout = .list
                default:
                    layout = firstLineLeavesValueOpen(file) ? .values : .lines
                }
            }
            switch layout {
            case .lines: return nextLine(file)
            case .values: return nextValue(file)
            default: return nextElement(file)
            }
        }

        // MARK: The three layouts

        private mutating func nextLine(_ file: FileBytes) -> Element? {
            while true {
                guard file.peek(0) != nil else { return finish(file) }
                var length = 0
                while let byte = file.peek(length), byte != 0x0A { length += 1 }
                let startLine = line, startOffset = file.offset
                var bytes = take(file, length)
                if file.peek(0) != nil { take(file, 1) }  // the line feed
                if bytes.last == 0x0D { bytes.removeLast() }
                if bytes.allSatisfy(Self.isWhitespace) { continue }
                return record(bytes, line: startLine, column: 1, offset: startOffset)
            }
        }

        private mutating func nextValue(_ file: FileBytes) -> Element? {
            skipWhitespace(file)
            guard file.peek(0) != nil else { return finish(file) }
            let (startLine, startColumn, startOffset) = (line, column, file.offset)
            let (length, complete) = scanValue(file) { $0 == 0x0A }
            let bytes = take(file, length)
            guard complete else {
                records += 1
                return (records, .failure(LayoutError(.data, "the record is not closed before the end of the file (is the file cut short?)",
                                                      at: SourceLocation(file: path, line: startLine, column: startColumn),
                                                      record: records)))
            }
            return record(bytes, line: startLine, column: startColumn, offset: startOffset)
        }

        private mutating func nextElement(_ file: FileBytes) -> Element? {
            skipWhitespace(file)
            switch file.peek(0) {
            case nil:
                finished = true
                records += 1
                return (records, .failure(LayoutError(.data, "the file ends before the list of records is closed with ']' (is it cut short?)",
                                                      at: here, record: records)))
            case UInt8(ascii: "]"):
                take(file, 1)
                skipWhitespace(file)
                guard file.peek(0) == nil else {
                    finished = true
                    records += 1
                    return (records, .failure(LayoutError(.data, "unexpected text after the list of records", at: here,
                                                          record: records)))
                }
                return finish(file)
            default:
                let (startLine, startColumn, startOffset) = (line, column, file.offset)
                let (length, _) = scanValue(file) { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "]") }
                let bytes = take(file, length)
                skipWhitespace(file)
                if file.peek(0) == UInt8(ascii: ",") { take(file, 1) }
                return record(bytes, line: startLine, column: startColumn, offset: startOffset)
            }
        }

        // MARK: Records

        /// Parses one record's bytes, which start at `line`:`column` (byte `offset`) of the file.
        private mutating func record(_ bytes: [UInt8], line: Int, column: Int, offset: Int) -> Element {
            records += 1
            lastSpan = Span(number: records, offset: offset, length: bytes.count, line: line, column: column)
            return (records, Self.parse(bytes, path: path, limits: limits, number: records, line: line, column: column, warn: warn))
        }

        /// Record `number`'s bytes parsed and checked: within the limits, JSON, an object.
        static func parse(_ bytes: [UInt8], path: String, limits: DataLimits, number: Int, line: Int, column: Int,
                          warn: (@Sendable (LayoutError) -> Void)? = nil) -> Result<DataValue, LayoutError> {
            let at = SourceLocation(file: path, line: line, column: column)
            if bytes.count > limits.recordBytes {
                return .failure(LayoutError(.data, "the record is \(DataLimits.describe(bytes.count)); the limit is \(DataLimits.describe(limits.recordBytes)) a record (--max-record-size)",
                                            at: at, record: number))
            }
            var duplicates: [JSONDuplicateKey] = []
            // The record keeps its bytes for its long lists, which are parsed again element by element.
            let source = JSONSource(bytes)
            let parsed = bytes.withUnsafeBufferPointer {
                JSONParser.parseDocument($0, firstLine: line, firstColumn: column, source: source, duplicates: &duplicates)
            }
            if let warn, case .success = parsed {
                for duplicate in duplicates {
                    warn(LayoutError(.data, "the key \"\(duplicate.key.prefix(80))\" is given twice in one object, at line \(duplicate.first.line), column \(duplicate.first.column) and at line \(duplicate.second.line), column \(duplicate.second.column); the second is used",
                                     at: SourceLocation(file: path, line: duplicate.second.line, column: duplicate.second.column), record: number))
                }
            }
            switch parsed {
            case .success(let value):
                // A JSON string's text is never longer than its bytes (an escape is shorter than
                // what it stands for), so only a record longer than the field limit is searched.
                if bytes.count > limits.fieldBytes, let (field, size) = value.firstText(longerThan: limits.fieldBytes, path: "$") {
                    return .failure(LayoutError(.data, "this text is \(DataLimits.describe(size)); the limit is \(DataLimits.describe(limits.fieldBytes)) a field (--max-field-size)",
                                                at: at, dataPath: field, record: number))
                }
                if case .object = value { return .success(value) }
                return .failure(LayoutError(.data, "a record is a JSON object {…}, not \(value.typeName == "list" ? "a list" : "a \(value.typeName)")",
                                            at: at, record: number))
            case .failure(let error):
                return .failure(LayoutError(.data, "invalid JSON: \(error.reason)",
                                            at: SourceLocation(file: path, line: error.line, column: error.column), record: number))
            }
        }

        private mutating func finish(_ file: FileBytes) -> Element? {
            finished = true
            guard let failure = file.readFailure else { return nil }
            records += 1
            return (records, .failure(LayoutError(.resource, "reading the data file \(path) failed: \(failure)", at: here,
                                                  record: records)))
        }

        // MARK: Scanning

        /// Whether the first line opens an object or list it does not close, outside any string:
        /// the start of a pretty-printed record. A line that ends inside a string is a broken
        /// JSON Lines record instead (a JSON string never spans lines).
        private func firstLineLeavesValueOpen(_ file: FileBytes) -> Bool {
            var depth = 0, inString = false, escaped = false, offset = 0
            while let byte = file.peek(offset), byte != 0x0A {
                Self.track(byte, depth: &depth, inString: &inString, escaped: &escaped)
                offset += 1
            }
            return depth > 0 && !inString
        }

        /// The length of the value at the front: to its closing bracket, or, outside any bracket,
        /// to just before a byte that `stops` it. `complete` is false when the file ends first.
        private func scanValue(_ file: FileBytes, stops: (UInt8) -> Bool) -> (length: Int, complete: Bool) {
            var depth = 0, inString = false, escaped = false, offset = 0
            while let byte = file.peek(offset) {
                if depth == 0 && !inString && stops(byte) { return (offset, true) }
                let wasOpen = depth > 0
                Self.track(byte, depth: &depth, inString: &inString, escaped: &escaped)
                offset += 1
                if wasOpen && depth == 0 { return (offset, true) }
            }
            return (offset, depth == 0 && !inString)
        }

        /// Brackets and strings, as far as finding where a value ends needs.
        private static func track(_ byte: UInt8, depth: inout Int, inString: inout Bool, escaped: inout Bool) {
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
                return
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"): depth = Swift.max(depth - 1, 0)
            default: break
            }
        }

        private static func isWhitespace(_ byte: UInt8) -> Bool {
            byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
        }

        private mutating func skipWhitespace(_ file: FileBytes) {
            var length = 0
            while let byte = file.peek(length), Self.isWhitespace(byte) { length += 1 }
            take(file, length)
        }

        /// Consumes `count` bytes, keeping the line and column of what follows.
        @discardableResult
        private mutating func take(_ file: FileBytes, _ count: Int) -> [UInt8] {
            let bytes = file.consume(count)
            for byte in bytes {
                if byte == 0x0A {
                    line += 1
                    column = 1
                } else if byte & 0xC0 != 0x80 {
                    column += 1
                }
            }
            return bytes
        }

        private var here: SourceLocation { SourceLocation(file: path, line: line, column: column) }
    }
}
