// Batch jobs: POST /v1/jobs takes JSON Lines and answers once the job is on the disk (202);
// GET /v1/jobs[/id] shows counts, progress and each failed record with its location; the
// rendered records and the combined file are downloaded by number. Another tenant's job is
// not found, as if it did not exist.
import Foundation
import Hummingbird
import PressroomProduction

extension API {
    func addJobs(to router: Router<ServerContext>) {
        router.post("/v1/jobs") { request, context in
            let caller = try context.submitter()
            let spec = try API.spec(request, tenants: tenants, tenant: caller.tenant)
            if let post = spec.post, !TenantStore.isFileName(post) { throw Problem.badRequest("\"\(post.prefix(80))\" is not a post profile name") }
            if let shop = spec.shop, !APIKeys.isName(shop) { throw Problem.badRequest("\"\(shop.prefix(80))\" is not a print shop name") }
            if spec.deliver, tenants.email(caller.tenant)?.sender == nil {
                throw Problem(.conflict, "no-email-sender", "No email sender",
                              "deliver=true emails each record from the tenant's sender, and none is set: an admin sets it with PUT /v1/email")
            }
            let key = try API.idempotencyKey(request)
            let pending = try await store.pendingRecords()
            guard pending < limits.maxQueuedRecords else {
                throw Problem.busy("\(pending) records are waiting already (the limit is \(limits.maxQueuedRecords)); try again later",
                                   retryAfter: 30)
            }
            let id = JobFiles.newID()
            let intake = JobIntake(files: files)
            let bodyHash: String
            do {
                bodyHash = try await intake.store(request.body.map { Array($0.readableBytesView) }, job: id, limit: limits.jobBytes)
            } catch JobIntake.Refusal.tooLarge(let limit) {
                throw Problem.tooLarge(limit)
            } catch JobIntake.Refusal.empty {
                throw Problem.badRequest("the body is empty: send one JSON record per line")
            }
            let requestHash = try StoreCoding.encode(spec) + "\n" + bodyHash
            let created: JobCreation
            do {
                let entries = try intake.entries(id, limits: limits.data)
                guard !entries.isEmpty else { throw Problem.badRequest("the body holds no record: send one JSON record per line") }
                created = try await store.createJob(id: id, tenant: caller.tenant, spec: spec, weight: weights[spec.type] ?? 1,
                                                    idempotencyKey: key, requestHash: requestHash, records: entries, now: Date())
            } catch {
                try? FileManager.default.removeItem(atPath: files.folder(id))
                throw error
            }
            switch created {
            case .created(let job):
                return try API.json(Components.Schemas.Job(job), status: .accepted, headers: [.location: "/v1/jobs/\(job.id)"])
            case .existing(let job):
                try? FileManager.default.removeItem(atPath: files.folder(id))
                return try API.json(Components.Schemas.Job(job), status: .ok, headers: [.location: "/v1/jobs/\(job.id)"])
            case .conflict:
                try? FileManager.default.removeItem(atPath: files.folder(id))
                throw Problem.idempotencyConflict(key ?? "")
            }
        }

        router.get("/v1/jobs/:id/records/:number") { _, context in
            let caller = try context.submitter()
            let job = try await job(context, tenant: caller.tenant)
            guard let number = context.parameters.get("number", as: Int.self), number >= 1, number <= job.total else {
                throw Problem.notFound("job \(job.id) has records 1 to \(job.total)")
            }
            let state = try await store.recordState(job: job.id, tenant: caller.tenant, number: number)
            guard state == .rendered else {
                throw Problem.notFound("record \(number) of job \(job.id) is \(state.map { $0 == .leased ? "being rendered" : $0.rawValue } ?? "unknown"), not rendered")
            }
            return try API.file(files.document(job.id, number: number), type: "application/pdf")
        }

        router.get("/v1/jobs/:id/combined.pdf") { _, context in
            let caller = try context.submitter()
            let job = try await job(context, tenant: caller.tenant)
            guard job.spec.combine else { throw Problem.notFound("job \(job.id) was not created with combine=true") }
            guard job.state == .finished else { throw Problem.notFound("job \(job.id) is \(job.state.rawValue); the combined file comes when it has finished") }
            return try API.file(files.combined(job.id), type: "application/pdf")
        }
    }

    /// The caller's job named in the path; another tenant's is not found.
    private func job(_ context: ServerContext, tenant: String) async throws -> JobStatus {
        try await job(context.parameters.get("id"), tenant: tenant)
    }

    private func job(_ id: String?, tenant: String) async throws -> JobStatus {
        guard let id, JobFiles.isJobID(id), let job = try await store.job(id, tenant: tenant) else {
            throw Problem.notFound("there is no such job for this key's tenant")
        }
        return job
    }

    // The generated operations.

    func listJobs(_ input: Operations.ListJobs.Input) async throws -> Operations.ListJobs.Output {
        let caller = try Principal.caller(\.submits, Principal.submitterRefusal)
        let limit = min(max(input.query.limit ?? 100, 1), 1000)
        return .ok(.init(body: .json(.init(jobs: try await store.jobs(tenant: caller.tenant, limit: limit).map(Components.Schemas.Job.init)))))
    }

    func getJob(_ input: Operations.GetJob.Input) async throws -> Operations.GetJob.Output {
        let caller = try Principal.caller(\.submits, Principal.submitterRefusal)
        return .ok(.init(body: .json(Components.Schemas.Job(try await job(input.path.id, tenant: caller.tenant)))))
    }
}

/// A job as the API shows it: the OpenAPI `Job` schema, as its status call, its list and its
/// status webhook carry it.
extension Components.Schemas.Job {
    init(_ job: JobStatus) {
        let failures = job.failures.map { failure in
            let item = Problem.item(failure.failure, record: failure.record)
            let location = item.location.map { "\($0): " } ?? ""
            let path = item.path.map { "\($0): " } ?? ""
            return FailuresPayloadPayload(record: failure.record, line: failure.line,
                                          message: "record \(failure.record): \(location)\(path)\(item.message)",
                                          problems: [Components.Schemas.ProblemItem(record: item.record, location: item.location, path: item.path,
                                                                                   message: item.message)])
        }
        self.init(id: job.id, tenant: job.tenant, layout: job.spec.layout, variant: Components.Schemas.Variant(rawValue: job.spec.variant) ?? .digital,
                  theme: job.spec.theme, _type: job.spec.type, state: StatePayload(rawValue: job.state.rawValue) ?? .queued,
                  created: job.created, finished: job.finished, idempotencyKey: job.idempotencyKey,
                  counts: CountsPayload(total: job.total, queued: job.queued, running: job.running, rendered: job.rendered, failed: job.failed),
                  progress: job.total == 0 ? 1 : Double(job.rendered + job.failed) / Double(job.total), pages: job.pages,
                  failures: failures, combined: job.spec.combine, postalBatch: job.postalBatch, deliver: job.spec.deliver,
                  deliveries: job.spec.deliver ? DeliveriesPayload(additionalProperties: job.deliveries) : nil,
                  undelivered: job.spec.deliver ? job.undelivered.map {
                      UndeliveredPayloadPayload(record: $0.record, channel: UndeliveredPayloadPayload.ChannelPayload(rawValue: $0.channel) ?? .email,
                                                state: $0.state, detail: $0.detail)
                  } : nil,
                  inDoubt: job.spec.deliver ? job.inDoubt.map {
                      InDoubtPayloadPayload(record: $0.record, state: $0.state, detail: $0.detail)
                  } : nil,
                  links: LinksPayload(_self: "/v1/jobs/\(job.id)", records: "/v1/jobs/\(job.id)/records/{number}",
                                      combined: job.spec.combine ? "/v1/jobs/\(job.id)/combined.pdf" : nil))
    }
}
