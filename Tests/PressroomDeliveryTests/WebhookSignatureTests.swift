// Standard Webhooks signatures: the specification's own example, and a receiver's checks (a
// changed body, a stale or future timestamp, a missing header) refusing what they should.
import Foundation
import Testing
@testable import PressroomDelivery

private let secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
private let body = Array("{\"test\": 2432232314}".utf8)

@Test func theSpecificationsExampleSignsAlike() throws {
    let signature = try WebhookSignature(secret: secret)
    #expect(signature.sign(id: "msg_p5jXN8AQM9LWM0D4loKWxJek", timestamp: 1614265330, body: body) == "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")
}

@Test func aReceiverRefusesWhatWasChangedOrIsStale() throws {
    let signature = try WebhookSignature(secret: secret)
    let now = Date(timeIntervalSince1970: 1_800_000_000)
    let headers = Dictionary(uniqueKeysWithValues: signature.headers(id: "msg_1", timestamp: 1_800_000_000, body: body))
    try signature.verify(headers: headers, body: body, now: now)
    #expect(throws: WebhookSignature.Failure.noMatch) { try signature.verify(headers: headers, body: body + [0x20], now: now) }
    #expect(throws: WebhookSignature.Failure.tooOld) { try signature.verify(headers: headers, body: body, now: now.addingTimeInterval(301)) }
    #expect(throws: WebhookSignature.Failure.tooNew) { try signature.verify(headers: headers, body: body, now: now.addingTimeInterval(-301)) }
    var forged = headers
    forged["webhook-id"] = "msg_2"
    #expect(throws: WebhookSignature.Failure.noMatch) { try signature.verify(headers: forged, body: body, now: now) }
    forged["webhook-signature"] = nil
    #expect(throws: WebhookSignature.Failure.missingHeader("webhook-signature")) { try signature.verify(headers: forged, body: body, now: now) }
    // Several signatures (a secret being rotated): one match is enough.
    var rotated = headers
    rotated["webhook-signature"] = "v1,AAAA " + headers["webhook-signature"]!
    try signature.verify(headers: rotated, body: body, now: now)
    #expect(throws: WebhookSignature.Failure.badSecret) { try WebhookSignature(secret: "whsec_not base64!") }
}
