// What the fuzz targets share: a scratch file to hand an input to readers that take a path, and
// the replay of saved inputs (the corpus in Fixtures/fuzz and every crash found) through a
// target built without libFuzzer, as the tests run them; and the libFuzzer driver started from
// the executable's entry point (SwiftPM names it `<module>_main` and points `main` at it, so
// libFuzzer's own `main` is not linked).
import Foundation

@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>,
                                 _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                                 _ target: @convention(c) (UnsafeRawPointer?, Int) -> CInt) -> CInt

public enum FuzzInput {
    /// This process's folder for scratch files, made on first use and removed when it exits.
    private static let scratchFolder: String = {
        let folder = NSTemporaryDirectory() + "pressroom-fuzz-\(getpid())"
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(atPath: FuzzInput.scratchFolder) }
        return folder
    }()

    /// A file of this process's own, rewritten with each input.
    public static func scratchFile(named name: String, _ bytes: [UInt8]) -> String {
        let path = scratchFolder + "/" + name
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        return path
    }

    /// Runs `target` on every file named on the command line (a folder: every file in it,
    /// sorted), prints how many, and exits 0: a crash ends the process before that.
    public static func replay(_ target: ([UInt8]) -> Void) -> Never {
        var paths: [String] = []
        for argument in CommandLine.arguments.dropFirst() {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: argument, isDirectory: &isFolder) else {
                FileHandle.standardError.write(Data("no such file: \(argument)\n".utf8))
                exit(2)
            }
            if isFolder.boolValue {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: argument)) ?? []
                paths += names.filter { !$0.hasPrefix(".") }.sorted().map { argument + "/" + $0 }
            } else {
                paths.append(argument)
            }
        }
        for path in paths {
            target(Array(FileManager.default.contents(atPath: path) ?? Data()))
        }
        print("\(paths.count) input(s) replayed, none crashed")
        exit(0)
    }

    #if FUZZING
    /// Runs libFuzzer on `target` with the command line's options and corpus folders.
    public static func libFuzzer(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
                                 _ target: @convention(c) (UnsafeRawPointer?, Int) -> CInt) -> CInt {
        var count = argc, arguments = argv
        return LLVMFuzzerRunDriver(&count, &arguments, target)
    }
    #endif
}
