// Fuzz target: font files (the SFNT checks before FreeType, then FreeType and HarfBuzz on what
// passes), and the subset the PDF writer embeds of each face that loads. Built with -DFUZZING for
// libFuzzer (Fuzz/fuzz.sh); otherwise it replays the files it is given.
import FuzzSupport
import PressroomPDF
import PressroomText

func loadFont(_ bytes: [UInt8]) {
    guard let faces = try? FontFace.load(bytes: bytes, source: "fuzz") else { return }
    for face in faces {
        // The first glyphs, where composites' components usually are, and a few past the end.
        _ = try? FontProgram.subset(of: face, glyphs: (1..<UInt32(min(face.glyphCount, 300) + 3)).map { $0 })
    }
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
