// Where the tests write their files: one folder per test process in the temporary directory,
// removed when the process exits. Tests made their folders and files straight in /tmp and many
// kept them (a layouts folder a library still reads, a server's log read after a failure), so
// every `swift test` left some 130 behind.
import Foundation

public enum Scratch {
    /// This process's folder, `pressroom-tests-<pid>` in the temporary directory, made on first use.
    public static let root: URL = {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("pressroom-tests-\(getpid())")
        try? FileManager.default.removeItem(at: root)  // a crashed run's, whose pid came round again
        do {
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        } catch {
            fatalError("cannot make the tests' scratch folder \(root.path): \(error)")
        }
        atexit { try? FileManager.default.removeItem(at: Scratch.root) }
        return root
    }()

    /// `name` in this process's folder (not made: the test makes a file or a folder there).
    public static func url(_ name: String) -> URL { root.appendingPathComponent(name) }

    public static func path(_ name: String) -> String { url(name).path }
}
