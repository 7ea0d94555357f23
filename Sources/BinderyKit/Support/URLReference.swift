import Foundation

enum URLReference {
    /// `reference` resolved against `base` (RFC 3986 §5), after
    /// percent-encoding what a URL may not hold (spaces, non-ASCII); an
    /// absolute reference stands alone. `nil` when it cannot be resolved.
    static func resolve(_ reference: String, against base: URL?) -> URL? {
        let trimmed = LinkResolver.trimmed(reference)
        guard !trimmed.isEmpty else { return base }
        let encoded = WebURL.percentEncoded(trimmed)
        if URIScheme.of(encoded) != nil { return URL(string: encoded) }
        guard let base, let url = URL(string: encoded, relativeTo: base) else { return nil }
        return url.absoluteURL
    }

    /// An absolute http(s) URL with a host, or `nil`.
    static func web(_ reference: String, against base: URL?) -> URL? {
        guard let url = resolve(reference, against: base), let scheme = url.scheme?.lowercased(),
              scheme == "http" || scheme == "https", !(url.host ?? "").isEmpty else { return nil }
        return url
    }
}
