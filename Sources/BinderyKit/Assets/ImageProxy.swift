import Foundation

/// Which URL of a proxied image to fetch first; the other is the fallback.
public enum ImageSourcePolicy: String, Sendable, Hashable, CaseIterable {
    /// The URL as the article wrote it (usually the proxy: it resizes and
    /// re-encodes, and still answers when the origin blocks hot-linking).
    case asWritten
    /// The original image behind the proxy (full quality, no third party).
    case origin
}

/// An image proxy Bindery can see through, e.g. `images.weserv.nl?url=…`.
public struct ImageProxy: Sendable, Hashable {
    /// How the proxied URL is carried.
    public enum Style: Sendable, Hashable {
        /// In a `url=` query parameter, raw (weserv: not percent-encoded,
        /// scheme optional, may carry its own `?…&…` query) or percent-encoded.
        case queryParameter
        /// As the path: `https://i0.wp.com/HOST/PATH?resize=…` (Jetpack Photon).
        case hostInPath
    }

    /// Host name, or `host:port`, compared case-insensitively.
    public var host: String
    public var style: Style

    public init(host: String, style: Style) {
        self.host = host.lowercased()
        self.style = style
    }

    /// The proxies seen in real feed archives.
    public static let common: [ImageProxy] = [
        ImageProxy(host: "images.weserv.nl", style: .queryParameter),
        ImageProxy(host: "wsrv.nl", style: .queryParameter),
        ImageProxy(host: "i0.wp.com", style: .hostInPath),
        ImageProxy(host: "i1.wp.com", style: .hostInPath),
        ImageProxy(host: "i2.wp.com", style: .hostInPath),
        ImageProxy(host: "i3.wp.com", style: .hostInPath),
    ]

    /// weserv's own parameters (https://wsrv.nl/docs/), cut from the end of a
    /// raw inner URL that has its own query.
    private static let weservParameters: Set<String> = [
        "w", "h", "dpr", "fit", "cx", "cy", "cw", "ch", "precrop", "a", "fpx", "fpy", "trim", "mtrim",
        "bg", "blur", "sharp", "sharpf", "sharpj", "con", "gam", "mod", "sat", "hue", "filt", "flip",
        "flop", "ro", "rbg", "q", "l", "af", "il", "n", "output", "encoding", "filename", "default",
        "maxage", "page", "we", "errorredirect", "tint", "border", "pad", "ssl",
    ]

    /// The original image URL behind `url`, or `nil` when `url` is not proxied
    /// by this proxy. The inner URL, when it has no scheme, takes the proxy
    /// URL's scheme.
    /// `urlHost` is `url.host`, looked up once for all proxies (it is not free).
    func unwrap(_ url: URL, host urlHost: String?) -> URL? {
        // The URL's own parts: it is parsed already (URLComponents would parse it again).
        guard mayProxy(host: urlHost), let host = urlHost?.lowercased() else { return nil }
        let port = url.port
        let authority = port.map { "\(host):\($0)" } ?? host
        guard authority == self.host || (port == nil && "www." + self.host == host) else { return nil }
        let outerScheme = url.scheme?.lowercased() ?? "https"
        switch style {
        case .queryParameter:
            guard let query = url.query(percentEncoded: true), let raw = Self.rawURLParameter(in: query) else { return nil }
            return Self.absolute(raw, scheme: outerScheme)
        case .hostInPath:
            let path = url.path(percentEncoded: true).drop(while: { $0 == "/" })
            guard !path.isEmpty, path.contains("/") else { return nil }
            return Self.absolute(String(path), scheme: outerScheme)
        }
    }

    /// Whether a URL with this host name may be this proxy's (it ends in
    /// the proxy's host name): a byte test on the already parsed host, so
    /// that most URLs skip `URLComponents`.
    private func mayProxy(host urlHost: String?) -> Bool {
        guard let urlHost else { return false }
        return host.withUTF8Bytes { proxy in
            urlHost.withUTF8Bytes { candidate in
                let name = proxy.prefix { $0 != UInt8(ascii: ":") }
                guard candidate.count >= name.count else { return false }
                return zip(name.reversed(), candidate.reversed()).allSatisfy { $0 == $1.asciiLowercased }
            }
        }
    }

    /// The value of `url=` up to the end of the query: weserv does not encode
    /// it, so the inner URL's own `&` parameters are part of it. When the inner
    /// URL has no `?`, every `&` starts a proxy parameter; otherwise trailing
    /// known proxy parameters are cut.
    private static func rawURLParameter(in query: String) -> String? {
        let bytes = Array(query.utf8)
        let start: Int
        if bytes.starts(with: "url=".utf8) {
            start = 4
        } else if let parameter = firstIndex(of: "&url=", in: bytes[...], ignoringCase: false) {
            start = parameter + 5
        } else {
            return nil
        }
        var value = bytes[start...]
        let ampersand = UInt8(ascii: "&")
        let isEncoded = value.startsIgnoringASCIICase(with: "http%3a") || value.startsIgnoringASCIICase(with: "https%3a")
            || (firstIndex(of: "%2f", in: value) != nil && !value.contains(UInt8(ascii: "/")))
        if isEncoded {
            // Percent-encoded inner URL: its own `&` are encoded, so a raw `&` ends it.
            return String(decoding: value.prefix { $0 != ampersand }, as: UTF8.self).removingPercentEncoding
        }
        if !value.contains(UInt8(ascii: "?")) {
            return String(decoding: value.prefix { $0 != ampersand }, as: UTF8.self)
        }
        while let last = value.lastIndex(of: ampersand) {
            let name = value[(last + 1)...].prefix { $0 != UInt8(ascii: "=") }
            guard weservParameters.contains(String(decoding: name, as: UTF8.self).lowercased()) else { break }
            value = value[..<last]
        }
        return String(decoding: value, as: UTF8.self)
    }

    /// Where `pattern` (written in lower case) first occurs in `bytes`,
    /// ignoring ASCII case unless told not to.
    private static func firstIndex(of pattern: String, in bytes: ArraySlice<UInt8>, ignoringCase: Bool = true) -> Int? {
        bytes.indices.first { index in
            ignoringCase ? bytes[index...].startsIgnoringASCIICase(with: pattern) : bytes[index...].starts(with: pattern.utf8)
        }
    }

    private static func absolute(_ raw: String, scheme: String) -> URL? {
        var text = raw.trimmingHTMLWhitespace()
        let lower = text.lowercased()
        if lower.hasPrefix("ssl:") {
            text = "https://" + text.dropFirst(4)
        } else if lower.hasPrefix("//") {
            text = scheme + ":" + text
        } else if !(lower.hasPrefix("http://") || lower.hasPrefix("https://")) {
            text = scheme + "://" + text
        }
        guard let url = URL(string: text) ?? URL(string: text.addingPercentEncoding(withAllowedCharacters: .urlFragmentAllowed) ?? ""),
              let host = url.host, !host.isEmpty else { return nil }
        return url
    }
}

extension Array where Element == ImageProxy {
    /// The original behind `url` (through nested proxies), or `nil` when `url`
    /// is not proxied.
    func origin(of url: URL) -> URL? {
        var current = url
        var unwrapped = false
        // Bounded: a proxy of a proxy is possible, a loop is not worth following.
        for _ in 0..<3 {
            let host = current.host
            guard let inner = lazy.compactMap({ $0.unwrap(current, host: host) }).first else { break }
            current = inner
            unwrapped = true
        }
        return unwrapped ? current : nil
    }
}
