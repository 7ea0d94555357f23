import Foundation

/// HTTP basic authentication (RFC 7617) with one user. Credentials are
/// compared by their SHA-256 digests, so the time taken does not tell how
/// much of a guess was right.
public struct BasicAuth: Sendable {
    public let user: String
    private let expected: [UInt8]

    public init(user: String, password: String) {
        self.user = user
        expected = SHA256.digest(Data((user + ":" + password).utf8))
    }

    static let challenge = "Basic realm=\"Bindery library\", charset=\"UTF-8\""

    /// Whether an `Authorization` header value carries the right credentials.
    func accepts(_ header: String?) -> Bool {
        guard let header else { return false }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "basic",
              let decoded = Data(base64Encoded: String(parts[1]).trimmingCharacters(in: .whitespaces)) else { return false }
        let given = SHA256.digest(decoded)
        var difference: UInt8 = 0
        for (a, b) in zip(given, expected) { difference |= a ^ b }
        return difference == 0
    }
}
