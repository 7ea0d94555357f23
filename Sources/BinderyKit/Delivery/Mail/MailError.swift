/// The one error type of sending a book by e-mail. Each case names what was
/// being done and why it failed, in words a user can act on.
public enum MailError: Error, Equatable, CustomStringConvertible {
    /// Thrown when the settings are incomplete or malformed (no server URL,
    /// a scheme other than smtp/smtps, an address without `@`).
    case settings(String)
    /// Thrown when the book cannot be read or is too large to send.
    case book(path: String, reason: String)
    /// Thrown when the server cannot be reached (refused, unknown host, timeout).
    case connection(server: String, reason: String)
    /// Thrown when TLS cannot be had: the server offers no STARTTLS, the
    /// handshake fails, or its certificate is not trusted.
    case tls(server: String, reason: String)
    /// Thrown when the server rejects the user name or password.
    case authentication(server: String, user: String, reason: String)
    /// Thrown when the server refuses the sender, a recipient or the message.
    case rejected(server: String, reason: String)

    public var description: String {
        switch self {
        case .settings(let reason): return "mail settings: \(reason)"
        case .book(let path, let reason): return "cannot send \(path): \(reason)"
        case .connection(let server, let reason): return "cannot connect to \(server): \(reason)"
        case .tls(let server, let reason): return "no secure connection to \(server): \(reason)"
        case .authentication(let server, let user, let reason): return "\(server) refused the login of \(user): \(reason)"
        case .rejected(let server, let reason): return "\(server) did not accept the message: \(reason)"
        }
    }
}
