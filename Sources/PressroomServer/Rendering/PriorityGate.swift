// On-line renders before batch records: while any on-line render is waiting or running, batch
// workers do not start their next record. A batch record already on a core finishes (a few
// milliseconds), so an on-line render waits at most that long for the processor.
import Synchronization

public final class PriorityGate: Sendable {
    private struct State {
        var online = 0
        var waiting: [CheckedContinuation<Void, Never>] = []
    }
    private let state = Mutex(State())

    public init() {}

    /// On-line renders in flight now.
    public var onlineInFlight: Int { state.withLock { $0.online } }

    /// Runs an on-line render, holding batch work back meanwhile.
    public func online<T>(_ body: () async throws -> T) async rethrows -> T {
        state.withLock { $0.online += 1 }
        defer {
            let released = state.withLock { state -> [CheckedContinuation<Void, Never>] in
                state.online -= 1
                guard state.online == 0 else { return [] }
                defer { state.waiting = [] }
                return state.waiting
            }
            for waiter in released { waiter.resume() }
        }
        return try await body()
    }

    /// Returns when no on-line render is in flight.
    public func batchTurn() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let now = state.withLock { state -> Bool in
                if state.online == 0 { return true }
                state.waiting.append(continuation)
                return false
            }
            if now { continuation.resume() }
        }
    }
}
