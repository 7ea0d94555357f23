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
    func unwrap(_ url: URL) -> URL? {
        guard let components = URLComponents(url: url, resolvingAgainstBaseURL: false),
              let host = components.host?.lowercased() else { return nil }
        let authority = components.port.map { "\(host):\($0)" } ?? host
        guard authority == self.host || (components.port == nil && "www." + self.host == host) else { return nil }
        let outerScheme = components.scheme?.lowercased() ?? "https"
        switch style {
        case .queryParameter:
            guard let query = components.percentEncodedQuery, let raw = Self.rawURLParameter(in: query) else { return nil }
            return Self.absolute(raw, scheme: outerScheme)
        case .hostInPath:
            let path = components.percentEncodedPath.drop(while: { $0 == "/" })
            guard !path.isEmpty, path.contains("/") else { return nil }
            return Self.absolute(String(path), scheme: outerScheme)
        }
    }

    /// The value of `url=` up to the end of the query: weserv does not encode
    /// it, so the inner URL's own `&` parameters are part of it. When the inner
    /// URL has no `?`, every `&` starts a proxy parameter; otherwise trailing
    /// known proxy parameters are cut.
    private static func rawURLParameter(in query: String) -> String? {
        var start: String.Index?
        if query.hasPrefix("url=") {
            start = query.index(query.startIndex, offsetBy: 4)
        } else if let range = query.range(of: "&url=") {
            start = range.upperBound
        }
        guard let start else { return nil }
        var value = String(query[start...])
        let lower = value.lowercased()
        let isEncoded = lower.hasPrefix("http%3a") || lower.hasPrefix("https%3a") || (lower.contains("%2f") && !value.contains("/"))
        if isEncoded {
            // Percent-encoded inner URL: its own `&` are encoded, so a raw `&` ends it.
            let encoded = value.split(separator: "&", maxSplits: 1).first.map(String.init) ?? value
            return encoded.removingPercentEncoding
        }
        if !value.contains("?") {
            return value.split(separator: "&", maxSplits: 1).first.map(String.init)
        }
        while let ampersand = value.range(of: "&", options: .backwards) {
            let parameter = value[ampersand.upperBound...]
            let name = parameter.split(separator: "=", maxSplits: 1).first.map { $0.lowercased() } ?? ""
            guard weservParameters.contains(name) else { break }
            value = String(value[..<ampersand.lowerBound])
        }
        return value
    }

    private static func absolute(_ raw: String, scheme: String) -> URL? {
        var text = raw.trimmingASCIIWhitespace
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
            guard let inner = lazy.compactMap({ $0.unwrap(current) }).first else { break }
            current = inner
            unwrapped = true
        }
        return unwrapped ? current : nil
    }
}
