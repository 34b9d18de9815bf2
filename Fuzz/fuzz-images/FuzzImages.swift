// Fuzz target: PNG and JPEG decoding (RasterImage.decode: libpng, and our JPEG header reader).
// Built with -DFUZZING for libFuzzer (Fuzz/fuzz.sh); otherwise it replays the files it is given.
import FuzzSupport
import PressroomImages

func decodeImage(_ bytes: [UInt8]) {
    _ = try? RasterImage.decode(bytes, source: "fuzz")
}

#if FUZZING
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    decodeImage(Array(UnsafeRawBufferPointer(start: start, count: count)))
    return 0
}

@_cdecl("fuzz_images_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzInput.libFuzzer(argc, argv, fuzzOne)
}
#else
@main
struct FuzzImages {
    static func main() { FuzzInput.replay(decodeImage) }
}
#endif
