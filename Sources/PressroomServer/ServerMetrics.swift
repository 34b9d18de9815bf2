// The service's Prometheus metrics: records rendered and failed, on-line renders by outcome,
// render latency histograms (on-line and batch), the queue depth (read from the store when
// scraped), HTTP answers by status class, status webhooks and documents' emails by outcome.
import Foundation
import Prometheus
import Synchronization
public final class ServerMetrics: Sendable {
    public let registry = PrometheusCollectorRegistry()
    let recordsRendered: Counter
    let recordsFailed: Counter
    let recordsRetried: Counter
    let leasesRescued: Counter
    let onlineLatency: DurationHistogram
    let batchLatency: DurationHistogram
    let queueDepth: Gauge
    let onlineInFlight: Gauge
    let webhooksDelivered: Counter
    let webhooksRetried: Counter
    let webhooksDead: Counter
    let emailsSent: Counter
    let emailsBounced: Counter
    let emailsDeferred: Counter

    static let buckets: [Duration] = [.milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100),
                                      .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2.5), .seconds(10)]

    public init() {
        func name(_ metric: String, _ help: String, unit: String) -> MetricNameDescriptor {
            MetricNameDescriptor(namespace: "pressroom", metricName: metric, unitName: unit, helpText: help)
        }
        recordsRendered = registry.makeCounter(descriptor: name("records_rendered", "Batch records rendered.", unit: "total"))
        recordsFailed = registry.makeCounter(descriptor: name("records_failed", "Batch records that failed (bad data or layout, or out of attempts).", unit: "total"))
        recordsRetried = registry.makeCounter(descriptor: name("records_retried", "Batch records put back for another attempt.", unit: "total"))
        leasesRescued = registry.makeCounter(descriptor: name("leases_rescued", "Records taken back from workers whose lease ran out.", unit: "total"))
        onlineLatency = registry.makeDurationHistogram(descriptor: name("online_render", "On-line render time, request body to PDF.", unit: "seconds"),
                                                       buckets: Self.buckets)
        batchLatency = registry.makeDurationHistogram(descriptor: name("batch_render", "Render time of one batch record.", unit: "seconds"),
                                                      buckets: Self.buckets)
        queueDepth = registry.makeGauge(descriptor: name("queue_depth", "Batch records waiting or being rendered.", unit: "records"))
        onlineInFlight = registry.makeGauge(descriptor: name("online_in_flight", "On-line renders waiting or running.", unit: "renders"))
        webhooksDelivered = registry.makeCounter(descriptor: name("webhooks_delivered", "Status webhooks the endpoint took (2xx).", unit: "total"))
        webhooksRetried = registry.makeCounter(descriptor: name("webhooks_retried", "Status webhook tries that failed and wait for another.", unit: "total"))
        webhooksDead = registry.makeCounter(descriptor: name("webhooks_dead", "Status webhooks given up after their last try.", unit: "total"))
        emailsSent = registry.makeCounter(descriptor: name("emails_sent", "Documents' emails the SMTP server took (or written to the outbox).", unit: "total"))
        emailsBounced = registry.makeCounter(descriptor: name("emails_bounced", "Documents' emails refused for good (they go by post when the job has a postal batch).", unit: "total"))
        emailsDeferred = registry.makeCounter(descriptor: name("emails_deferred", "Documents' email tries deferred or failed, to be tried again or given up.", unit: "total"))
    }

    private let answers = Mutex<[String: Counter]>([:])

    /// Counts one HTTP answer by its status class ("2xx", "4xx").
    func answered(status: Int) {
        let label = "\(status / 100)xx"
        let counter = answers.withLock { counters in
            if let counter = counters[label] { return counter }
            let counter = registry.makeCounter(descriptor: MetricNameDescriptor(namespace: "pressroom", metricName: "http_responses",
                                                                                unitName: "total", helpText: "HTTP answers by status class."),
                                               labels: [("status", label)])
            counters[label] = counter
            return counter
        }
        counter.increment()
    }

    public func exposition() -> [UInt8] { registry.emitToBuffer() }
}

