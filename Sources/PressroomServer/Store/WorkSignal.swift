// Idle workers waiting for work: each waits until the store hears of new work (PostgreSQL's
// NOTIFY) or until its poll interval has passed, whichever comes first.
actor WorkSignal {
    private var waiting: [Int: CheckedContinuation<Void, Never>] = [:]
    private var next = 0

    func wait(upTo limit: Duration) async {
        let id = next
        next += 1
        await withCheckedContinuation { continuation in
            waiting[id] = continuation
            Task { [weak self] in
                try? await Task.sleep(for: limit)
                await self?.resume(id)
            }
        }
    }

    private func resume(_ id: Int) {
        waiting.removeValue(forKey: id)?.resume()
    }

    func wakeAll() {
        for continuation in waiting.values { continuation.resume() }
        waiting.removeAll()
    }
}
