// The service as a user meets it: `pressroom serve` started as a process on 127.0.0.1, its
// first keys read from the data folder, requests made over HTTP. A batch with broken records,
// idempotent retries, on-line renders, tenants and print shops that never see each other's
// work, uploads that are checked, limits that answer with problem details, and two worker
// processes sharing a job while one is killed with SIGKILL. Every test runs on both job stores:
// SQLite in the data folder, and a PostgreSQL server of the test's own.
import Foundation
import PressroomServer
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
import TestScratch

@Suite(.serialized) struct ServiceTests {
    static let binary = ExternalTool.repositoryRoot.appendingPathComponent(".build/debug/pressroom").path
    static let records = ExternalTool.repositoryRoot.appendingPathComponent("Fixtures/records").path

    /// A process of ours, killed when the test ends.
    final class Spawned {
        let pid: pid_t
        init(_ arguments: [String], log: String) throws {
            pid = try ExternalTool.spawn(ServiceTests.binary, arguments, log: log, append: true)
        }

        /// Whether it has ended (reaped, when it has).
        var hasEnded: Bool {
            var status: Int32 = 0
            return waitpid(pid, &status, WNOHANG) == pid
        }

        func kill(_ signal: Int32 = SIGKILL) {
            Glibc.kill(pid, signal)
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        }
    }

    enum StoreKind: String, CaseIterable, CustomTestStringConvertible {
        case sqlite, postgres
        var testDescription: String { rawValue }
    }

    /// A running service: its data folder, address, first keys and job store.
    struct Service {
        var data: String
        var base: String
        var admin: String
        var shop: String
        var process: Spawned
        var postgres: TemporaryPostgres?

        /// Settings go to `<data>/config.yaml`, which `pressroom worker` reads too.
        static func start(_ store: StoreKind, workers: Int = 1, config: String = "") async throws -> Service {
            let data = Scratch.url("pressroom-service-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
            let postgres = store == .postgres ? try TemporaryPostgres() : nil
            var started = false
            defer { if !started { postgres?.stop() } }
            let port = SMTPSink.freePort()
            try (config + (postgres.map { "store: \"\($0.url)\"\n" } ?? "")).write(toFile: data + "/config.yaml", atomically: true, encoding: .utf8)
            let arguments = ["serve", "--data", data, "--port", "\(port)", "--workers", "\(workers)", "--config", data + "/config.yaml"]
            let process = try Spawned(arguments, log: data + ".log")
            let base = "http://127.0.0.1:\(port)"
            for _ in 0..<300 {
                if let (_, status) = try? await request("GET", base + "/health"), status == 200 { break }
                if process.hasEnded {
                    throw ExternalToolError.failed(command: "pressroom serve", status: 1,
                                                   output: (try? String(contentsOfFile: data + ".log", encoding: .utf8)) ?? "")
                }
                try await Task.sleep(for: .milliseconds(100))
            }
            let keys = try String(contentsOfFile: data + "/first-keys.txt", encoding: .utf8).split(separator: "\n")
            started = true
            return Service(data: data, base: base, admin: String(keys[0].split(separator: " ").last!),
                           shop: String(keys[1].split(separator: " ").last!), process: process, postgres: postgres)
        }

        func stop() {
            process.kill(SIGTERM)
            postgres?.stop()
            try? FileManager.default.removeItem(atPath: data)
        }

        /// A query on the job store, its rows' fields separated by `|`.
        func sql(_ query: String) throws -> String {
            if let postgres { return try postgres.query(query) }
            let result = try ExternalTool.run("sqlite3", [data + "/jobs.sqlite", query])
            guard result.status == 0 else { throw ExternalToolError.failed(command: "sqlite3", status: result.status, output: result.errors) }
            return result.output.trimmingCharacters(in: .whitespacesAndNewlines)
        }

        func call(_ method: String, _ path: String, key: String?, body: Data? = nil, headers: [String: String] = [:]) async throws -> (Data, Int) {
            var headers = headers
            if let key { headers["Authorization"] = "Bearer \(key)" }
            return try await ServiceTests.request(method, base + path, body: body, headers: headers)
        }

        func json(_ method: String, _ path: String, key: String?, body: Data? = nil, headers: [String: String] = [:]) async throws -> ([String: Any], Int) {
            let (data, status) = try await call(method, path, key: key, body: body, headers: headers)
            return ((try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:], status)
        }

        /// Polls the job until it has finished (or failed); its last status.
        func waitForJob(_ id: String, key: String, seconds: Double = 120) async throws -> [String: Any] {
            let deadline = Date().addingTimeInterval(seconds)
            while Date() < deadline {
                let (job, _) = try await json("GET", "/v1/jobs/\(id)", key: key)
                if let state = job["state"] as? String, state == "finished" || state == "failed" { return job }
                try await Task.sleep(for: .milliseconds(200))
            }
            Issue.record("job \(id) did not finish within \(seconds) s")
            return try await json("GET", "/v1/jobs/\(id)", key: key).0
        }

        func addKey(tenant: String, role: String, shop: String? = nil) throws -> String {
            let result = try ExternalTool.run(ServiceTests.binary, ["keys", "add", "--data", data, "--config", data + "/config.yaml",
                                                                    "--tenant", tenant, "--role", role]
                                              + (shop.map { ["--shop", $0] } ?? []))
            #expect(result.status == 0, "\(result.errors)")
            return result.output.trimmingCharacters(in: .whitespacesAndNewlines)
        }
    }

    static func request(_ method: String, _ url: String, body: Data? = nil, headers: [String: String] = [:]) async throws -> (Data, Int) {
        var request = URLRequest(url: URL(string: url)!)
        request.httpMethod = method
        request.httpBody = body
        request.timeoutInterval = 60
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let (data, response) = try await URLSession.shared.data(for: request)
        return (data, (response as? HTTPURLResponse)?.statusCode ?? 0)
    }

    static func invoices() throws -> Data { try Data(contentsOf: URL(fileURLWithPath: records + "/invoices.jsonl")) }

    @Test(arguments: StoreKind.allCases) func batchJobRendersTheGoodRecordsListsTheBadOnesAndKeepsItsIdempotencyKey(_ store: StoreKind) async throws {
        let service = try await Service.start(store)
        defer { service.stop() }
        var body = try Self.invoices()
        let good = String(decoding: body, as: UTF8.self).split(separator: "\n").count
        body += Data("{\"kind\": \"invoice\", \"number\": \n{\"kind\": \"invoice\"}\n".utf8)
        let (created, status) = try await service.json("POST", "/v1/jobs?layout=invoice&combine=true", key: service.admin, body: body,
                                                       headers: ["Idempotency-Key": "nightly-1"])
        #expect(status == 202)
        let id = try #require(created["id"] as? String)
        let job = try await service.waitForJob(id, key: service.admin)
        let counts = try #require(job["counts"] as? [String: Int])
        #expect(counts["total"] == good + 2 && counts["rendered"] == good && counts["failed"] == 2)
        let failures = try #require(job["failures"] as? [[String: Any]])
        #expect(failures.map { $0["record"] as? Int } == [good + 1, good + 2])
        #expect(failures.first?["line"] as? Int == good + 1, "the broken line is named")
        let problems = failures.last?["problems"] as? [[String: Any]]
        #expect(problems?.first?["path"] as? String == "$.items", "the missing field is named by its JSON path: \(failures)")

        let (pdf, pdfStatus) = try await service.call("GET", "/v1/jobs/\(id)/records/1", key: service.admin)
        #expect(pdfStatus == 200 && pdf.starts(with: Data("%PDF-".utf8)))
        let (_, missing) = try await service.call("GET", "/v1/jobs/\(id)/records/\(good + 1)", key: service.admin)
        #expect(missing == 404)
        let (combined, combinedStatus) = try await service.call("GET", "/v1/jobs/\(id)/combined.pdf", key: service.admin)
        #expect(combinedStatus == 200 && combined.count > pdf.count)
        let documents = try FileManager.default.contentsOfDirectory(atPath: "\(service.data)/jobs/\(id)/documents")
        #expect(documents.filter { $0.hasSuffix(".pdf") }.count == good)

        // The same key and body: the same job, not a second one. Another body: refused.
        let (again, againStatus) = try await service.json("POST", "/v1/jobs?layout=invoice&combine=true", key: service.admin, body: body,
                                                          headers: ["Idempotency-Key": "nightly-1"])
        #expect(againStatus == 200 && again["id"] as? String == id)
        let (conflict, conflictStatus) = try await service.json("POST", "/v1/jobs?layout=invoice", key: service.admin, body: try Self.invoices(),
                                                                headers: ["Idempotency-Key": "nightly-1"])
        #expect(conflictStatus == 422 && (conflict["type"] as? String)?.hasSuffix("idempotency-conflict") == true)
        let (list, _) = try await service.json("GET", "/v1/jobs", key: service.admin)
        #expect((list["jobs"] as? [Any])?.count == 1)

        // On-line: one record to its PDF at once; a record missing a field is a located 422.
        let first = String(decoding: try Self.invoices(), as: UTF8.self).split(separator: "\n")[0]
        let (online, onlineStatus) = try await service.call("POST", "/v1/documents?layout=invoice", key: service.admin, body: Data(first.utf8))
        #expect(onlineStatus == 200 && online.starts(with: Data("%PDF-".utf8)))
        let (bad, badStatus) = try await service.json("POST", "/v1/documents?layout=invoice", key: service.admin, body: Data("{\"kind\":\"invoice\"}".utf8))
        #expect(badStatus == 422 && ((bad["problems"] as? [[String: Any]])?.first?["path"] as? String) == "$.items")
        let (_, unknown) = try await service.json("POST", "/v1/documents?layout=nothing", key: service.admin, body: Data(first.utf8))
        #expect(unknown == 404)
        let (_, notJSON) = try await service.json("POST", "/v1/documents?layout=invoice", key: service.admin, body: Data("[1, 2".utf8))
        #expect(notJSON == 400)
    }

    @Test(arguments: StoreKind.allCases) func tenantsAndPrintShopsNeverSeeEachOthersWork(_ store: StoreKind) async throws {
        let service = try await Service.start(store)
        defer { service.stop() }
        let letters = try Data(contentsOf: URL(fileURLWithPath: Self.records + "/letters.jsonl"))
        let (created, _) = try await service.json("POST", "/v1/jobs?layout=letter&post=deutsche-post&shop=in-house", key: service.admin, body: letters)
        let id = try #require(created["id"] as? String)
        let job = try await service.waitForJob(id, key: service.admin)
        let batch = try #require(job["postalBatch"] as? String)

        let otherTenant = try service.addKey(tenant: "other", role: "submitter")
        let otherShop = try service.addKey(tenant: "demo", role: "printshop", shop: "elsewhere")
        #expect(try await service.call("GET", "/v1/jobs/\(id)", key: otherTenant).1 == 404)
        #expect(try await service.call("GET", "/v1/jobs/\(id)/records/1", key: otherTenant).1 == 404)
        #expect((try await service.json("GET", "/v1/jobs", key: otherTenant).0["jobs"] as? [Any])?.isEmpty == true)
        #expect(try await service.call("GET", "/v1/jobs", key: "pr_not-a-key").1 == 401)
        #expect(try await service.call("GET", "/v1/jobs", key: nil).1 == 401)
        #expect(try await service.call("GET", "/v1/jobs", key: service.shop).1 == 403, "a print shop key reads no jobs")

        // The shop the batch went to sees it, downloads it checked, acknowledges forward only.
        let (mine, _) = try await service.json("GET", "/v1/print/batches", key: service.shop)
        #expect((mine["batches"] as? [[String: Any]])?.map { $0["job"] as? String } == [batch])
        let (file, fileStatus) = try await service.call("GET", "/v1/print/batches/\(batch)/files/\(batch).pdf", key: service.shop)
        #expect(fileStatus == 200 && file.starts(with: Data("%PDF-".utf8)))
        let (printed, printedStatus) = try await service.json("POST", "/v1/print/batches/\(batch)/ack", key: service.shop,
                                                              body: Data("{\"stage\":\"printed\"}".utf8))
        #expect(printedStatus == 200 && printed["stage"] as? String == "printed")
        #expect(try await service.call("POST", "/v1/print/batches/\(batch)/ack", key: service.shop, body: Data("{\"stage\":\"received\"}".utf8)).1 == 409)
        // Another shop: nothing to list, fetch or acknowledge.
        #expect((try await service.json("GET", "/v1/print/batches?all=true", key: otherShop).0["batches"] as? [Any])?.isEmpty == true)
        #expect(try await service.call("GET", "/v1/print/batches/\(batch)", key: otherShop).1 == 404)
        #expect(try await service.call("GET", "/v1/print/batches/\(batch)/files/\(batch).pdf", key: otherShop).1 == 404)
        #expect(try await service.call("POST", "/v1/print/batches/\(batch)/ack", key: otherShop, body: Data("{\"stage\":\"posted\"}".utf8)).1 == 404)

        // Uploads: admins only, checked, confined to the tenant's folder.
        let component = "blocks:\n  - text: \"Thank you\"\n"
        #expect(try await service.call("PUT", "/v1/components/thanks", key: otherTenant, body: Data(component.utf8)).1 == 403)
        let escaping = try String(contentsOfFile: ExternalTool.repositoryRoot.appendingPathComponent("Layouts/letter.yaml").path, encoding: .utf8)
            + "\n# stolen\n" + "x-logo: ../../../etc/passwd\n"
        let (refused, refusedStatus) = try await service.json("PUT", "/v1/layouts/stolen", key: service.admin, body: Data(escaping.utf8))
        #expect(refusedStatus == 422)
        let located = (refused["problems"] as? [[String: Any]])?.compactMap { $0["location"] as? String } ?? []
        #expect(located.contains { $0.hasPrefix("stolen.yaml:") }, "\(refused)")
        let (broken, brokenStatus) = try await service.json("PUT", "/v1/layouts/broken", key: service.admin,
                                                            body: Data("page: {size: A4}\nflow:\n  - use: no-such-component\n".utf8))
        #expect(brokenStatus == 422 && !((broken["problems"] as? [Any])?.isEmpty ?? true), "\(broken)")
        let listing = try await service.json("GET", "/v1/layouts", key: service.admin).0
        #expect((listing["layouts"] as? [String])?.contains("broken") == false)
        #expect(!FileManager.default.fileExists(atPath: "\(service.data)/tenants/demo/layouts/stolen.yaml"))
        let (_, image) = try await service.call("PUT", "/v1/images/logo.png", key: service.admin, body: Data("not a png".utf8))
        #expect(image == 422)
    }

    @Test(arguments: StoreKind.allCases) func limitsAnswerWithProblemDetails(_ store: StoreKind) async throws {
        let service = try await Service.start(store, config: "max-job-bytes: 4000\nmax-document-bytes: 3000\nmetrics-token: scrape-me\n")
        defer { service.stop() }
        let (tooLarge, status) = try await service.json("POST", "/v1/jobs?layout=invoice", key: service.admin, body: try Self.invoices())
        #expect(status == 413 && tooLarge["status"] as? Int == 413 && (tooLarge["detail"] as? String)?.contains("4000") == true)
        #expect(try await service.call("POST", "/v1/documents?layout=invoice", key: service.admin, body: Data(repeating: 32, count: 5000)).1 == 413)
        #expect(try await service.call("POST", "/v1/jobs?layout=invoice", key: service.admin, body: Data()).1 == 400)
        #expect(try await service.call("POST", "/v1/jobs?layout=../../etc/passwd", key: service.admin, body: Data("{}\n".utf8)).1 == 404)
        #expect(try await service.call("POST", "/v1/jobs?layout=invoice&variant=shiny", key: service.admin, body: Data("{}\n".utf8)).1 == 400)
        let (ready, readyStatus) = try await service.json("GET", "/ready", key: nil)
        #expect(readyStatus == 200 && ready["status"] as? String == "ready")
        // With a metrics-token, /metrics answers only to it.
        #expect(try await service.call("GET", "/metrics", key: nil).1 == 401)
        #expect(try await service.call("GET", "/metrics", key: "scrape-m").1 == 401)
        let (metrics, metricsStatus) = try await service.call("GET", "/metrics", key: "scrape-me")
        #expect(metricsStatus == 200 && String(decoding: metrics, as: UTF8.self).contains("pressroom_queue_depth_records"))
        let (description, descriptionStatus) = try await service.call("GET", "/v1/openapi.yaml", key: nil)
        let source = try Data(contentsOf: ExternalTool.repositoryRoot.appendingPathComponent("Sources/PressroomServer/Resources/openapi.yaml"))
        #expect(descriptionStatus == 200 && description == source)
        let check = try ExternalTool.run("python3", ["-c", "import sys, yaml; from openapi_spec_validator import validate; validate(yaml.safe_load(open(sys.argv[1])))",
                                                     ExternalTool.repositoryRoot.appendingPathComponent("Sources/PressroomServer/Resources/openapi.yaml").path])
        #expect(check.status == 0, "\(check.errors)")
    }

    /// An on-line render past its time limit answers 504, and the render stops at its next page
    /// instead of holding its lane until the document is done (50 pages here).
    @Test func anOnlineRenderPastItsLimitAnswers504AndGivesItsLaneBack() async throws {
        let service = try await Service.start(.sqlite, config: "online-time-limit: 0.3\nonline-lanes: 1\n")
        defer { service.stop() }
        let statement = try Data(contentsOf: URL(fileURLWithPath: Self.records + "/statement-2000-rows.jsonl"))
        let (problem, status) = try await service.json("POST", "/v1/documents?layout=statement", key: service.admin, body: statement)
        #expect(status == 504 && problem["type"] as? String != nil && (problem["detail"] as? String)?.contains("batch job") == true, "\(problem)")
        var stopped: String?
        for _ in 0..<50 where stopped == nil {
            let log = (try? String(contentsOfFile: service.data + ".log", encoding: .utf8)) ?? ""
            stopped = log.split(separator: "\n").first { $0.contains("the render was stopped at its time limit after") }.map(String.init)
            try await Task.sleep(for: .milliseconds(100))
        }
        let line = try #require(stopped, "the render did not stop at its limit")
        let pages = Int(line.components(separatedBy: "time limit after ").last?.split(separator: " ").first ?? "") ?? 99
        #expect(pages < 50, "\(line)")
    }

    /// Two worker processes share a job of 10,000 one-page slips; one is killed with SIGKILL in
    /// the middle and started again. Every record is rendered, once by the ledger's count, and
    /// has exactly one file.
    @Test(arguments: StoreKind.allCases) func aKilledWorkerLosesNothingAndRendersNothingTwice(_ store: StoreKind) async throws {
        let service = try await Service.start(store, workers: 0, config: "lease: 3\nchunk: 8\n")
        defer { service.stop() }
        let slip = """
            layout: slip
            theme: brand
            title: "Slip {{ number }}"
            page:
              size: A6
              first:
                body: { top: 10mm, right: 10mm, bottom: 10mm, left: 10mm }
            flow:
              - text: "Slip {{ number }}"
            """
        #expect(try await service.call("PUT", "/v1/layouts/slip", key: service.admin, body: Data(slip.utf8)).1 == 201)
        let count = 10_000
        let body = Data((1...count).map { "{\"number\": \"S-\($0)\"}" }.joined(separator: "\n").utf8)
        let arguments = ["worker", "--data", service.data, "--workers", "1", "--config", service.data + "/config.yaml"]
        let first = try Spawned(arguments, log: service.data + "-worker-1.log")
        let second = try Spawned(arguments, log: service.data + "-worker-2.log")
        defer { second.kill() }
        let (created, _) = try await service.json("POST", "/v1/jobs?layout=slip&variant=plain", key: service.admin, body: body)
        let id = try #require(created["id"] as? String)
        // Kill the first worker once the job is under way.
        for _ in 0..<1200 {
            let (job, _) = try await service.json("GET", "/v1/jobs/\(id)", key: service.admin)
            if let rendered = (job["counts"] as? [String: Int])?["rendered"], rendered >= count / 4 { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        first.kill()
        let restarted = try Spawned(arguments, log: service.data + "-worker-1.log")
        defer { restarted.kill() }
        let job = try await service.waitForJob(id, key: service.admin, seconds: 600)
        #expect((job["counts"] as? [String: Int])?["rendered"] == count, "\(job)")
        let files = try FileManager.default.contentsOfDirectory(atPath: "\(service.data)/jobs/\(id)/documents")
        #expect(files.filter { $0.hasSuffix(".pdf") }.count == count, "one file per record, no temporary left")
        #expect(files.count == count)
        let ledger = try service.sql("""
            SELECT COUNT(*), COUNT(DISTINCT number), COUNT(*) FILTER (WHERE outcome = 'rendered') FROM render_ledger WHERE job = '\(id)'
            """)
        #expect(ledger == "\(count)|\(count)|\(count)", "\(ledger)")
        let workers = try service.sql("SELECT COUNT(DISTINCT worker) FROM render_ledger WHERE job = '\(id)'")
        #expect((Int(workers) ?? 0) >= 2, "both workers took part")
    }

    /// On PostgreSQL a job is settled after its last completion commits (completions never take
    /// turns on the job's row). A process that stopped in between leaves a job with nothing
    /// open that is not finished: the next worker's rescue settles it.
    @Test func aJobWhoseSettlingWasCutOffIsSettledByTheNextWorker() async throws {
        let service = try await Service.start(.postgres, workers: 0)
        defer { service.stop() }
        let (created, _) = try await service.json("POST", "/v1/jobs?layout=invoice&variant=plain", key: service.admin, body: try Self.invoices())
        let id = try #require(created["id"] as? String)
        // What the stopped process had committed: every record rendered, the job not settled.
        _ = try service.sql("UPDATE job_records SET state = 'rendered', pages = 1 WHERE job = '\(id)'")
        #expect(try service.sql("SELECT state FROM jobs WHERE id = '\(id)'") == "queued")
        let worker = try Spawned(["worker", "--data", service.data, "--workers", "1", "--config", service.data + "/config.yaml"],
                                 log: service.data + "-worker.log")
        defer { worker.kill() }
        let job = try await service.waitForJob(id, key: service.admin, seconds: 60)
        #expect(job["state"] as? String == "finished" && job["pages"] as? Int == (job["counts"] as? [String: Int])?["total"], "\(job)")
    }

    /// `pressroom bench-queue` (Benchmarks/service/queue.py) hands every record out once among
    /// concurrent workers, by the ledger, on both stores.
    @Test(arguments: StoreKind.allCases) func theQueueBenchmarkClaimsEveryRecordOnce(_ store: StoreKind) throws {
        let data = Scratch.url("pressroom-bench-queue-\(UUID().uuidString)").path
        let postgres = store == .postgres ? try TemporaryPostgres() : nil
        defer { postgres?.stop(); try? FileManager.default.removeItem(atPath: data) }
        let result = try ExternalTool.run(Self.binary, ["bench-queue", "--data", data, "--records", "300", "--jobs", "3", "--workers", "4", "--chunk", "2"]
                                          + (postgres.map { ["--store", $0.url] } ?? []))
        #expect(result.status == 0, "\(result.errors)")
        let figures = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
        #expect(figures?["records"] as? Int == 300 && (figures?["records_per_s"] as? Int ?? 0) > 0, "\(result.output)")
        let query = "SELECT COUNT(*), COUNT(DISTINCT job || '/' || number) FROM render_ledger"
        let ledger = try postgres?.query(query) ?? ExternalTool.run("sqlite3", [data + "/jobs.sqlite", query]).output
        #expect(ledger.trimmingCharacters(in: .whitespacesAndNewlines) == "300|300")
    }

    /// A tenant's status webhook: a job's end and each print-shop acknowledgement reach the
    /// client's endpoint once, signed (judged by the Standard Webhooks reference library), and
    /// tried again when the endpoint fails; the secret is shown once, to admins only.
    @Test(arguments: StoreKind.allCases) func statusWebhooksReachTheClientOnceSignedAndRetried(_ store: StoreKind) async throws {
        // The test's endpoint is on 127.0.0.1, which the operator must allow.
        let service = try await Service.start(store, config: "webhook-private-addresses: true\n")
        defer { service.stop() }
        let port = SMTPSink.freePort()
        let url = "http://127.0.0.1:\(port)/pressroom-events"
        let submitter = try service.addKey(tenant: "demo", role: "submitter")
        #expect(try await service.call("PUT", "/v1/webhook", key: submitter, body: Data("{\"url\": \"\(url)\"}".utf8)).1 == 403)
        #expect(try await service.call("PUT", "/v1/webhook", key: service.admin, body: Data("{\"url\": \"file:///etc/passwd\"}".utf8)).1 == 400)
        let (set, setStatus) = try await service.json("PUT", "/v1/webhook", key: service.admin, body: Data("{\"url\": \"\(url)\"}".utf8))
        let secret = try #require(set["secret"] as? String)
        #expect(setStatus == 201 && secret.hasPrefix("whsec_"))
        let receiver = try WebhookReceiver(secret: secret, log: service.data + "-webhooks.jsonl", failFirst: true, port: port)
        defer { receiver.stop() }

        let letters = try Data(contentsOf: URL(fileURLWithPath: Self.records + "/letters.jsonl"))
        let (created, _) = try await service.json("POST", "/v1/jobs?layout=letter&post=deutsche-post&shop=in-house", key: service.admin, body: letters)
        let id = try #require(created["id"] as? String)
        let job = try await service.waitForJob(id, key: service.admin)
        let batch = try #require(job["postalBatch"] as? String, "\(job)")
        #expect(try await service.call("POST", "/v1/print/batches/\(batch)/ack", key: service.shop, body: Data("{\"stage\":\"received\"}".utf8)).1 == 200)

        // Each event: first refused with 500, then accepted (204) on the retry, never accepted twice.
        var accepted: [[String: Any]] = []
        for _ in 0..<300 {
            accepted = receiver.requests.filter { $0["status"] as? Int == 204 }
            if accepted.count >= 2 { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(Set(accepted.compactMap { $0["type"] as? String }) == ["job.finished", "print.received"], "\(receiver.requests)")
        #expect(accepted.count == 2 && receiver.requests.allSatisfy { $0["verified"] as? Bool == true })
        #expect(receiver.requests.filter { $0["status"] as? Int == 500 }.count == 2, "each event was tried again after a failure")
        let finished = try #require(accepted.first { $0["type"] as? String == "job.finished" }?["body"] as? String)
        let payload = try JSONSerialization.jsonObject(with: Data(finished.utf8)) as? [String: Any]
        #expect((payload?["data"] as? [String: Any])?["id"] as? String == id && (payload?["data"] as? [String: Any])?["state"] as? String == "finished")

        let (seen, _) = try await service.json("GET", "/v1/webhook", key: service.admin)
        #expect(seen["url"] as? String == url && seen["secret"] == nil)
        #expect((seen["events"] as? [String: Int])?["delivered"] == 2, "\(seen)")
        let metrics = String(decoding: try await service.call("GET", "/metrics", key: nil).0, as: UTF8.self)
        #expect(metrics.contains("pressroom_webhooks_delivered_total 2") && metrics.contains("pressroom_webhooks_retried_total 2"), "\(metrics)")
        #expect(try await service.call("DELETE", "/v1/webhook", key: service.admin).1 == 204)
        #expect(try await service.call("GET", "/v1/webhook", key: service.admin).1 == 404)
    }

    /// By default a tenant's webhook may not lead to the machine itself or the internal network.
    @Test func webhooksLeadToPublicAddressesOnlyUnlessAllowed() async throws {
        let service = try await Service.start(.sqlite, workers: 0)
        defer { service.stop() }
        for url in ["http://127.0.0.1:8080/x", "http://localhost/x", "http://[::1]/x", "http://10.1.2.3/x", "http://169.254.169.254/latest"] {
            let (refused, status) = try await service.json("PUT", "/v1/webhook", key: service.admin, body: Data("{\"url\": \"\(url)\"}".utf8))
            #expect(status == 400 && (refused["detail"] as? String)?.contains("public addresses only") == true, "\(url): \(refused)")
        }
        #expect(try await service.call("PUT", "/v1/webhook", key: service.admin, body: Data("{\"url\": \"https://erp.example.com/hook\"}".utf8)).1 == 201)
        // A name that resolves to a private address is refused before each send.
        let guarded = WebhookAddressGuard(allowsPrivate: false)
        #expect(guarded.refusal(of: "http://localhost./x", resolving: true)?.contains("leads to") == true, "localhost resolves to loopback")
        #expect(guarded.refusal(of: "http://localhost./x", resolving: false) != nil)
        #expect(guarded.refusal(of: "http://[::ffff:192.168.1.5]/x", resolving: false) != nil)
        #expect(guarded.refusal(of: "http://93.184.215.14/x", resolving: true) == nil)
        #expect(WebhookAddressGuard(allowsPrivate: true).refusal(of: "http://127.0.0.1/x", resolving: true) == nil)
        // A name is looked up once: refused when any address is inside, else pinned to the one checked.
        let public4: [UInt8] = [93, 184, 215, 14], inside: [UInt8] = [10, 0, 0, 7]
        #expect(guarded.verdict(on: "https://hooks.example.com/x", resolving: true) { _ in [public4] }
                == .allowed(pin: .init(host: "hooks.example.com", address: "93.184.215.14")))
        #expect(guarded.verdict(on: "https://hooks.example.com/x", resolving: true) { _ in [public4, inside] } == .refused(
            "https://hooks.example.com/x leads to 10.0.0.7, a loopback, private or link-local address; the service sends webhooks to public addresses only (the operator allows private ones with webhook-private-addresses: true)"))
        #expect(guarded.verdict(on: "http://93.184.215.14/x", resolving: true) == .allowed(pin: nil))
    }
}
