// `pressroom bench-peer`: the external-peer protocol of ../shared/bench (peers.py --external), so
// our engine is timed in the same pass as the peers: read every record, render the first
// --warmup untimed, then time rendering and writing each record to DIR/00000.pdf, … and print one
// JSON line with docs, wall and CPU seconds, latencies and peak RSS. Files are written as `render`
// writes them (whole or not at all, flushed to the disk once at the end, inside the timed loop).
import ArgumentParser
import Foundation
import PressroomLayout
import PressroomProduction

struct BenchPeerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-peer",
        abstract: "Benchmark protocol of ../shared/bench/peers.py --external (prints one JSON line).")

    @Option(help: "The layout to render with.")
    var layout: String = "invoice"

    @Option(help: "JSON Lines input.")
    var input: String

    @Option(help: "Where to write 00000.pdf, 00001.pdf, …")
    var outDir: String

    @Option(help: "Records rendered untimed first.")
    var warmup: Int = 2

    @Option(help: "Also print RSS (MiB) after every N records to standard error, to show memory stays flat.")
    var rssEvery: Int?

    @Flag(help: "Render without writing files (measures the engine alone).")
    var noWrite = false

    @Flag(help: "Read records one at a time as `render` does, instead of all before timing (no warm-up).")
    var stream = false

    @OptionGroup var options: LayoutOptions

    func run() throws {
        let producer = try options.producer(for: layout, variant: .plain)
        let reader = try RecordReader(path: input)
        var loaded: [DataValue] = []
        if !stream {
            for (number, result) in reader {
                do { loaded.append(try result.get()) } catch { throw ValidationError("record \(number): \(error)") }
            }
        }
        try FileManager.default.createDirectory(atPath: outDir, withIntermediateDirectories: true)
        if !stream { for record in loaded.prefix(warmup) { _ = try producer.document(for: record) } }
        let records: AnySequence<DataValue> = stream
            ? AnySequence(reader.lazy.map { entry -> DataValue in (try? entry.result.get()) ?? .null })
            : AnySequence(loaded)
        var count = 0

        var latencies: [Double] = []
        latencies.reserveCapacity(loaded.count)
        let cpuBefore = Self.cpuSeconds()
        let started = DispatchTime.now().uptimeNanoseconds
        for (index, record) in records.enumerated() {
            count += 1
            let docStarted = DispatchTime.now().uptimeNanoseconds
            let document = try producer.document(for: record)
            if !noWrite {
                try AtomicFile.write(document.bytes, to: outDir + "/" + String(format: "%05d.pdf", index))
            }
            latencies.append(Double(DispatchTime.now().uptimeNanoseconds - docStarted) / 1e6)
            if let rssEvery, (index + 1) % rssEvery == 0 {
                Console.error(String(format: "rss after %d records: %.1f MiB (peak %.1f MiB)", index + 1, Self.currentRSSMiB(), Self.peakRSSMiB()))
            }
        }
        if !noWrite { AtomicFile.sync(folder: outDir) }
        let wall = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        let cpu = Self.cpuSeconds() - cpuBefore
        latencies.sort()
        let p50 = latencies.isEmpty ? 0 : latencies[latencies.count / 2]
        let p95 = latencies.isEmpty ? 0 : latencies[Int(0.95 * Double(latencies.count - 1))]
        let result: [String: Any] = [
            "peer": "pressroom", "status": "ok", "version": "0.3.0", "docs": count,
            "wall_s": wall, "cpu_s": cpu, "p50_ms": p50, "p95_ms": p95, "peak_rss_mib": Self.peakRSSMiB(),
            "allocator": Allocator.name,
        ]
        let json = try JSONSerialization.data(withJSONObject: result, options: [.sortedKeys])
        print(String(decoding: json, as: UTF8.self))
    }

    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(Int32(RUSAGE_SELF.rawValue), &usage)
        return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
            + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
    }

    static func peakRSSMiB() -> Double {
        var usage = rusage()
        getrusage(Int32(RUSAGE_SELF.rawValue), &usage)
        return Double(usage.ru_maxrss) / 1024
    }

    static func currentRSSMiB() -> Double {
        guard let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = statm.split(separator: " ")
        guard fields.count > 1, let pages = Double(fields[1]) else { return 0 }
        return pages * Double(sysconf(Int32(_SC_PAGESIZE))) / 1_048_576
    }
}
