// The test's webhook endpoint (Tests/Tools/webhook_receiver.py) as a process on 127.0.0.1,
// judging requests with the Standard Webhooks reference library; its log read back.
import Foundation
import Glibc

/// The test's webhook endpoint (Tests/Tools/webhook_receiver.py), judging with the Standard
/// Webhooks reference library.
struct WebhookReceiver {
    let port: Int
    let log: String
    let process: Process

    static let script = ExternalTool.repositoryRoot.appendingPathComponent("Tests/Tools/webhook_receiver.py").path

    init(secret: String, log: String, failFirst: Bool, port: Int = SMTPSink.freePort()) throws {
        self.port = port
        self.log = log
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Self.script, "serve", "--port", "\(port)", "--secret", secret, "--log", log] + (failFirst ? ["--fail-first"] : [])
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Listening once a connection is taken.
        for _ in 0..<100 {
            let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            close(socket)
            if connected == 0 { return }
            Thread.sleep(forTimeInterval: 0.1)
        }
        Glibc.kill(process.processIdentifier, SIGKILL)
        throw ExternalToolError.launchFailed(command: Self.script, reason: "the receiver did not listen on \(port)")
    }

    /// SIGKILL: a child of the test process may inherit a mask that blocks SIGTERM.
    func stop() {
        Glibc.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    var requests: [[String: Any]] {
        let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
    }
}
