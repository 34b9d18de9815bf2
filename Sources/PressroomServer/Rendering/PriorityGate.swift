// On-line renders before batch records: while any on-line render is waiting or running, batch
// workers do not start their next record. A batch record already on a core finishes (a few
// milliseconds), so an on-line render waits at most that long for the processor. Workers wait
// on their own render threads (`waitForBatchTurn`), not in the task pool.
import Dispatch
import Synchronization

public final class PriorityGate: Sendable {
    private struct State {
        var online = 0
        var blocked: [DispatchSemaphore] = []
    }
    private let state = Mutex(State())

    public init() {}

    /// On-line renders in flight now.
    public var onlineInFlight: Int { state.withLock { $0.online } }

    /// Runs an on-line render, holding batch work back meanwhile.
    public func online<T>(_ body: () async throws -> T) async rethrows -> T {
        state.withLock { $0.online += 1 }
        defer {
            let released = state.withLock { state -> [DispatchSemaphore] in
                state.online -= 1
                guard state.online == 0 else { return [] }
                defer { state.blocked = [] }
                return state.blocked
            }
            for thread in released { thread.signal() }
        }
        return try await body()
    }

    /// Blocks the calling thread (a render lane's own, never one of the task pool's) until no
    /// on-line render is in flight.
    public func waitForBatchTurn() {
        let semaphore = DispatchSemaphore(value: 0)
        let now = state.withLock { state -> Bool in
            if state.online == 0 { return true }
            state.blocked.append(semaphore)
            return false
        }
        if !now { semaphore.wait() }
    }
}
