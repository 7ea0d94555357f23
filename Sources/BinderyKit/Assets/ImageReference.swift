import Foundation

/// What an `img src` refers to, decided without reading anything.
enum ImageReference: Equatable {
    case remote(URL)
    /// A `data:` URI's decoded bytes.
    case inline(Data)
    /// The real path of a file inside the article's input folder.
    case localFile(String)
    /// Nothing to fetch, for the reason given (warned about).
    case unusable(String)

    /// Classifies `src` of an image in `article`. A relative path is a local
    /// file when one exists inside the input folder; otherwise, when the
    /// article has a URL, it is resolved against it (RFC 3986 5.2) and remote.
    static func classify(_ src: String, in article: Article, realPaths: RealPaths) -> ImageReference {
        let trimmed = src.trimmingASCIIWhitespace
        if trimmed.isEmpty { return .unusable("image has no source") }
        if let scheme = scheme(of: trimmed) {
            switch scheme {
            case "http", "https":
                guard let url = URL(string: trimmed), HTTPFetcher.isFetchable(url) else {
                    return .unusable("\(trimmed) is not a valid URL")
                }
                return .remote(url)
            case "data":
                return decodeDataURI(trimmed).map { .inline($0) } ?? .unusable("data: URI is not a base64 image")
            case "file":
                return .unusable("\(trimmed): file: URLs are not read")
            default:
                return .unusable("\(trimmed): scheme \(scheme): is not fetched (only http and https)")
            }
        }
        if trimmed.hasPrefix("//") {
            guard let base = article.url, let url = URL(string: trimmed, relativeTo: base)?.absoluteURL,
                  HTTPFetcher.isFetchable(url) else {
                return .unusable("\(trimmed) has no scheme and the article has no URL")
            }
            return .remote(url)
        }
        switch LocalImageLoader.locate(trimmed, in: article.origin, realPaths: realPaths) {
        case .file(let path):
            return .localFile(path)
        case .refused(let reason):
            return .unusable(reason)
        case .notFound:
            if let base = article.url, let url = URL(string: trimmed, relativeTo: base)?.absoluteURL,
               HTTPFetcher.isFetchable(url) {
                return .remote(url)
            }
            return .unusable("\(trimmed) was not found beside the article")
        }
    }

    /// The URI scheme (RFC 3986 3.1: ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )),
    /// lower-cased, or `nil` for a relative reference.
    private static func scheme(of text: String) -> String? {
        guard let colon = text.utf8.firstIndex(of: UInt8(ascii: ":")) else { return nil }
        let candidate = text.utf8[..<colon]
        guard let first = candidate.first, isLetter(first) else { return nil }
        let allowed = candidate.allSatisfy {
            isLetter($0) || ($0 >= 0x30 && $0 <= 0x39) || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".")
        }
        return allowed ? String(decoding: candidate, as: UTF8.self).lowercased() : nil
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    /// `data:[<media type>][;base64],<data>` (RFC 2397); only base64 is accepted.
    private static func decodeDataURI(_ text: String) -> Data? {
        guard let comma = text.firstIndex(of: ",") else { return nil }
        let header = text[text.index(text.startIndex, offsetBy: 5)..<comma].lowercased()
        guard header.hasSuffix(";base64") else { return nil }
        let payload = String(text[text.index(after: comma)...])
        let clean = payload.removingPercentEncoding ?? payload
        return Data(base64Encoded: clean, options: .ignoreUnknownCharacters)
    }
}

