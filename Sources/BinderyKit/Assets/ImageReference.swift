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
        let trimmed = src.trimmingHTMLWhitespace()
        if trimmed.isEmpty { return .unusable("image has no source") }
        if let scheme = URIScheme.of(trimmed) {
            switch scheme {
            case "http", "https":
                guard let url = URL(string: trimmed), HTTPFetcher.isFetchable(url) else {
                    return .unusable("\(trimmed) is not a valid URL")
                }
                return .remote(url)
            case "data":
                return DataURI(trimmed)?.decoded().map { .inline($0) } ?? .unusable("data: URI is not a base64 image")
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
}
