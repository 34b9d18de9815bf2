// One thread that renders: document producers are not Sendable (each holds a layout renderer
// and the PDF writer's caches), so each lane keeps its own on a serial queue, keyed by tenant,
// layout, theme, variant and the tenant's layouts version. Workers have a lane each; on-line
// renders share a pool of them.
import Dispatch
import Foundation
import PressroomGraphics
import PressroomLayout
import PressroomProduction
import PressroomText

public final class RenderLane: @unchecked Sendable {
    // Touched only on `queue`.
    private var producers: [ProducerKey: DocumentProducer] = [:]
    private var registry: FontRegistry?
    private let queue: DispatchQueue
    let tenants: TenantStore

    struct ProducerKey: Hashable {
        var tenant: String
        var layout: String
        var theme: String?
        var variant: String
        var version: Int
        /// The print variant's creation date (its job's, in seconds): part of the document.
        var created: Int?
    }

    public init(name: String, tenants: TenantStore) {
        queue = DispatchQueue(label: "pressroom.render.\(name)", qos: .userInitiated)
        self.tenants = tenants
    }

    /// Runs `body` on the lane's thread with the producer for the spec.
    func withProducer<T: Sendable>(tenant: String, layout: String, theme: String?, variant: String, created: Date,
                                   _ body: @escaping @Sendable (DocumentProducer) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async {
                continuation.resume(with: Result {
                    try body(try self.producer(tenant: tenant, layout: layout, theme: theme, variant: variant, created: created))
                })
            }
        }
    }

    private func producer(tenant: String, layout: String, theme: String?, variant: String, created: Date) throws -> DocumentProducer {
        let key = ProducerKey(tenant: tenant, layout: layout, theme: theme, variant: variant, version: tenants.version(tenant),
                              created: variant == "print" ? Int(created.timeIntervalSince1970) : nil)
        if let producer = producers[key] { return producer }
        let registry = try self.registry ?? FontRegistry.bundled()
        self.registry = registry
        let renderer = try tenants.renderer(tenant: tenant, layout: layout, theme: theme, registry: registry)
        let producer = DocumentProducer(renderer: renderer, variant: try Self.variant(variant, created: created))
        // Older versions of the tenant's layouts are not asked for again.
        producers = producers.filter { $0.key.tenant != tenant || $0.key.version == key.version }
        // Each print job has its own (its creation date); a long-running lane keeps a few only.
        if producers.count >= 32 { producers.removeAll() }
        producers[key] = producer
        return producer
    }

    static func variant(_ name: String, created: Date) throws -> any OutputVariant {
        switch name {
        case "plain": return PlainVariant(tagged: false)
        case "print":
            let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: created)
            let (year, month, day): (Int, Int, Int) = (parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1)
            let (hour, minute, second): (Int, Int, Int) = (parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0)
            let date = DocumentDate(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
            return try PrintVariant.standard(creationDate: date)
        default: return try DigitalVariant.standard()
        }
    }

    static let variants = ["digital", "print", "plain"]
}
