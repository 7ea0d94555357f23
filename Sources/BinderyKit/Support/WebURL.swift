import Foundation

/// Web addresses as Bindery writes them into books and notes: valid URLs
/// that say what the article said, with the slips of real archives mended.
enum WebURL {
    /// Percent-encodes what may not appear in a URL (spaces, quotes,
    /// non-ASCII, a `%` that does not start an escape, a second `#`) and
    /// leaves everything else — valid escapes above all — as written, so
    /// the address stays the one the article linked to. (Foundation's
    /// `URL(string:)` re-encodes every `%` of a string it finds invalid:
    /// `80%%20` would become `80%25%2520`.)
    static func percentEncoded(_ url: String) -> String {
        var hashes = 0
        let clean = url.utf8.allSatisfy { byte in
            if byte == UInt8(ascii: "#") { hashes += 1 }
            return !needsEncoding(byte) && byte != UInt8(ascii: "%") && hashes < 2
        }
        if clean { return url }
        let bytes = Array(url.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 16)
        var seenHash = false
        for (index, byte) in bytes.enumerated() {
            if byte == UInt8(ascii: "#") {
                // Only the first `#` starts the fragment; later ones are data.
                out += seenHash ? Array("%23".utf8) : [byte]
                seenHash = true
            } else if byte == UInt8(ascii: "%") {
                let isEscape = index + 2 < bytes.count && bytes[index + 1].isHexDigit && bytes[index + 2].isHexDigit
                out += isEscape ? [byte] : Array("%25".utf8)
            } else if needsEncoding(byte) {
                out += [UInt8(ascii: "%"), hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0x0F)]]
            } else {
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// An absolute `http(s)` URL (already percent-encoded) whose host every
    /// URL parser accepts, mending a host padded with white space
    /// (`www.example.com%20`, a slip seen in real archives); `nil` when
    /// the host cannot be mended — the caller keeps the text and drops the link.
    static func withValidHost(_ url: String) -> String? {
        guard URIScheme.isWeb(url), let authorityStart = url.range(of: "://")?.upperBound else { return url }
        let rest = url[authorityStart...]
        let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? rest.endIndex
        let authority = rest[..<authorityEnd]
        // The host sits after any `user:password@` and before any `:port`.
        let hostStart = authority.lastIndex(of: "@").map { authority.index(after: $0) } ?? authority.startIndex
        var hostEnd = authority.endIndex
        if let colon = authority[hostStart...].lastIndex(of: ":"), authority[authority.index(after: colon)...].allSatisfy(\.isASCIIDigit) {
            hostEnd = colon
        }
        let host = String(authority[hostStart..<hostEnd])
        let mended = trimmingEncodedWhitespace(host)
        guard isValidHost(mended) else { return nil }
        if mended == host { return url }
        return String(url[..<hostStart]) + mended + String(url[hostEnd...])
    }

    /// A host without white space, raw or percent-encoded, at either end.
    private static func trimmingEncodedWhitespace(_ host: String) -> String {
        let encodedSpaces = ["%20", "%09", "%0A", "%0a", "%0D", "%0d", "%C2%A0", "%c2%a0"]
        var text = Substring(host)
        var changed = true
        while changed {
            changed = false
            for space in encodedSpaces + [" ", "\t"] {
                if text.hasPrefix(space) { text = text.dropFirst(space.count); changed = true }
                if text.hasSuffix(space) { text = text.dropLast(space.count); changed = true }
            }
        }
        return String(text)
    }

    /// A domain or IPv4 host: no forbidden code point of the URL standard
    /// (WHATWG URL §3.2: controls, space, `#%/:<>?@[\]^|`), not empty, no
    /// empty label; or a bracketed IPv6 address.
    static func isValidHost(_ host: String) -> Bool {
        if host.hasPrefix("[") { return host.hasSuffix("]") && host.count > 2 }
        guard !host.isEmpty, !host.hasPrefix("."), !host.contains("..") else { return false }
        return host.unicodeScalars.allSatisfy { scalar in
            scalar.value > 0x20 && scalar.value != 0x7F && !"#%/:<>?@[\\]^|".unicodeScalars.contains(scalar)
        }
    }

    private static func needsEncoding(_ byte: UInt8) -> Bool {
        switch byte {
        case 0..<0x21, 0x7F...0xFF: return true
        case UInt8(ascii: "\""), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\\"), UInt8(ascii: "^"),
            UInt8(ascii: "`"), UInt8(ascii: "{"), UInt8(ascii: "|"), UInt8(ascii: "}"), UInt8(ascii: "["), UInt8(ascii: "]"):
            return true
        default: return false
        }
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)
}

extension UInt8 {
    fileprivate var isHexDigit: Bool {
        (0x30...0x39).contains(self) || (0x41...0x46).contains(self) || (0x61...0x66).contains(self)
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
