// DKIM signatures judged by an independent verifier: ../shared/tools/mail/mailcheck (dkimpy)
// verifies the RSA-SHA256 and Ed25519-SHA256 signatures of a message with a PDF attachment and
// non-ASCII headers against keys openssl made, checks the structure (MIME, encoded words, RFC 2231
// names, line lengths) and the attachment; a message changed after signing fails.
import Foundation
import PressroomDelivery
import Testing
import TestScratch

enum MailTools {
    static func tool(_ name: String) throws -> String {
        let path = try ExternalTool.sharedDirectory().appendingPathComponent("tools/mail/\(name)").path
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw ExternalToolError.toolMissing(path: path, hint: "run ../shared/tools/mail/setup.sh")
        }
        return path
    }

    /// A folder with `rsa.pem`, `ed.pem` (private, from openssl) and their public keys for mailcheck.
    static func keys(_ name: String) throws -> URL {
        let folder = Scratch.url("pressroom-dkim-\(name)-\(getpid())")
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("public"), withIntermediateDirectories: true)
        let rsa = folder.appendingPathComponent("rsa.pem").path, ed = folder.appendingPathComponent("ed.pem").path
        for (arguments, _) in [(["genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", rsa], 0),
                               (["genpkey", "-algorithm", "ed25519", "-out", ed], 0),
                               (["pkey", "-in", rsa, "-pubout", "-out", folder.appendingPathComponent("public/rsa1.pub").path], 0),
                               (["pkey", "-in", ed, "-pubout", "-out", folder.appendingPathComponent("public/ed1.pub").path], 0)] {
            let result = try ExternalTool.run("openssl", arguments)
            guard result.status == 0 else { throw ExternalToolError.failed(command: "openssl", status: result.status, output: result.errors) }
        }
        return folder
    }
}

@Test func dkimSignaturesVerifyWithAnIndependentVerifier() throws {
    let keys = try MailTools.keys("verify")
    let signer = DKIMSigner(domain: "strojirny.example", selector: "rsa1", key: try .load(pem: keys.appendingPathComponent("rsa.pem").path),
                            secondKey: ("ed1", try .load(pem: keys.appendingPathComponent("ed.pem").path)))
    let attachment = Array("%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n".utf8)
    let message = EmailMessage(from: EmailAddress("billing@strojirny.example", name: "Strojírny Křižík a.s."),
                               to: [EmailAddress("eliska@pekarna.example", name: "Eliška Novotná")],
                               subject: "Faktura FV-2026-000001 – splatná 16. 10. 2026",
                               text: "Dobrý den,\n\nv příloze posíláme fakturu.\n", html: "<!doctype html><html><body><p>Dobrý den,</p><p>v příloze posíláme fakturu.</p></body></html>",
                               attachments: [EmailAttachment(fileName: "Faktura FV-2026-000001.pdf", contentType: "application/pdf", bytes: attachment)],
                               date: Date(timeIntervalSince1970: 1_796_420_000), identity: "FV-2026-000001")
    let signed = try signer.sign(message.bytes, time: 1_796_420_000)
    let path = keys.appendingPathComponent("message.eml").path
    try Data(signed).write(to: URL(fileURLWithPath: path))
    let check = try ExternalTool.run(try MailTools.tool("mailcheck"), [path, "--dkim-key-dir", keys.appendingPathComponent("public").path,
                                                                        "--expect-attachment-type", "application/pdf"], mergeErrors: true)
    #expect(check.status == 0, "\(check.output)")
    #expect(check.output.contains("PASS DKIM #1 a=rsa-sha256 d=strojirny.example s=rsa1 verifies"), "\(check.output)")
    #expect(check.output.contains("PASS DKIM #2 a=ed25519-sha256 d=strojirny.example s=ed1 verifies"), "\(check.output)")

    // One changed byte in the body breaks both signatures.
    let tampered = String(decoding: signed, as: UTF8.self).replacingOccurrences(of: "Dobr=C3=BD den", with: "Dobr=C3=BD den!")
    #expect(tampered != String(decoding: signed, as: UTF8.self))
    let changed = keys.appendingPathComponent("tampered.eml").path
    try tampered.write(toFile: changed, atomically: true, encoding: .utf8)
    let refused = try ExternalTool.run(try MailTools.tool("mailcheck"), [changed, "--dkim-key-dir", keys.appendingPathComponent("public").path],
                                       mergeErrors: true)
    #expect(refused.status != 0, "a changed body must fail DKIM: \(refused.output)")
}
