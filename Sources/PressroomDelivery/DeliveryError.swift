// What can go wrong on the way out, in words a person can act on: configuration (a key, a
// server, a template), a message that cannot be built, or a server's refusal with its reply.
public enum DeliveryError: Error, Sendable, Equatable, CustomStringConvertible {
    case configuration(String)
    case message(String)
    /// The server answered `code` (with its enhanced status and text) to `command`.
    case refused(command: String, code: Int, text: String)
    /// The connection could not be made or was lost.
    case connection(String)

    public var description: String {
        switch self {
        case .configuration(let text), .message(let text), .connection(let text): text
        case .refused(let command, let code, let text): "the server answered \(code) \(text) to \(command)"
        }
    }
}
