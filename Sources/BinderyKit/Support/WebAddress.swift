/// The host and path of an absolute `http(s)` URL (RFC 3986 §3.2–3.3), read
/// byte-wise: the site rules look up every article's URL, and the line rules
/// every link at an article's edge, where Foundation's `URL` parsing would
/// cost more than the rest of the test.
enum WebAddress {
    /// The host in lower case (user info and port left out) and the path as
    /// written (percent-encoded); `nil` when `url` is not `http(s)://…`.
    static func hostAndPath(_ url: String) -> (host: String, path: String)? {
        guard URIScheme.isWeb(url) else { return nil }
        let bytes = Array(url.utf8)
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")), colon + 2 < bytes.count,
              bytes[colon + 1] == UInt8(ascii: "/"), bytes[colon + 2] == UInt8(ascii: "/") else { return nil }
        let hostStart = colon + 3
        var hostEnd = hostStart
        while hostEnd < bytes.count, !isEndOfAuthority(bytes[hostEnd]) { hostEnd += 1 }
        var pathEnd = hostEnd
        while pathEnd < bytes.count, bytes[pathEnd] != UInt8(ascii: "?"), bytes[pathEnd] != UInt8(ascii: "#") { pathEnd += 1 }
        var authority = bytes[hostStart..<hostEnd]
        if let at = authority.lastIndex(of: UInt8(ascii: "@")) { authority = authority[(at + 1)...] }
        if let port = authority.firstIndex(of: UInt8(ascii: ":")) { authority = authority[..<port] }
        guard !authority.isEmpty else { return nil }
        return (String(decoding: authority.map(\.asciiLowercased), as: UTF8.self),
                String(decoding: bytes[hostEnd..<pathEnd], as: UTF8.self))
    }

    private static func isEndOfAuthority(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "/") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "#")
    }
}
