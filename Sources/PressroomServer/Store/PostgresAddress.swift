// Where a PostgreSQL job store lives, read from its URL: `postgres://user:password@host:port/database`
// (with `?sslmode=disable|prefer|require`), or with no host (`postgres:///database`) the local
// server's socket, as the user this process runs as (the way psql connects by default).
import Foundation
import Logging
import PostgresNIO

struct PostgresAddress {
    let url: String
    let host: String?
    let port: Int
    let user: String
    let password: String?
    let database: String?
    let sslMode: SSLMode

    enum SSLMode: String { case disable, prefer, require }

    init(_ url: String) throws {
        guard let parts = URLComponents(string: url), ["postgres", "postgresql"].contains(parts.scheme ?? "") else {
            throw StoreError.badURL("\(url): a PostgreSQL store is named postgres://user[:password]@host[:port]/database, or postgres:///database for the local server")
        }
        self.url = url
        let database = String(parts.path.drop { $0 == "/" })
        self.database = database.isEmpty ? nil : database
        host = parts.host.flatMap { $0.isEmpty ? nil : $0 }
        port = parts.port ?? 5432
        user = parts.user ?? Self.processUser
        password = parts.password
        let mode = parts.queryItems?.first { $0.name == "sslmode" }?.value ?? (host == nil ? "disable" : "prefer")
        guard let sslMode = SSLMode(rawValue: mode) else {
            throw StoreError.badURL("\(url): sslmode is disable, prefer or require, not \(mode)")
        }
        self.sslMode = sslMode
    }

    /// The name of the user this process runs as, from the password database (not `$USER`,
    /// which services and `sudo` often leave unset or stale).
    static var processUser: String {
        if let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name { return String(cString: name) }
        return ProcessInfo.processInfo.environment["USER"] ?? "postgres"
    }

    var socketPath: String { "/var/run/postgresql/.s.PGSQL.\(port)" }

    func connectionConfiguration() throws -> PostgresConnection.Configuration {
        if let host {
            let tls: PostgresConnection.Configuration.TLS = switch sslMode {
            case .disable: .disable
            case .prefer: .prefer(try .init(configuration: .makeClientConfiguration()))
            case .require: .require(try .init(configuration: .makeClientConfiguration()))
            }
            return PostgresConnection.Configuration(host: host, port: port, username: user, password: password, database: database, tls: tls)
        }
        return PostgresConnection.Configuration(unixSocketPath: socketPath, username: user, password: password, database: database)
    }

    var clientConfiguration: PostgresClient.Configuration {
        var configuration = if let host {
            PostgresClient.Configuration(host: host, port: port, username: user, password: password, database: database, tls: clientTLS)
        } else {
            PostgresClient.Configuration(unixSocketPath: socketPath, username: user, password: password, database: database)
        }
        configuration.options.maximumConnections = 32
        return configuration
    }

    private var clientTLS: PostgresClient.Configuration.TLS {
        switch sslMode {
        case .disable: .disable
        case .prefer: .prefer(.makeClientConfiguration())
        case .require: .require(.makeClientConfiguration())
        }
    }

    private var place: String { host.map { "\($0):\(port)" } ?? socketPath }

    /// Opens one connection and closes it, so an unreachable server, a refused user or a missing
    /// database is reported with the server's reason before anything else starts.
    func probe(logger: Logger) async throws {
        do {
            let connection = try await PostgresConnection.connect(configuration: try connectionConfiguration(), id: 0, logger: logger)
            try await connection.close()
        } catch let error as PSQLError {
            if let reason = error.serverInfo?[.message] {
                throw StoreError.unreachable("cannot use the PostgreSQL store \(url) as user \(user): \(reason)")
            }
            throw StoreError.unreachable("cannot reach the PostgreSQL store \(url) at \(place): \(error.underlying.map { "\($0)" } ?? "\(error.code)")")
        } catch {
            throw StoreError.unreachable("cannot reach the PostgreSQL store \(url) at \(place): \(error)")
        }
    }
}
