// A one-line progress bar with rate and ETA on standard error, drawn only on a terminal and at
// most ten times a second.
import Foundation

struct ProgressBar {
    let total: Int
    let enabled: Bool
    private let started = Date()
    private var lastDrawn = Date.distantPast

    init(total: Int, enabled: Bool = Console.errorIsTerminal) {
        self.total = total
        self.enabled = enabled && total > 1
    }

    mutating func update(done: Int, failed: Int) {
        guard enabled else { return }
        let now = Date()
        guard done == total || now.timeIntervalSince(lastDrawn) >= 0.1 else { return }
        lastDrawn = now
        let elapsed = now.timeIntervalSince(started)
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        let fraction = total > 0 ? Double(done) / Double(total) : 1
        let width = 30
        let filled = Int(fraction * Double(width))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let eta = rate > 0 ? Double(total - done) / rate : 0
        let failures = failed > 0 ? ", \(failed) failed" : ""
        let line = String(format: "\r%@ %d/%d %3.0f%%  %.0f docs/s  ETA %@%@\u{1B}[K", bar, done, total, fraction * 100, rate,
                          Self.clock(eta), failures)
        FileHandle.standardError.write(Data(line.utf8))
    }

    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\n".utf8))
    }

    static func clock(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return s >= 3600 ? String(format: "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String(format: "%d:%02d", s / 60, s % 60)
    }
}
