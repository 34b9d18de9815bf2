// Fuzz target: the text engine on any text (itemizing, bidi, shaping with the bundled fonts, line
// breaking and hyphenation with Debian's dictionaries, which are C code reading our buffers).
// The first byte picks the language, alignment and family, the second the line width; the rest is
// UTF-8 text, split into spans at U+0001, each span in the next language. Built with -DFUZZING for
// libFuzzer (Fuzz/fuzz.sh); otherwise it replays the files it is given.
import FuzzSupport
import PressroomText

let typesetter: Typesetter = {
    guard let registry = try? FontRegistry.bundled() else { fatalError("the bundled fonts do not load") }
    return Typesetter(registry: registry)
}()
/// Languages with a Debian hyphenation dictionary (each has the NOHYPHEN strings libhyphen adds,
/// German's its own too), right-to-left scripts without one, and Japanese.
let languages = ["de", "en", "cs", "fr", "hu", "nl", "pl", "uk", "sr-Latn", "ar", "he", "ja"]
let families = ["Noto Sans", "Noto Serif", "Noto Sans Mono"]
let alignments: [TextAlignment] = [.left, .right, .center, .justified]

func setText(_ bytes: [UInt8]) {
    guard bytes.count >= 2 else { return }
    let choice = Int(bytes[0]), width = Double(bytes[1]) * 2 + 1  // 1 to 511 pt
    let text = String(decoding: bytes.dropFirst(2), as: UTF8.self)
    let spans = text.split(separator: "\u{1}", omittingEmptySubsequences: false).enumerated().map { index, part in
        TextSpan(String(part), style: TextStyle(family: families[choice / 48 % families.count], weight: index % 2 == 0 ? 400 : 700,
                                                size: 10, language: languages[(choice + index) % languages.count]))
    }
    let style = ParagraphStyle(alignment: alignments[choice / 12 % alignments.count], hyphenate: true)
    _ = try? typesetter.typeset(spans, width: width, style: style)
}

#if FUZZING
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    setText(Array(UnsafeRawBufferPointer(start: start, count: count)))
    return 0
}

@_cdecl("fuzz_text_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzInput.libFuzzer(argc, argv, fuzzOne)
}
#else
@main
struct FuzzText {
    static func main() { FuzzInput.replay(setText) }
}
#endif
