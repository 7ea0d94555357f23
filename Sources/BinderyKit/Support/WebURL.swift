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
        let clean = url.withUTF8Bytes { bytes in
            bytes.allSatisfy { byte in
                if byte == UInt8(ascii: "#") { hashes += 1 }
                return !needsEncoding(byte) && byte != UInt8(ascii: "%") && hashes < 2
            }
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
    /// Anything but a web URL is returned as it is. (Runs on every link and
    /// picture of every article: the common case is one pass over bytes.)
    static func withValidHost(_ url: String) -> String? {
        guard URIScheme.isWeb(url) else { return url }
        // Read as contiguous bytes: stepping through `String.UTF8View` indices
        // cost thousands of instructions a link.
        let found = url.withUTF8Bytes { bytes -> (host: Range<Int>, clean: Bool)? in
            guard let host = hostOffsets(bytes) else { return nil }
            let hostBytes = UnsafeBufferPointer(rebasing: bytes[host])
            return (host, !hostBytes.isEmpty && hostBytes.first != UInt8(ascii: ".") && hostBytes.allSatisfy(isHostByte))
        }
        guard let found else { return url }
        if found.clean { return url }
        let host = indices(found.host, in: url)
        let written = String(url[host])
        let mended = trimmingEncodedWhitespace(written)
        guard isValidHost(mended) else { return nil }
        return String(url[..<host.lowerBound]) + mended + String(url[host.upperBound...])
    }

    /// The host in lower case (user info and port left out) and the path as
    /// written (percent-encoded) of an `http(s)://` URL; `nil` for anything
    /// else. Site rules look up every article's URL, and line rules every
    /// link at an article's edge, where Foundation's `URL` would cost more
    /// than the test.
    static func hostAndPath(_ url: String) -> (host: String, path: String)? {
        guard let host = hostRange(url), !host.isEmpty else { return nil }
        let bytes = url.utf8
        let isDelimiter = { (byte: UInt8) in byte == UInt8(ascii: "?") || byte == UInt8(ascii: "#") }
        let pathStart = bytes[host.upperBound...].firstIndex { $0 == UInt8(ascii: "/") || isDelimiter($0) } ?? bytes.endIndex
        let pathEnd = bytes[pathStart...].firstIndex(where: isDelimiter) ?? bytes.endIndex
        return (url[host].lowercased(), String(url[pathStart..<pathEnd]))
    }

    /// Where the host of an `http(s)://` URL sits: after any
    /// `user:password@`, before any `:port`, path, query or fragment.
    private static func hostRange(_ url: String) -> Range<String.Index>? {
        guard URIScheme.isWeb(url) else { return nil }
        return url.withUTF8Bytes(hostOffsets).map { indices($0, in: url) }
    }

    /// `hostRange` as offsets into the URL's UTF-8 bytes.
    private static func hostOffsets(_ bytes: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")) else { return nil }
        var start = colon + 1
        for _ in 0..<2 {
            guard start < bytes.count, bytes[start] == UInt8(ascii: "/") else { return nil }
            start += 1
        }
        var end = start
        while end < bytes.count, bytes[end] != UInt8(ascii: "/"), bytes[end] != UInt8(ascii: "?"), bytes[end] != UInt8(ascii: "#") {
            end += 1
        }
        if let at = bytes[start..<end].lastIndex(of: UInt8(ascii: "@")) { start = at + 1 }
        guard start < end else { return start..<start }
        var hostEnd = end
        if bytes[start] != UInt8(ascii: "["), let portColon = bytes[start..<end].lastIndex(of: UInt8(ascii: ":")),
           bytes[(portColon + 1)..<end].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            hostEnd = portColon
        }
        return start..<hostEnd
    }

    /// UTF-8 offsets in `url` as its indices.
    private static func indices(_ offsets: Range<Int>, in url: String) -> Range<String.Index> {
        let utf8 = url.utf8
        let lower = utf8.index(utf8.startIndex, offsetBy: offsets.lowerBound)
        return lower..<utf8.index(lower, offsetBy: offsets.count)
    }

    /// ASCII letters, digits, `-`, `.`, `_`, `~`, sub-delimiters, and any
    /// byte of a non-ASCII character (an IDN): nothing to mend.
    private static func isHostByte(_ byte: UInt8) -> Bool {
        switch byte {
        case 0...0x20, 0x7F, UInt8(ascii: "#"), UInt8(ascii: "%"), UInt8(ascii: "/"), UInt8(ascii: ":"), UInt8(ascii: "<"),
             UInt8(ascii: ">"), UInt8(ascii: "?"), UInt8(ascii: "@"), UInt8(ascii: "["), UInt8(ascii: "\\"), UInt8(ascii: "]"),
             UInt8(ascii: "^"), UInt8(ascii: "|"):
            return false
        default:
            return true
        }
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
        return host.utf8.allSatisfy(isHostByte)
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

