/// The scheme of a URI reference (RFC 3986 §3.1), the one test every stage
/// makes before trusting a link or an image source.
enum URIScheme {
    /// The scheme, lower-cased: `ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )`
    /// before the first `:`; `nil` for a relative reference.
    static func of(_ reference: String) -> String? {
        let bytes = reference.utf8
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")) else { return nil }
        let candidate = bytes[..<colon]
        guard let first = candidate.first, isLetter(first) else { return nil }
        let allowed = candidate.allSatisfy {
            isLetter($0) || ($0 >= 0x30 && $0 <= 0x39) || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".")
        }
        return allowed ? String(decoding: candidate.map(\.asciiLowercased), as: UTF8.self) : nil
    }

    /// Whether `reference` is an absolute `http:` or `https:` URL.
    static func isWeb(_ reference: String) -> Bool {
        reference.withUTF8Bytes { $0.startsIgnoringASCIICase(with: "http:") || $0.startsIgnoringASCIICase(with: "https:") }
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }
}
