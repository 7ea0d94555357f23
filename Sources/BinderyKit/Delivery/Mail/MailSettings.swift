import Foundation

/// Where and how to send: the SMTP server and login, the envelope.
public struct MailSettings: Sendable {
    /// `smtp://host[:587]` (STARTTLS required) or `smtps://host[:465]` (TLS from the start).
    public var serverURL: String
    public var user: String?
    public var password: String?
    public var from: String
    public var to: [String]
    /// PEM file of certificate authorities to trust instead of the system's.
    public var caFile: String?
    /// Seconds to wait for the connection, and for any progress after it.
    public var timeout: Int = 60

    public init(serverURL: String, user: String?, password: String?, from: String, to: [String], caFile: String? = nil) {
        self.serverURL = serverURL
        self.user = user
        self.password = password
        self.from = from
        self.to = to
        self.caFile = caFile
    }

    /// Throws `MailError.settings` naming what is wrong.
    public func validate() throws {
        let lower = serverURL.lowercased()
        guard lower.hasPrefix("smtp://") || lower.hasPrefix("smtps://") else {
            throw MailError.settings("the server URL '\(serverURL)' must start with smtp:// (STARTTLS) or smtps:// (TLS)")
        }
        for address in [from] + to where !Self.isAddress(address) {
            throw MailError.settings("'\(address)' is not an e-mail address")
        }
        guard !to.isEmpty else { throw MailError.settings("no recipient (--to)") }
        if user != nil && (password ?? "").isEmpty {
            throw MailError.settings("a user name without a password (password file or BINDERY_SMTP_PASSWORD)")
        }
    }

    /// `local@domain`, no spaces, angle brackets or line breaks (which
    /// would let an address inject SMTP commands or headers).
    static func isAddress(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !parts[1].hasSuffix(".")
            && text.unicodeScalars.allSatisfy { $0.value > 0x20 && $0.value != 0x7F && !"<>()[],;:\\\"".unicodeScalars.contains($0) }
    }

    /// The host part of the URL, for messages.
    var serverName: String {
        let afterScheme = serverURL.components(separatedBy: "://").dropFirst().first ?? serverURL
        return String(afterScheme.split(separator: "/").first ?? Substring(afterScheme))
    }
}
