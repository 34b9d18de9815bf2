// The watcher against real files in a temporary folder: saves in place, saves by rename (as many
// editors do), deletion followed by re-creation, files added to a watched folder, and a burst of
// saves reported once.
import Foundation
import Testing
@testable import PressroomPreview
import TestScratch

@Suite(.serialized) struct FileWatcherTests {
    /// Collects what the watcher reports.
    final class Reports: @unchecked Sendable {
        private let lock = NSLock()
        private var batches: [[String]] = []
        func add(_ batch: [String]) { lock.withLock { batches.append(batch) } }
        var all: [[String]] { lock.withLock { batches } }

        /// Waits until `count` batches have arrived (or the timeout passes).
        func wait(for count: Int, timeout: TimeInterval = 3) -> [[String]] {
            let deadline = Date().addingTimeInterval(timeout)
            while Date() < deadline && all.count < count { usleep(10_000) }
            return all
        }
    }

    let folder: String
    init() throws {
        folder = Scratch.path("pressroom-watch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: folder + "/themes", withIntermediateDirectories: true)
    }

    private func write(_ text: String, to name: String) throws {
        try text.write(toFile: "\(folder)/\(name)", atomically: false, encoding: .utf8)
    }

    private func watcher(_ reports: Reports, files: [String], folders: [String] = []) -> FileWatcher {
        let watcher = FileWatcher(interval: .milliseconds(20), settle: 0.05) { reports.add($0) }
        watcher.watch(files: Set(files.map { "\(folder)/\($0)" }), folders: Set(folders.map { "\(folder)/\($0)" }))
        watcher.start()
        return watcher
    }

    @Test func aSaveInPlaceIsReported() throws {
        try write("a: 1\n", to: "layout.yaml")
        let reports = Reports()
        let watcher = watcher(reports, files: ["layout.yaml"])
        defer { watcher.stop() }
        usleep(100_000)
        #expect(reports.all.isEmpty, "nothing changed yet")
        try write("a: 2\n", to: "layout.yaml")
        #expect(reports.wait(for: 1) == [["\(folder)/layout.yaml"]])
    }

    @Test func aSaveByRenameIsReported() throws {
        // Same size, and possibly the same modification second: only the inode tells.
        try write("colour: red\n", to: "themes/brand.yaml")
        let reports = Reports()
        let watcher = watcher(reports, files: ["themes/brand.yaml"])
        defer { watcher.stop() }
        usleep(60_000)
        try write("colour: tan\n", to: "themes/.brand.yaml.swp")
        #expect(rename("\(folder)/themes/.brand.yaml.swp", "\(folder)/themes/brand.yaml") == 0)
        #expect(reports.wait(for: 1).first?.contains("\(folder)/themes/brand.yaml") == true)
        // And the next save by rename too: the watcher follows the new file, not the old inode.
        try write("colour: red\n", to: "themes/.brand.yaml.swp")
        #expect(rename("\(folder)/themes/.brand.yaml.swp", "\(folder)/themes/brand.yaml") == 0)
        #expect(reports.wait(for: 2).count == 2)
    }

    @Test func aDeletedFileIsReportedAndSoIsItsReturn() throws {
        try write("a: 1\n", to: "data.json")
        let reports = Reports()
        let watcher = watcher(reports, files: ["data.json"])
        defer { watcher.stop() }
        usleep(60_000)
        try FileManager.default.removeItem(atPath: "\(folder)/data.json")
        #expect(reports.wait(for: 1) == [["\(folder)/data.json"]])
        usleep(150_000)
        try write("a: 2\n", to: "data.json")
        #expect(reports.wait(for: 2).count == 2, "the re-created file is reported")
        try write("a: 3\n", to: "data.json")
        #expect(reports.wait(for: 3).count == 3, "and watched from then on")
    }

    @Test func aFileAddedToAWatchedFolderIsReported() throws {
        try write("theme: brand\n", to: "themes/brand.yaml")
        let reports = Reports()
        let watcher = watcher(reports, files: [], folders: ["themes"])
        defer { watcher.stop() }
        usleep(60_000)
        try write("theme: harbour\n", to: "themes/harbour.yaml")
        let batches = reports.wait(for: 1)
        #expect(batches.first?.contains("\(folder)/themes/harbour.yaml") == true)
        #expect(watcher.watchedPaths.contains("\(folder)/themes/harbour.yaml"))
    }

    @Test func aBurstOfSavesIsReportedOnce() throws {
        try write("n: 0\n", to: "layout.yaml")
        try write("n: 0\n", to: "theme.yaml")
        let reports = Reports()
        let watcher = FileWatcher(interval: .milliseconds(20), settle: 0.15) { reports.add($0) }
        watcher.watch(files: ["\(folder)/layout.yaml", "\(folder)/theme.yaml"], folders: [])
        watcher.start()
        defer { watcher.stop() }
        usleep(60_000)
        for n in 1...8 {  // a save every 30 ms, quicker than the settle time
            try write("n: \(n)\n", to: n % 2 == 0 ? "layout.yaml" : "theme.yaml")
            usleep(30_000)
        }
        let batches = reports.wait(for: 1)
        usleep(400_000)
        #expect(reports.all.count == 1, "one report for the burst, got \(reports.all)")
        #expect(batches.first == ["\(folder)/layout.yaml", "\(folder)/theme.yaml"])
    }
}
