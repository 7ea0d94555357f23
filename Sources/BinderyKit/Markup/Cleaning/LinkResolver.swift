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
    /// links of an article without URL, a web address whose host cannot be
    /// mended…), which the caller unlinks.
    func resolveLink(_ raw: String) -> String? {
        let trimmed = Self.trimmed(raw)
        if trimmed.hasPrefix("#") { return trimmed.count > 1 ? WebURL.percentEncoded(trimmed) : nil }
        let link: String?
        if let scheme = URIScheme.of(trimmed) {
            guard Self.linkSchemes.contains(scheme) else { return nil }
            link = WebURL.percentEncoded(trimmed)
        } else {
            link = resolveAgainstBase(trimmed)
        }
        return link.flatMap(WebURL.withValidHost)
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
            return WebURL.percentEncoded((base?.scheme?.lowercased() ?? "https") + ":" + relative)
        }
        guard let base, let url = URL(string: WebURL.percentEncoded(relative), relativeTo: base) else { return nil }
        let absolute = url.absoluteString
        guard let scheme = URIScheme.of(absolute), scheme == "http" || scheme == "https" else { return nil }
        return absolute
    }

    /// Strips leading/trailing ASCII whitespace and the tabs and newlines
    /// browsers ignore inside URLs (WHATWG URL §4.4).
    static func trimmed(_ raw: String) -> String {
        let bytes = raw.utf8
        let isTabOrNewline = { (b: UInt8) in b == 0x09 || b == 0x0A || b == 0x0D }
        guard raw.withUTF8Bytes({ $0.contains(where: isTabOrNewline) }) else {
            return raw.trimmingHTMLWhitespace()
        }
        var kept: [UInt8] = []
        kept.reserveCapacity(bytes.count)
        for byte in bytes where !isTabOrNewline(byte) { kept.append(byte) }
        return String(decoding: kept, as: UTF8.self).trimmingHTMLWhitespace()
    }
}
