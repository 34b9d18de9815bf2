// Watches a set of files, and folders whose YAML files all count, by polling their signatures:
// polling sees saves in place, saves by rename, deletions and files created again, on every file
// system (inotify misses renames over a watched file unless its folder is watched too, and does
// not work on network mounts). A burst of saves is reported once, when the files have been quiet
// for `settle`.
import Dispatch
import Foundation
import PressroomLayout

/// Unchecked: its state is confined to one serial DispatchQueue (`queue`), which the compiler
/// cannot follow; every member marked "guarded by `queue`" is touched only there.
public final class FileWatcher: @unchecked Sendable {
    public typealias Handler = @Sendable (_ changed: [String]) -> Void

    private let interval: DispatchTimeInterval
    private let settle: TimeInterval
    private let handler: Handler
    private let queue = DispatchQueue(label: "pressroom.watch")
    private var timer: DispatchSourceTimer?

    // Guarded by `queue`.
    private var files: Set<String> = []
    private var folders: Set<String> = []
    private var known: [String: FileSignature?] = [:]
    private var pending: Set<String> = []
    private var lastChange: Date?

    /// - interval: how often signatures are read; settle: how long files must stay unchanged
    ///   before the change is reported.
    public init(interval: DispatchTimeInterval = .milliseconds(25), settle: TimeInterval = 0.05, handler: @escaping Handler) {
        self.interval = interval
        self.settle = settle
        self.handler = handler
    }

    deinit { timer?.cancel() }

    /// Replaces what is watched; the current state of the new set is the baseline (no change is
    /// reported for it).
    public func watch(files: Set<String>, folders: Set<String>) {
        queue.sync {
            self.files = files
            self.folders = folders
            let current = snapshot()
            // Keep pending changes of paths still watched; take the new paths as they are now.
            for (path, signature) in current where known.index(forKey: path) == nil { known.updateValue(signature, forKey: path) }
            known = known.filter { current.keys.contains($0.key) }
        }
    }

    /// Every path watched now (files, and the YAML files found in the folders).
    public var watchedPaths: [String] { queue.sync { known.keys.sorted() } }

    public func start() {
        queue.sync {
            guard timer == nil else { return }
            let timer = DispatchSource.makeTimerSource(queue: queue)
            timer.schedule(deadline: .now() + interval, repeating: interval, leeway: .milliseconds(5))
            timer.setEventHandler { [weak self] in self?.poll() }
            timer.resume()
            self.timer = timer
        }
    }

    public func stop() {
        queue.sync {
            timer?.cancel()
            timer = nil
        }
    }

    // MARK: - On `queue`

    private func snapshot() -> [String: FileSignature?] {
        var paths = files
        for folder in folders {
            paths.insert(folder)  // the folder itself: a file added or removed
            for name in LayoutLibrary.yamlFiles(in: folder) { paths.insert("\(folder)/\(name)") }
        }
        var result: [String: FileSignature?] = [:]
        for path in paths { result[path] = FileSignature(path: path) }
        return result
    }

    private func poll() {
        let current = snapshot()
        var changed = false
        for (path, signature) in current where known.index(forKey: path) == nil || known[path] != signature {
            known.updateValue(signature, forKey: path)  // a missing file is kept as nil
            pending.insert(path)
            changed = true
        }
        for path in known.keys where current.index(forKey: path) == nil {  // a folder lost a file
            known.removeValue(forKey: path)
            pending.insert(path)
            changed = true
        }
        if changed { lastChange = Date() }
        if let lastChange, !pending.isEmpty, Date().timeIntervalSince(lastChange) >= settle {
            let report = pending.sorted()
            pending.removeAll()
            self.lastChange = nil
            handler(report)
        }
    }
}
