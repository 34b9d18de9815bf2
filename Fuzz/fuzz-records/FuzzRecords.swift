// Fuzz target: the record reader (JSON Lines, pretty-printed records, a JSON list), with its
// size and depth limits. Built with -DFUZZING for libFuzzer (Fuzz/fuzz.sh); otherwise it
// replays the files it is given.
import FuzzSupport
import PressroomLayout

func readRecords(_ bytes: [UInt8]) {
    let path = FuzzInput.scratchFile(named: "records.jsonl", bytes)
    guard let reader = try? RecordReader(path: path, limits: DataLimits(), warn: { _ in }) else { return }
    var iterator = reader.makeIterator()
    while let (number, result) = iterator.next() {
        // Read again where the first reading says the record lies: it must read the same way.
        guard case .success = result, let span = iterator.lastSpan else { continue }
        let again = reader.record(at: RecordReader.Span(number: number, offset: span.offset, length: span.length,
                                                        line: span.line, column: span.column))
        guard case .success = again else { fatalError("record \(number) read once but not again") }
    }
}

#if FUZZING
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    readRecords(Array(UnsafeRawBufferPointer(start: start, count: count)))
    return 0
}

@_cdecl("fuzz_records_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzInput.libFuzzer(argc, argv, fuzzOne)
}
#else
@main
struct FuzzRecords {
    static func main() { FuzzInput.replay(readRecords) }
}
#endif
