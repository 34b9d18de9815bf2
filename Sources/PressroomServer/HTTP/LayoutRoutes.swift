// The tenant's layouts folder over HTTP: a listing for submitters, uploads for admins. An
// upload lands only when it loads and every layout it touches still resolves; otherwise 422
// lists every problem at its file:line:column.
import Foundation
import Hummingbird
import PressroomLayout

extension API {
    func addLayouts(to router: Router<ServerContext>) {
        for (kind, path) in [(TenantStore.Kind.layout, "layouts"), (.component, "components"), (.theme, "themes"), (.image, "images")] {
            router.put("/v1/\(path)/:name") { request, context in
                let caller = try context.caller(\.administers, "uploads need an admin key")
                guard let name = context.parameters.get("name") else { throw Problem.badRequest("name the file in the path") }
                let body = try await API.body(request, limit: limits.documentBytes)
                let replaced: Bool
                do {
                    replaced = try tenants.upload(kind, name: name, bytes: body, tenant: caller.tenant)
                } catch let refusal as UploadRefusal {
                    switch refusal {
                    case .problems(let problems):
                        throw Problem.invalid("the \(kind.rawValue) was not stored: \(problems.count) problem\(problems.count == 1 ? "" : "s")",
                                              problems.map { Problem.item($0) }, title: "Not stored")
                    default:
                        throw Problem.badRequest(refusal.description)
                    }
                }
                return try API.json(["name": name, "kind": kind.rawValue], status: replaced ? .ok : .created)
            }
        }
    }

    /// The tenant's store (a generated operation).
    func listLayouts(_ input: Operations.ListLayouts.Input) async throws -> Operations.ListLayouts.Output {
        let caller = try Principal.caller(\.submits, Principal.submitterRefusal)
        let listing = tenants.listing(caller.tenant)
        return .ok(.init(body: .json(.init(layouts: listing.layouts, components: listing.components, themes: listing.themes, images: listing.images))))
    }
}
