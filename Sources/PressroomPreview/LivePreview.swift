// `pressroom watch`: ties the watcher, the preview session and the HTTP server together. A change
// to any file the render read renders again (on one queue, so renders never overlap), updates
// what the watcher watches, and pushes the new state to every open tab.
import Dispatch
import Foundation
import Hummingbird
import Logging

/// Unchecked: the session is confined to `renderQueue` (one render at a time) and the published
/// state sits behind `lock`; the compiler cannot follow a queue.
public final class LivePreview: @unchecked Sendable {
    public typealias Log = @Sendable (String) -> Void

    private let session: PreviewSession
    private let renderQueue = DispatchQueue(label: "pressroom.preview.render")
    private let broadcaster = PreviewBroadcaster()
    private let log: Log
    private var watcher: FileWatcher!
    private let lock = NSLock()
    private var published = (state: PreviewState(), svgs: [String]())

    /// How often an open update stream is written to when nothing changes, so a closed tab's
    /// connection is noticed and freed.
    private let heartbeat: Duration
    /// The token the page sends with changes (see `PreviewGuard`).
    let token = PreviewGuard.makeToken()

    public init(configuration: PreviewConfiguration, record: Int = 1, heartbeat: Duration = .seconds(10), log: @escaping Log) {
        self.heartbeat = heartbeat
        session = PreviewSession(configuration: configuration)
        session.select(record: record)
        self.log = log
        watcher = FileWatcher { [weak self] changed in self?.refresh(changed: changed) }
    }

    /// The state the browser sees now.
    public var state: PreviewState { lock.withLock { published.state } }

    /// Renders once, starts watching, and serves on 127.0.0.1 until the process ends.
    /// `port` 0 picks a free port; `listening` receives the port once the server accepts.
    public func run(port: Int, listening: @escaping @Sendable (Int) -> Void) async throws {
        renderQueue.sync { self.render(changed: []) }
        watcher.start()
        var logger = Logger(label: "pressroom.watch")
        logger.logLevel = .warning
        let app = Application(router: PreviewRoutes.router(for: self, token: token, heartbeat: heartbeat),
                              configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: port)),
                              onServerRunning: { channel in listening(channel.localAddress?.port ?? port) },
                              logger: logger)
        try await app.run()
    }

    // MARK: Used by the routes

    func subscribe() -> AsyncStream<String> { broadcaster.subscribe() }

    /// Update streams open now.
    public var subscriberCount: Int { broadcaster.subscriberCount }

    func svg(page: Int) -> String? {
        lock.withLock { published.svgs.indices.contains(page - 1) ? published.svgs[page - 1] : nil }
    }

    func select(record: Int) {
        renderQueue.async {
            self.session.select(record: record)
            self.render(changed: [])
        }
    }

    func pdf() async throws -> (bytes: [UInt8], fileName: String) {
        try await withCheckedThrowingContinuation { continuation in
            renderQueue.async { continuation.resume(with: Result { try self.session.pdf() }) }
        }
    }

    // MARK: -

    private func refresh(changed: [String]) {
        renderQueue.async { self.render(changed: changed) }
    }

    /// On `renderQueue`.
    private func render(changed: [String]) {
        let state = session.update(changed: changed)
        watcher.watch(files: session.dependencies.files, folders: session.dependencies.folders)
        lock.withLock { published = (state, session.pageSVGs) }
        report(state, changed: changed)
        if let json = try? String(decoding: JSONEncoder().encode(state), as: UTF8.self) {
            broadcaster.publish(json)
        }
    }

    private func report(_ state: PreviewState, changed: [String]) {
        let time = String(format: "%.1f ms", state.renderMilliseconds)
        let cause = changed.isEmpty ? "" : " after a change to \(changed.map { ($0 as NSString).lastPathComponent }.joined(separator: ", "))"
        if state.problems.isEmpty {
            let pages = state.pages.count == 1 ? "1 page" : "\(state.pages.count) pages"
            log("rendered record \(state.record) of \(state.records.count): \(pages) in \(time)\(cause)")
        } else {
            for problem in state.problems { log("error: \(problem.description)") }
            log("not rendered (\(time))\(cause); the browser keeps the last good pages")
        }
    }
}
