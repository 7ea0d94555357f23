import Foundation

/// A `data:` URI (RFC 2397): `data:[<media type>][;base64],<data>`.
/// Pictures inline in an article are the one use; only base64 ones carry
/// binary data safely, so only those are accepted.
struct DataURI {
    /// The declared media type, lower-cased (it may lie; bytes decide).
    var mediaType: String
    /// The base64 payload as written.
    var payload: Substring

    init?(_ uri: String) {
        guard URIScheme.of(uri) == "data", let comma = uri.firstIndex(of: ",") else { return nil }
        let header = uri[uri.index(uri.startIndex, offsetBy: 5)..<comma].lowercased()
        guard header.hasSuffix(";base64") else { return nil }
        mediaType = String(header.dropLast(";base64".count))
        payload = uri[uri.index(after: comma)...]
    }

    /// The decoded bytes (percent-encoding undone, stray characters skipped).
    func decoded() -> Data? {
        let text = String(payload)
        return Data(base64Encoded: text.removingPercentEncoding ?? text, options: .ignoreUnknownCharacters)
    }

    /// The first bytes only: enough for a format's magic number without
    /// decoding a large picture.
    func decodedPrefix() -> Data? {
        Data(base64Encoded: String(payload.prefix(16)))
    }
}
