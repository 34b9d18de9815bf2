// The batch loop on every core: each worker thread makes its own DocumentProducer (renderers and
// writer caches are not shared, and the compiler keeps each inside its thread), pulls the next
// record from the one reader, and writes its document into a temporary file as it is made; one
// coordinator names the files in record order, so the files, their names and the summary are the
// same as on one core.
import Foundation
import PressroomLayout
import Synchronization

public struct ParallelBatchRenderer: Sendable {
    public let jobs: Int
    public let makeProducer: @Sendable () throws -> DocumentProducer
    public var nameTemplate: Template?

    /// `makeProducer` is called once in each worker.
    public init(jobs: Int, nameTemplate: Template? = nil, makeProducer: @escaping @Sendable () throws -> DocumentProducer) {
        self.jobs = max(1, jobs)
        self.nameTemplate = nameTemplate
        self.makeProducer = makeProducer
    }

    /// What a worker made of one record: the document and its name before it is made unique.
    private struct Outcome: Sendable {
        let number: Int
        let result: Result<(file: AtomicFileStream, pages: Int, name: String), RecordFailure>
    }

    /// Renders every record into one PDF per record in `folder`, as `BatchRenderer` with a
    /// `PDFFolderOutput` does.
    public func run(_ records: RecordReader, folder: String, durable: Bool = false,
                    progress: (BatchProgress) -> Void = { _ in }) throws(RecordFailure) -> BatchSummary {
        try PDFFolderOutput.makeFolder(folder)
        let started = Date()
        let reader = RecordQueue(records)
        let results = ResultBox()
        let template = nameTemplate
        let factory = makeProducer
        var workers: [Thread] = []
        for _ in 0..<jobs {
            let worker = Thread {
                let producer: DocumentProducer
                do { producer = try factory() } catch {
                    results.fail(RecordFailure(error))
                    return
                }
                while let (number, entry) = reader.next() {
                    results.put(Self.render(entry, number: number, producer: producer, template: template, folder: folder))
                }
                results.workerFinished()
            }
            worker.stackSize = 8 << 20
            workers.append(worker)
            worker.start()
        }

        var summary = BatchSummary(rendered: 0, pages: 0, failures: [], seconds: 0)
        var names = BatchNames()
        var expected = 1
        while let outcome = results.take(expected, workers: jobs) {
            switch outcome.result {
            case .success(let document):
                let name = names.unique(document.name, fallback: BatchNames.numbered(outcome.number))
                do {
                    try document.file.commit(as: folder + "/" + name + ".pdf", durable: durable)
                    names.take(name)
                    summary.rendered += 1
                    summary.pages += document.pages
                } catch {
                    summary.failures.append(BatchFailure(record: outcome.number, failure: error))
                }
            case .failure(let failure):
                summary.failures.append(BatchFailure(record: outcome.number, failure: failure))
            }
            progress(BatchProgress(done: summary.total, failed: summary.failures.count))
            expected += 1
        }
        if let failure = results.workerFailure { throw failure }
        AtomicFile.sync(folder: folder)
        summary.seconds = Date().timeIntervalSince(started)
        return summary
    }

    private static func render(_ entry: Result<DataValue, LayoutError>, number: Int, producer: DocumentProducer,
                               template: Template?, folder: String) -> Outcome {
        do {
            let record = try entry.get()
            let preamble = try producer.renderer.preamble(for: record)
            let name = try BatchRenderer.name(of: preamble, template: template, fallback: BatchNames.numbered(number))
            // Under its name as far as this record knows it; the coordinator may make it unique.
            let provisional = BatchNames.safe(name, fallback: BatchNames.numbered(number))
            let file = try AtomicFileStream(path: folder + "/" + provisional + ".pdf", hashing: false)
            let document = try producer.document(for: record, preamble: preamble, into: file)
            return Outcome(number: number, result: .success((file, document.pageCount, name)))
        } catch {
            return Outcome(number: number, result: .failure(RecordFailure(error)))
        }
    }

    /// The one reader the workers take records from, one at a time.
    private final class RecordQueue: Sendable {
        private let iterator: Mutex<RecordReader.Iterator>

        init(_ records: RecordReader) { iterator = Mutex(records.makeIterator()) }

        func next() -> RecordReader.Element? { iterator.withLock { $0.next() } }
    }

    /// Outcomes by record number, handed to the coordinator in order.
    private final class ResultBox: Sendable {
        private struct State {
            var outcomes: [Int: Outcome] = [:]
            var finishedWorkers = 0
            var failure: RecordFailure?
        }
        private let state = Mutex(State())
        private let signal = DispatchSemaphore(value: 0)

        func put(_ outcome: Outcome) {
            state.withLock { $0.outcomes[outcome.number] = outcome }
            signal.signal()
        }

        func workerFinished() {
            state.withLock { $0.finishedWorkers += 1 }
            signal.signal()
        }

        func fail(_ failure: RecordFailure) {
            state.withLock { $0.failure = $0.failure ?? failure; $0.finishedWorkers += 1 }
            signal.signal()
        }

        var workerFailure: RecordFailure? { state.withLock { $0.failure } }

        /// Record `number`'s outcome once a worker has it; nil when every worker has finished
        /// and it never came (the records are all done).
        func take(_ number: Int, workers: Int) -> Outcome? {
            while true {
                let (outcome, done) = state.withLock { state in (state.outcomes.removeValue(forKey: number), state.finishedWorkers == workers) }
                if let outcome { return outcome }
                if done {
                    return state.withLock { $0.outcomes.removeValue(forKey: number) }
                }
                signal.wait()
            }
        }
    }
}
