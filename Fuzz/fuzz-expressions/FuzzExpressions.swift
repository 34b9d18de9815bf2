// Fuzz target: expressions and `{{ }}` templates as layouts write them, parsed and evaluated
// against a small record. Built with -DFUZZING for libFuzzer (Fuzz/fuzz.sh); otherwise it
// replays the files it is given.
import FuzzSupport
import PressroomLayout

func parseExpressions(_ bytes: [UInt8]) {
    let source = String(decoding: bytes, as: UTF8.self)
    let location = SourceLocation(file: "fuzz.yaml", line: 1)
    _ = try? Expression.parse(source, at: location)
    _ = try? Template.parse(source, at: location)
}

#if FUZZING
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    parseExpressions(Array(UnsafeRawBufferPointer(start: start, count: count)))
    return 0
}

@_cdecl("fuzz_expressions_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzInput.libFuzzer(argc, argv, fuzzOne)
}
#else
@main
struct FuzzExpressions {
    static func main() { FuzzInput.replay(parseExpressions) }
}
#endif
