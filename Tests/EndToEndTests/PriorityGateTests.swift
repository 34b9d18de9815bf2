// On-line renders before batch records: a batch worker's render thread waiting for its turn is
// held while an on-line render is in flight and let go when the last one ends.
import Dispatch
import Foundation
import PressroomServer
import Synchronization
import Testing

@Test func aBatchRecordWaitsWhileAnOnlineRenderRuns() async throws {
    let gate = PriorityGate()
    let events = Mutex<[String]>([])
    gate.waitForBatchTurn()   // nothing on-line: no wait
    let online = Task {
        try await gate.online {
            events.withLock { $0.append("online started") }
            try await Task.sleep(for: .milliseconds(300))
            events.withLock { $0.append("online ended") }
        }
    }
    while gate.onlineInFlight == 0 { try await Task.sleep(for: .milliseconds(5)) }
    let batch = DispatchSemaphore(value: 0)
    Thread.detachNewThread {
        gate.waitForBatchTurn()
        events.withLock { $0.append("batch record") }
        batch.signal()
    }
    try await online.value
    while batch.wait(timeout: .now()) == .timedOut { try await Task.sleep(for: .milliseconds(5)) }
    #expect(events.withLock { $0 } == ["online started", "online ended", "batch record"])
    #expect(gate.onlineInFlight == 0)
}
