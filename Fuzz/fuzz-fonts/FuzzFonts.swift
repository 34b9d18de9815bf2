// Fuzz target: font files (the SFNT checks before FreeType, then FreeType and HarfBuzz on what
// passes). Built with -DFUZZING for libFuzzer (Fuzz/fuzz.sh); otherwise it replays the files
// it is given.
import FuzzSupport
import PressroomText

func loadFont(_ bytes: [UInt8]) {
    _ = try? FontFace.load(bytes: bytes, source: "fuzz")
}

#if FUZZING
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    loadFont(Array(UnsafeRawBufferPointer(start: start, count: count)))
    return 0
}

@_cdecl("fuzz_fonts_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzInput.libFuzzer(argc, argv, fuzzOne)
}
#else
@main
struct FuzzFonts {
    static func main() { FuzzInput.replay(loadFont) }
}
#endif
