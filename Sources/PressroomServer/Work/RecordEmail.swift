// A delivering job's record, on a worker's lane: its route (email, post or both, from its
// `delivery`), and when it goes by email, its message — the layout's email with the record's
// PDF attached, from the tenant's sender, DKIM-signed — written whole beside the PDF, so the
// sender only sends bytes. A record whose email cannot go (no address, not an address) goes by
// post, with why.
import Foundation
import PressroomDelivery
import PressroomLayout
import PressroomProduction

struct RecordEmail {
    let composer: EmailComposer
    let sender: EmailAddress
    let signer: DKIMSigner?

    /// The job's composer and the tenant's sender; an error fails every record of the chunk.
    init(producer: DocumentProducer, tenants: TenantStore, tenant: String) throws {
        let renderer = producer.renderer
        composer = try EmailComposer(library: renderer.library, layout: renderer.layout.name, theme: renderer.theme)
        (sender, signer) = try tenants.emailSender(tenant)
    }

    /// Renders the record into `output` and, when it goes by email, its message into `message`.
    func render(_ record: DataValue, number: Int, job: String, producer: DocumentProducer, output: String, message: String,
                durable: Bool) throws -> (pages: Int, delivery: PlannedDelivery) {
        let route = try DeliveryRoute(record: record)
        // Delivered once per tenant over all jobs when the record names its key.
        let key = DeliveryRoute.key(of: record)
        let preamble = try producer.renderer.preamble(for: record)
        let document = try producer.document(for: record, preamble: preamble)
        try AtomicFile.write(document.bytes, to: output, durable: durable)
        guard route.wantsEmail else { return (document.pageCount, PlannedDelivery(email: nil, post: true, key: key)) }
        let address: String
        do { address = try composer.recipient(of: record) } catch {
            return (document.pageCount, PlannedDelivery(email: nil, post: true, reason: "\(error); it goes by post", key: key))
        }
        let date = Date()
        let fileName = (document.fileName ?? String(format: "%05d", number)) + ".pdf"
        let email = try composer.compose(record: record, preamble: preamble, from: sender,
                                         attachment: EmailAttachment(fileName: fileName, contentType: "application/pdf", bytes: document.bytes),
                                         date: date, identity: key ?? "\(job)#\(number)")
        let bytes = try signer?.sign(email.bytes, time: Int(date.timeIntervalSince1970)) ?? email.bytes
        try AtomicFile.write(bytes, to: message, durable: durable)
        return (document.pageCount, PlannedDelivery(email: address, post: route.wantsPost, key: key))
    }
}
