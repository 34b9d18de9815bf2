// `pressroom bench-queue`: how fast the job store hands out work, without rendering. Makes jobs
// of placeholder records in the configured store, then N workers (concurrent tasks, each with a
// connection of its own on PostgreSQL) claim records and record them as rendered, as fast as
// they can; prints one JSON line with records per second and claim statements per second.
import ArgumentParser
import Foundation
import PressroomServer

struct BenchQueueCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-queue",
        abstract: "Benchmark the job store's claims (claim + complete, no rendering; prints one JSON line).")

    @Option(help: "The job store: a PostgreSQL URL, or empty for SQLite in --data.")
    var store: String = ""

    @Option(help: "The data folder for SQLite (made if missing).")
    var data: String = "pressroom-bench-queue"

    @Option(help: "Concurrent workers.")
    var workers: Int = 4

    @Option(help: "Records in all.")
    var records: Int = 20_000

    @Option(help: "Jobs the records are spread over (workers take weighted fair turns among them).")
    var jobs: Int = 4

    @Option(help: "Records claimed at once (the service's `chunk`).")
    var chunk: Int = 1

    func run() async throws {
        guard workers > 0, records > 0, jobs > 0, chunk > 0 else { throw ValidationError("workers, records, jobs and chunk are at least 1") }
        var configuration = ServiceConfiguration()
        configuration.store = store
        configuration.data = data
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        let jobStore = try await PressroomService.openStore(configuration)
        let perJob = (records + jobs - 1) / jobs
        let made = Date()
        for index in 0..<jobs {
            let entries = (1...perJob).map { RecordEntry.readable(number: $0, offset: 0, length: 2, line: $0, column: 1) }
            _ = try await jobStore.createJob(id: "bench-\(UUID().uuidString.lowercased())", tenant: "bench",
                                             spec: JobSpec(layout: "bench-\(index)"), weight: 1, idempotencyKey: nil,
                                             requestHash: "", records: entries, now: made)
        }
        let total = perJob * jobs
        let clock = ContinuousClock(), started = clock.now
        let counts = try await withThrowingTaskGroup(of: (records: Int, claims: Int).self) { group in
            for worker in 0..<workers {
                group.addTask {
                    var done = 0, claims = 0
                    while true {
                        let claimed = try await jobStore.claim(worker: "bench-\(worker)", limit: chunk, lease: 60, now: Date())
                        claims += 1
                        if claimed.isEmpty { return (done, claims) }
                        try await jobStore.complete(worker: "bench-\(worker)", job: claimed[0].job,
                                                    outcomes: claimed.map { ($0.number, RecordOutcome.rendered(pages: 1)) },
                                                    maxAttempts: 3, now: Date())
                        done += claimed.count
                    }
                }
            }
            return try await group.reduce(into: (records: 0, claims: 0)) { $0.records += $1.records; $0.claims += $1.claims }
        }
        let seconds = Double((clock.now - started).components.attoseconds) / 1e18 + Double((clock.now - started).components.seconds)
        guard counts.records == total else { throw ValidationError("\(counts.records) of \(total) records were claimed and completed") }
        let result: [String: Any] = [
            "store": store.isEmpty ? "sqlite" : "postgres", "workers": workers, "chunk": chunk, "jobs": jobs,
            "records": total, "claims": counts.claims, "seconds": (seconds * 1000).rounded() / 1000,
            "records_per_s": Int(Double(total) / seconds), "claims_per_s": Int(Double(counts.claims) / seconds),
        ]
        let line = try JSONSerialization.data(withJSONObject: result, options: [.sortedKeys])
        print(String(decoding: line, as: UTF8.self))
    }
}
