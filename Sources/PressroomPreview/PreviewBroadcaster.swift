// Fans each preview update out to every open browser tab (one server-sent-events stream each);
// a tab that closes is forgotten when its stream ends.
import Foundation

final class PreviewBroadcaster: @unchecked Sendable {
    private let lock = NSLock()
    private var subscribers: [UUID: AsyncStream<String>.Continuation] = [:]
    private var latest: String?

    /// A stream of JSON states, starting with the latest one.
    func subscribe() -> AsyncStream<String> {
        let id = UUID()
        let (stream, continuation) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingNewest(4))
        continuation.onTermination = { [weak self] _ in
            guard let self else { return }
            self.lock.withLock { _ = self.subscribers.removeValue(forKey: id) }
        }
        lock.withLock {
            subscribers[id] = continuation
            if let latest { continuation.yield(latest) }
        }
        return stream
    }

    func publish(_ json: String) {
        let targets = lock.withLock { () -> [AsyncStream<String>.Continuation] in
            latest = json
            return Array(subscribers.values)
        }
        for continuation in targets { continuation.yield(json) }
    }

    var subscriberCount: Int { lock.withLock { subscribers.count } }
}
