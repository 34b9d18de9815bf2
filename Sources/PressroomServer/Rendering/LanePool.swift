// The lanes on-line renders share: a render takes a free lane or waits in line for one; past
// `maxWaiting` in line, the caller is told to come back later (429).
import Synchronization

public final class LanePool: Sendable {
    private struct State {
        var free: [RenderLane]
        var waiting: [CheckedContinuation<RenderLane, Never>] = []
    }
    private let state: Mutex<State>
    public let maxWaiting: Int

    public init(lanes: [RenderLane], maxWaiting: Int) {
        state = Mutex(State(free: lanes))
        self.maxWaiting = maxWaiting
    }

    /// A lane, or nil when the line is full.
    func take() async -> RenderLane? {
        let full = state.withLock { $0.free.isEmpty && $0.waiting.count >= maxWaiting }
        if full { return nil }
        return await withCheckedContinuation { (continuation: CheckedContinuation<RenderLane, Never>) in
            let lane = state.withLock { state -> RenderLane? in
                if let lane = state.free.popLast() { return lane }
                state.waiting.append(continuation)
                return nil
            }
            if let lane { continuation.resume(returning: lane) }
        }
    }

    func give(_ lane: RenderLane) {
        let waiter = state.withLock { state -> CheckedContinuation<RenderLane, Never>? in
            if !state.waiting.isEmpty { return state.waiting.removeFirst() }
            state.free.append(lane)
            return nil
        }
        waiter?.resume(returning: lane)
    }
}
