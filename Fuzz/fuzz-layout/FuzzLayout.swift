// Fuzz target: the YAML layout loader (YAML with its alias limits, the layout model, the check
// of its references against the bundled components and themes). Built with -DFUZZING for
// libFuzzer (Fuzz/fuzz.sh); otherwise it replays the files it is given.
import Foundation
import FuzzSupport
import PressroomLayout

/// The repository's layouts folder (components, themes, labels) the fuzzed layout refers to.
let library: LayoutLibrary? = {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    return try? LayoutLibrary(directory: root.appendingPathComponent("Layouts").path)
}()

func loadLayout(_ bytes: [UInt8]) {
    guard let library else { fatalError("the layouts folder does not load") }
    let path = FuzzInput.scratchFile(named: "fuzz.yaml", bytes)
    guard let layout = try? library.layout(named: path), let theme = try? library.theme(named: layout.theme) else { return }
    _ = library.problems(in: layout, theme: theme)
}

#if FUZZING
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    loadLayout(Array(UnsafeRawBufferPointer(start: start, count: count)))
    return 0
}

@_cdecl("fuzz_layout_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzInput.libFuzzer(argc, argv, fuzzOne)
}
#else
@main
struct FuzzLayout {
    static func main() { FuzzInput.replay(loadLayout) }
}
#endif
