// A worker: claims a few records at a time from the job store, renders each on its own lane
// (after any on-line render in this process), writes each PDF whole under its record's name,
// and records the outcomes in one transaction (while the next few render: the lane never waits
// on the store between chunks). A record is done only when that transaction
// commits; a worker that dies before leaves leases that run out, and another worker renders the
// record again into the same file, with the same bytes. Heartbeats keep the leases of a worker
// that is alive; graceful shutdown ends the worker after the records it holds.
import Foundation
import Logging
import PressroomDelivery
import PressroomGraphics
import PressroomLayout
import PressroomProduction
import ServiceLifecycle

public struct WorkerSettings: Sendable {
    /// Records claimed at once: fewer store round trips, at the price of a coarser share.
    public var chunk = 8
    public var lease: TimeInterval = 60
    public var idlePoll: Duration = .milliseconds(100)
    public var maxAttempts = 5
    /// How often a worker looks for leases that ran out.
    public var rescueEvery: TimeInterval = 5
    /// Flush each PDF to the disk before its record is marked done.
    public var durable = false

    public init() {}
}

public struct Worker: Service {
    public let id: String
    let store: any JobStore
    let lane: RenderLane
    let gate: PriorityGate?
    let files: JobFiles
    let postFolder: String
    let settings: WorkerSettings
    let metrics: ServerMetrics
    let logger: Logger

    public init(id: String, store: any JobStore, lane: RenderLane, gate: PriorityGate?, files: JobFiles, postFolder: String,
                settings: WorkerSettings, metrics: ServerMetrics, logger: Logger) {
        self.id = id
        self.store = store
        self.lane = lane
        self.gate = gate
        self.files = files
        self.postFolder = postFolder
        self.settings = settings
        self.metrics = metrics
        self.logger = logger
    }

    public func run() async throws {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await heartbeats() }
            await work()
            group.cancelAll()
        }
    }

    private var stopping: Bool { Task.isCancelled || Task.isShuttingDownGracefully }

    private func work() async {
        var lastRescue = Date.distantPast
        // Claimed and not yet rendered; and the outcomes of the chunk before, being recorded.
        // The next chunk is claimed and the last one recorded while this one renders, so the
        // lane does not wait on the store between chunks.
        var held: [ClaimedRecord] = []
        var recording: Task<Void, Never>?
        while !stopping || !held.isEmpty {
            do {
                if !stopping && Date().timeIntervalSince(lastRescue) >= settings.rescueEvery {
                    lastRescue = Date()
                    let rescued = try await store.rescueExpiredLeases(maxAttempts: settings.maxAttempts, now: lastRescue)
                    if rescued > 0 {
                        metrics.leasesRescued.increment(by: Int64(rescued))
                        logger.warning("took back \(rescued) record(s) whose worker stopped")
                    }
                }
                if held.isEmpty {
                    held = try await store.claim(worker: id, limit: settings.chunk, lease: settings.lease, now: Date())
                }
                if held.isEmpty {
                    await recording?.value
                    recording = nil
                    if let finishing = try await store.claimFinishing(worker: id, lease: settings.lease, now: Date()) {
                        await finish(finishing)
                    } else {
                        await store.waitForWork(upTo: settings.idlePoll)
                    }
                    continue
                }
                let chunk = held
                held = []
                let next: Task<[ClaimedRecord], any Error>? = stopping ? nil : Task { [store, id, settings] in
                    try await store.claim(worker: id, limit: settings.chunk, lease: settings.lease, now: Date())
                }
                let outcomes = await render(chunk)
                await recording?.value
                let finished = outcomes
                recording = Task { await record(finished, of: chunk[0].job) }
                held = try await next?.value ?? []
            } catch {
                // The store did not answer (busy past its timeout, or gone): wait and try again;
                // what this worker holds comes back through its leases if it never recovers.
                logger.error("job store: \(error)")
                try? await Task.sleep(for: .seconds(1))
            }
        }
        await recording?.value
    }

    /// Records a chunk's outcomes in the store (one transaction) and counts them.
    private func record(_ outcomes: [(number: Int, outcome: RecordOutcome)], of job: String) async {
        do {
            let counted = try await store.complete(worker: id, job: job, outcomes: outcomes, maxAttempts: settings.maxAttempts, now: Date())
            for (number, outcome) in outcomes where counted.contains(number) {
                switch outcome {
                case .rendered: metrics.recordsRendered.increment()
                case .failed: metrics.recordsFailed.increment()
                case .retry: metrics.recordsRetried.increment()
                }
            }
        } catch {
            // Not recorded: the records come back when their leases run out and are rendered again.
            logger.error("job store: cannot record the outcomes of \(outcomes.count) record(s) of job \(job): \(error)")
        }
    }

    private func heartbeats() async {
        while !Task.isCancelled {
            try? await Task.sleep(for: .seconds(settings.lease / 3))
            if Task.isCancelled { return }
            do { try await store.heartbeat(worker: id, lease: settings.lease, now: Date()) } catch {
                logger.error("heartbeat: \(error)")
            }
        }
    }

    /// A chunk's records (all of one job) into their files, one after another on the worker's
    /// lane in one visit: a hop back to the task pool between records would leave the lane
    /// waiting for a core. Before each record the lane waits while on-line renders run.
    func render(_ chunk: [ClaimedRecord]) async -> [(number: Int, outcome: RecordOutcome)] {
        guard let first = chunk.first else { return [] }
        let files = files, durable = settings.durable, gate = gate, metrics = metrics, tenants = lane.tenants
        do {
            return try await lane.withProducer(tenant: first.tenant, layout: first.spec.layout, theme: first.spec.theme,
                                               variant: first.spec.variant, created: first.created) { producer in
                let reader = try RecordReader(path: files.records(first.job))
                let email = first.spec.deliver ? try RecordEmail(producer: producer, tenants: tenants, tenant: first.tenant) : nil
                return chunk.map { record in
                    gate?.waitForBatchTurn()
                    let started = ContinuousClock.now
                    do {
                        let output = files.document(record.job, number: record.number)
                        let span = RecordReader.Span(number: record.number, offset: record.offset, length: record.length,
                                                     line: record.line, column: record.column)
                        let data = try reader.record(at: span).get()
                        // A record tried before may have been taken back from a worker killed mid-write.
                        if record.attempts > 1 { AtomicFile.removeLeftovers(of: output) }
                        if let email {
                            let message = files.message(record.job, number: record.number)
                            if record.attempts > 1 { AtomicFile.removeLeftovers(of: message) }
                            let (pages, delivery) = try email.render(data, number: record.number, job: record.job, producer: producer,
                                                                     output: output, message: message, durable: durable)
                            metrics.batchLatency.record(ContinuousClock.now - started)
                            return (record.number, .rendered(pages: pages, delivery: delivery))
                        }
                        let document = try producer.document(for: data)
                        try AtomicFile.write(document.bytes, to: output, durable: durable)
                        metrics.batchLatency.record(ContinuousClock.now - started)
                        return (record.number, .rendered(pages: document.pageCount))
                    } catch {
                        return (record.number, Self.outcome(error))
                    }
                }
            }
        } catch {
            // No producer for the job (its layout does not load) or its records file is gone: every record fails alike.
            let outcome = Self.outcome(error)
            return chunk.map { ($0.number, outcome) }
        }
    }

    /// A failure of the record itself is final; one of the output (the disk) is tried again.
    private static func outcome(_ error: any Error) -> RecordOutcome {
        let failure = ServiceFailure.recordFailure(error)
        if case .output = failure { return .retry(failure) }
        return .failed(failure)
    }

    /// The job's combined file and postal batch, after its last record.
    private func finish(_ claim: FinishingClaim) async {
        let spec = claim.spec
        let records = files.records(claim.job)
        do {
            if spec.combine {
                let path = files.combined(claim.job)
                _ = try await lane.withProducer(tenant: claim.tenant, layout: spec.layout, theme: spec.theme, variant: spec.variant,
                                                created: claim.created) { producer in
                    let output = CombinedPDFOutput(path: path, info: DocumentInfo(title: "\(spec.layout) \(claim.job)"))
                    return try BatchRenderer(producer: producer).run(try RecordReader(path: records), into: output).rendered
                }
            }
            var postalBatch: String?
            var postFailures: [Int: String] = [:]
            if let post = spec.post, !claim.forPost.isEmpty {
                (postalBatch, postFailures) = try await handToPrintShop(claim, profile: post, records: records)
            } else if spec.deliver && spec.post == nil {
                for number in claim.forPost {
                    postFailures[number] = "it goes by post, and the job was created without a post profile (?post=)"
                }
            }
            try await store.completeFinishing(worker: id, job: claim.job, postalBatch: postalBatch, failure: nil, postFailures: postFailures,
                                              now: Date())
        } catch {
            logger.error("job \(claim.job): its finishing step failed: \(error)")
            let failures = Dictionary(claim.forPost.map { ($0, "the postal batch failed: \(error)") }) { first, _ in first }
            try? await store.completeFinishing(worker: id, job: claim.job, postalBatch: nil, failure: "\(error)",
                                               postFailures: spec.deliver ? failures : [:], now: Date())
        }
    }

    /// The job's records for post as a postal batch in the post folder, handed to the job's
    /// shop; with the records the batch could not take, and why.
    private func handToPrintShop(_ claim: FinishingClaim, profile: String, records: String) async throws -> (String, [Int: String]) {
        let spec = claim.spec
        let name = "\(spec.layout)-\(claim.job)"
        let folder = "\(postFolder)/\(name)"
        let only = Set(claim.forPost)
        let summary = try await lane.withProducer(tenant: claim.tenant, layout: spec.layout, theme: spec.theme, variant: "print",
                                                 created: claim.created) { producer in
            let profile = try producer.renderer.library.postProfile(named: profile)
            let batch = PostalBatch(producer: producer, profile: profile, job: name)
            try PDFFolderOutput.makeFolder(folder)
            return try batch.run(try RecordReader(path: records), only: only, into: folder)
        }
        try PostalHandoff(folder: postFolder).handOver(job: name, to: spec.shop ?? "in-house", pieces: summary.pieces)
        let failures = Dictionary(summary.failures.map { ($0.record, $0.description) }) { first, _ in first }
        return (name, failures)
    }
}
