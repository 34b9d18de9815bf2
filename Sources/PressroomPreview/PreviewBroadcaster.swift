// Fans each preview update out to every open browser tab (one server-sent-events stream each);
// a tab that closes is forgotten when its stream ends.
import Foundation
import Synchronization

final class PreviewBroadcaster: Sendable {
    private struct Subscribers {
        var streams: [UUID: AsyncStream<String>.Continuation] = [:]
        var latest: String?
    }

    private let subscribers = Mutex(Subscribers())

    /// A stream of JSON states, starting with the latest one.
    func subscribe() -> AsyncStream<String> {
        let id = UUID()
        let (stream, continuation) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingNewest(4))
        continuation.onTermination = { [weak self] _ in
            guard let self else { return }
            _ = self.subscribers.withLock { $0.streams.removeValue(forKey: id) }
        }
        subscribers.withLock { subscribers in
            subscribers.streams[id] = continuation
            if let latest = subscribers.latest { continuation.yield(latest) }
        }
        return stream
    }

    func publish(_ json: String) {
        let targets = subscribers.withLock { subscribers in
            subscribers.latest = json
            return Array(subscribers.streams.values)
        }
        for continuation in targets { continuation.yield(json) }
    }

    var subscriberCount: Int { subscribers.withLock { $0.streams.count } }
}
