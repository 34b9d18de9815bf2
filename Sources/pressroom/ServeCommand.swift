// `pressroom serve`, `pressroom worker` and `pressroom keys`: the service from the command line.
// Settings come from a YAML file (--config), then PRESSROOM_* environment variables, then
// options, each overriding the one before.
import ArgumentParser
import Foundation
import Logging
import PressroomServer
import PressroomText
import Yams

struct ServiceOptions: ParsableArguments {
    @Option(help: "A YAML file of settings (data, host, port, workers, weights, max-job-bytes, online-time-limit, lease, ...).")
    var config: String?

    @Option(help: "The data folder: job store, tenants' layouts, job files, postal batches (default: pressroom-data, or PRESSROOM_DATA).")
    var data: String?

    @Option(help: "The job store: a PostgreSQL URL (postgres://user:password@host:port/database) shared by workers on many machines, or PRESSROOM_STORE (default: SQLite in the data folder).")
    var store: String?

    @Option(help: "Workers rendering batch records in this process (default: every core, or PRESSROOM_WORKERS; 0 for the API only).")
    var workers: Int?

    func configuration() throws -> ServiceConfiguration {
        var configuration = ServiceConfiguration()
        if let config {
            guard let text = try? String(contentsOfFile: config, encoding: .utf8) else { throw ValidationError("cannot read --config \(config)") }
            // A file with no settings in it (empty, or comments only) leaves the defaults.
            do {
                if try Yams.load(yaml: text) != nil { configuration = try YAMLDecoder().decode(ServiceConfiguration.self, from: text) }
            } catch {
                throw ValidationError("\(config): \(error)")
            }
        }
        let environment = ProcessInfo.processInfo.environment
        if let value = environment["PRESSROOM_DATA"] { configuration.data = value }
        if let value = environment["PRESSROOM_STORE"] { configuration.store = value }
        if let value = environment["PRESSROOM_PORT"].flatMap(Int.init) { configuration.port = value }
        if let value = environment["PRESSROOM_HOST"] { configuration.host = value }
        if let value = environment["PRESSROOM_WORKERS"].flatMap(Int.init) { configuration.workers = value }
        if let value = environment["PRESSROOM_SMTP"] { configuration.smtp = value }
        if let data { configuration.data = data }
        if let store { configuration.store = store }
        if let workers { configuration.workers = workers }
        return configuration
    }

    func service(_ configuration: ServiceConfiguration) async throws -> PressroomService {
        let seed = FileManager.default.fileExists(atPath: "Layouts/components") ? "Layouts" : BundledFonts.directory + "/../Layouts"
        return try await PressroomService(configuration: configuration, seed: seed)
    }
}

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the HTTP API (on-line renders, batch jobs, layouts, print-shop pulls) with workers, on SQLite in the data folder.",
        discussion: "The first start makes tenant 'demo' with the bundled layouts and prints an admin key and a print-shop key (also in <data>/first-keys.txt). SIGTERM or Ctrl-C stops gracefully.")

    @OptionGroup var options: ServiceOptions

    @Option(help: "Port (default 8080, or PRESSROOM_PORT); 0 picks a free one.")
    var port: Int?

    @Option(help: "Address to listen on (default 127.0.0.1, or PRESSROOM_HOST).")
    var host: String?

    func run() async throws {
        var configuration = try options.configuration()
        if let port { configuration.port = port }
        if let host { configuration.host = host }
        let service = try await options.service(configuration)
        if let keys = try await service.bootstrap() {
            say("First start: tenant demo with the bundled layouts.\n  admin key:      \(keys.admin)\n  print shop key: \(keys.printShop) (shop in-house)\n  (kept in \(configuration.data)/first-keys.txt)")
        }
        var logger = Logger(label: "pressroom.serve")
        logger.logLevel = .info
        let settings = configuration
        try await service.serve(logger: logger) { port in
            say("Pressroom listening on http://\(settings.host):\(port) with \(settings.workers) worker(s); data in \(settings.data)/")
        }
    }
}

struct WorkerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker",
        abstract: "Render batch records from the job store of a data folder, beside `pressroom serve` (which may run with --workers 0).")

    @OptionGroup var options: ServiceOptions

    func run() async throws {
        let configuration = try options.configuration()
        var logger = Logger(label: "pressroom.worker")
        logger.logLevel = .info
        say("Pressroom worker: \(max(configuration.workers, 1)) worker(s) on \(configuration.data)/")
        try await options.service(configuration).work(logger: logger)
    }
}

struct KeysCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "API keys: add one (printed once; only its hash is kept), list them, remove one.",
        subcommands: [Add.self, List.self, Remove.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a key for a tenant (made, with the bundled layouts, if new).")
        @OptionGroup var options: ServiceOptions
        @Option(help: "The tenant the key belongs to.") var tenant: String
        @Option(help: "submitter, admin or printshop.") var role: String
        @Option(help: "With --role printshop: the print shop it speaks for.") var shop: String?
        @Option(help: "A note on whose key it is.") var label: String?

        func run() async throws {
            guard let role = Role(rawValue: role) else { throw ValidationError("--role is submitter, admin or printshop") }
            guard APIKeys.isName(tenant) else { throw ValidationError("--tenant: lower-case letters, digits, '-' and '_'") }
            if role == .printshop {
                guard let shop, APIKeys.isName(shop) else { throw ValidationError("--role printshop needs --shop NAME (lower-case letters, digits, '-', '_')") }
            }
            let service = try await options.service(try options.configuration())
            try service.tenants.create(tenant)
            let made = APIKeys.make(tenant: tenant, role: role, shop: role == .printshop ? shop : nil, label: label)
            try await service.store.addKey(made.stored)
            print(made.key)
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List keys by their first characters, tenant and role.")
        @OptionGroup var options: ServiceOptions
        @Option(help: "Only this tenant's.") var tenant: String?

        func run() async throws {
            for key in try await options.service(try options.configuration()).store.keys(tenant: tenant) {
                print("\(key.prefix)…  \(key.tenant)  \(key.role.rawValue)\(key.shop.map { " (\($0))" } ?? "")  \(key.label ?? "")")
            }
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove the key that starts with PREFIX (as `keys list` shows it).")
        @OptionGroup var options: ServiceOptions
        @Argument var prefix: String

        func run() async throws {
            let removed = try await options.service(try options.configuration()).store.removeKey(prefix: prefix)
            guard removed > 0 else { throw ValidationError("no key starts with \(prefix)") }
            print("removed \(removed) key(s)")
        }
    }
}

/// A line on standard output at once (a script waiting for it need not wait for a buffer).
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
