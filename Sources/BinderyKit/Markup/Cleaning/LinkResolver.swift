import Foundation

/// Resolves the URLs an article body holds against the article's own URL.
struct LinkResolver: Sendable {
    /// The article URL, when it is an absolute `http(s)` URL.
    let base: URL?

    init(base: URL?) {
        if let base, let scheme = base.scheme?.lowercased(), scheme == "http" || scheme == "https", base.host != nil {
            self.base = base
        } else {
            self.base = nil
        }
    }

    /// The schemes a link in an e-book may keep.
    private static let linkSchemes: Set<String> = ["http", "https", "mailto"]

    /// A link target to keep: an absolute `http(s)`/`mailto` URL or a
    /// `#fragment`; `nil` for anything else (`javascript:`, `data:`, relative
    /// links of an article without URL…), which the caller unlinks.
    func resolveLink(_ raw: String) -> String? {
        let trimmed = Self.trimmed(raw)
        if trimmed.hasPrefix("#") { return trimmed.count > 1 ? Self.percentEncoded(trimmed) : nil }
        if let scheme = URIScheme.of(trimmed) {
            guard Self.linkSchemes.contains(scheme) else { return nil }
            return Self.percentEncoded(trimmed)
        }
        return resolveAgainstBase(trimmed)
    }

    /// An image source with root- and protocol-relative forms resolved;
    /// other relative paths stay exactly as written (the Assets stage decides
    /// whether they name files beside the article).
    func resolveImageSource(_ raw: String) -> String {
        let trimmed = Self.trimmed(raw)
        guard trimmed.hasPrefix("/"), URIScheme.of(trimmed) == nil else { return trimmed }
        return resolveAgainstBase(trimmed) ?? trimmed
    }

    /// An absolute `http(s)` URL for `raw`, or `nil`.
    func resolveWebURL(_ raw: String) -> String? {
        guard let link = resolveLink(raw), let scheme = URIScheme.of(link), scheme == "http" || scheme == "https" else {
            return nil
        }
        return link
    }

    private func resolveAgainstBase(_ relative: String) -> String? {
        if relative.hasPrefix("//") {
            // Protocol-relative: the article's scheme, else HTTPS.
            return Self.percentEncoded((base?.scheme?.lowercased() ?? "https") + ":" + relative)
        }
        guard let base, let url = URL(string: Self.percentEncoded(relative), relativeTo: base) else { return nil }
        let absolute = url.absoluteString
        guard let scheme = URIScheme.of(absolute), scheme == "http" || scheme == "https" else { return nil }
        return absolute
    }

    /// Strips leading/trailing ASCII whitespace and the tabs and newlines
    /// browsers ignore inside URLs (WHATWG URL §4.4).
    static func trimmed(_ raw: String) -> String {
        let bytes = raw.utf8
        let isTabOrNewline = { (b: UInt8) in b == 0x09 || b == 0x0A || b == 0x0D }
        guard bytes.contains(where: isTabOrNewline) else {
            return raw.trimmingHTMLWhitespace()
        }
        var kept: [UInt8] = []
        kept.reserveCapacity(bytes.count)
        for byte in bytes where !isTabOrNewline(byte) { kept.append(byte) }
        return String(decoding: kept, as: UTF8.self).trimmingHTMLWhitespace()
    }

    /// Percent-encodes what may not appear in a URL (spaces, quotes, non-ASCII,
    /// a `%` not starting an escape) so the XHTML `href` is a valid URL.
    static func percentEncoded(_ url: String) -> String {
        var hashes = 0
        let clean = url.utf8.allSatisfy { byte in
            if byte == UInt8(ascii: "#") { hashes += 1 }
            return !needsEncoding(byte) && byte != UInt8(ascii: "%") && hashes < 2
        }
        if clean { return url }
        let bytes = Array(url.utf8)
        var out = ""
        out.reserveCapacity(bytes.count + 16)
        var seenHash = false
        for (index, byte) in bytes.enumerated() {
            if byte == UInt8(ascii: "#") {
                // Only the first `#` starts the fragment; later ones are data.
                out += seenHash ? "%23" : "#"
                seenHash = true
            } else if byte == UInt8(ascii: "%") {
                let isEscape = index + 2 < bytes.count && bytes[index + 1].isHexDigit && bytes[index + 2].isHexDigit
                out += isEscape ? "%" : "%25"
            } else if needsEncoding(byte) {
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            } else {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            }
        }
        return out
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
}

extension UInt8 {
    fileprivate var isHexDigit: Bool {
        (0x30...0x39).contains(self) || (0x41...0x46).contains(self) || (0x61...0x66).contains(self)
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
