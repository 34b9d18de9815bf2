// A PostgreSQL server of the test's own, from Debian's postgresql package: a new cluster in a
// temporary folder, on a free port of 127.0.0.1, with trust authentication for its one user,
// stopped and removed when the test ends. PostgreSQL refuses to run as root; under root (CI)
// its commands run as the `postgres` user the package made.
import Foundation
import TestScratch

final class TemporaryPostgres {
    static let bin = "/usr/lib/postgresql/15/bin"
    let folder: String
    let port: Int
    var url: String { "postgres://pressroom@127.0.0.1:\(port)/pressroom?sslmode=disable" }

    init() throws {
        folder = Scratch.url("pressroom-pg-\(UUID().uuidString.prefix(8))").path
        port = SMTPSink.freePort()
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        if getuid() == 0 {
            let chown = try ExternalTool.run("chown", ["postgres", folder])
            guard chown.status == 0 else { throw ExternalToolError.failed(command: "chown postgres", status: chown.status, output: chown.errors) }
        }
        try run("initdb", ["-D", "\(folder)/data", "-A", "trust", "-U", "pressroom", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"])
        // The server pg_ctl leaves running must not hold a descriptor Process waits on: spawned.
        let pgctl = ["\(Self.bin)/pg_ctl", "-D", "\(folder)/data", "-l", "\(folder)/log", "-w",
                     "-o", "-p \(port) -k \(folder) -c listen_addresses=127.0.0.1", "start"]
        let started = getuid() == 0 ? try ExternalTool.startServer("/usr/sbin/runuser", ["-u", "postgres", "--"] + pgctl, log: "\(folder).start.log")
            : try ExternalTool.startServer(pgctl[0], Array(pgctl.dropFirst()), log: "\(folder).start.log")
        guard started.status == 0 else { throw ExternalToolError.failed(command: "pg_ctl start", status: started.status, output: started.output) }
        try run("createdb", ["-h", "127.0.0.1", "-p", "\(port)", "-U", "pressroom", "pressroom"])
    }

    /// `query`'s rows, fields separated by `|` (psql's unaligned output).
    func query(_ query: String) throws -> String {
        try run("psql", ["-h", "127.0.0.1", "-p", "\(port)", "-U", "pressroom", "-d", "pressroom", "-At", "-c", query])
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func stop() {
        _ = try? run("pg_ctl", ["-D", "\(folder)/data", "-m", "immediate", "stop"])
        try? FileManager.default.removeItem(atPath: folder)
        try? FileManager.default.removeItem(atPath: "\(folder).start.log")
    }

    @discardableResult
    private func run(_ command: String, _ arguments: [String]) throws -> String {
        let result = getuid() == 0
            ? try ExternalTool.run("runuser", ["-u", "postgres", "--", "\(Self.bin)/\(command)"] + arguments)
            : try ExternalTool.run("\(Self.bin)/\(command)", arguments)
        guard result.status == 0 else {
            throw ExternalToolError.failed(command: command, status: result.status, output: result.output + result.errors)
        }
        return result.output
    }
}
