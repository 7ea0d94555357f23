import Foundation

/// Why a download failed: a picture (the reason shown in the warning, after
/// the article file and the URL) or a feed (shown after the feed's URL).
public enum FetchFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// Thrown when a URL (or a redirect target) is not `http:`/`https:`.
    case unsupportedScheme(String)
    /// Thrown when a redirect points to a URL Bindery may not fetch.
    case redirectRefused(to: String)
    case tooManyRedirects(limit: Int)
    case httpStatus(Int)
    case timedOut
    case tooLarge(limit: Int)
    /// The body is no picture Bindery reads (JPEG, PNG, GIF, WebP, AVIF,
    /// HEIF, TIFF, BMP, safe SVG): often an HTML error page.
    case notAnImage(contentType: String?)
    case transport(String)
    /// The host's name does not resolve or nothing listens there. Not retried
    /// at once, and the rest of the run skips that host.
    case hostUnreachable(String)
    /// Not asked: the host did not answer earlier in this run.
    case hostSkipped(host: String, reason: String)
    /// The export's download budget is spent.
    case budgetExhausted(limit: Int)
    /// Offline and not in the cache.
    case notCached
    /// A cached failure, not retried until its entry expires.
    case rememberedFailure(String)
    /// Not fetchable at all (bad reference, refused local path, …).
    case unusable(String)
    /// A real image of a type the output cannot carry (WebP in an EPUB when
    /// pictures are not processed).
    case unsupportedType(ImageType)
    /// Looks like a picture but cannot be decoded (damaged or cut short).
    case undecodable(String)
    /// A proxied picture: the first URL tried failed, and so did the fallback.
    indirect case withFallback(FetchFailure, fallback: String)

    public var description: String {
        switch self {
        case .unsupportedScheme(let scheme): return "scheme \(scheme.isEmpty ? "(none)" : scheme + ":") is not fetched (only http and https)"
        case .redirectRefused(let target): return "redirect to \(target) refused (only http and https)"
        case .tooManyRedirects(let limit): return "more than \(limit) redirects"
        case .httpStatus(let status): return "HTTP status \(status)"
        case .timedOut: return "timed out"
        case .tooLarge(let limit): return "larger than \(limit) bytes"
        case .notAnImage(let type): return "not an image" + (type.map { " (served as \($0))" } ?? "")
        case .transport(let reason), .hostUnreachable(let reason): return reason
        case .hostSkipped(let host, let reason): return "not requested: \(host) did not answer earlier in this run (\(reason))"
        case .budgetExhausted(let limit): return "download budget of \(limit) bytes for this export is spent"
        case .notCached: return "not in the image cache (offline)"
        case .rememberedFailure(let reason): return "\(reason) (remembered from an earlier attempt)"
        case .unusable(let reason): return reason
        case .unsupportedType(let type): return "\(type.mediaType) is not a core media type of e-book readers"
        case .undecodable(let reason): return "damaged picture (\(reason))"
        case .withFallback(let first, let fallback): return "\(first); fallback \(fallback)"
        }
    }

    /// What failures of one kind have in common, for a warning that counts
    /// them ("312 pictures from s.rfi.fr left out: host unreachable"): the
    /// description without what varies from one URL to the next.
    public var cause: String {
        switch self {
        case .unsupportedScheme: return "scheme not fetched (only http and https)"
        case .redirectRefused: return "redirect refused (only http and https)"
        case .tooManyRedirects: return "too many redirects"
        case .httpStatus(let status): return "HTTP status \(status)"
        case .timedOut: return "timed out"
        case .tooLarge(let limit): return "larger than \(limit) bytes"
        case .notAnImage: return "not an image"
        case .transport: return "network error"
        case .hostUnreachable, .hostSkipped: return "host unreachable"
        case .budgetExhausted: return "download budget for this export spent"
        case .notCached: return "not in the image cache (offline)"
        case .rememberedFailure: return "failed earlier (remembered for a day)"
        case .unusable: return "no usable source"
        case .unsupportedType(let type): return "\(type.mediaType) not supported by e-book readers"
        case .undecodable: return "damaged picture"
        case .withFallback(let first, _): return first.cause
        }
    }

    /// Worth one more try after a pause (RFC 9110 15.6: 5xx are server-side
    /// and often momentary; 429 asks to come back later).
    var isTransient: Bool {
        switch self {
        case .timedOut, .transport: return true
        case .httpStatus(let status): return status >= 500 || status == 429
        default: return false
        }
    }

    /// Says the host as a whole is not answering (after the retry, for
    /// timeouts), rather than that one picture is missing.
    var meansHostIsDown: Bool {
        switch self {
        case .hostUnreachable, .timedOut: return true
        default: return false
        }
    }

    /// Worth remembering in the cache: a property of the URL, not of this run.
    var isRemembered: Bool {
        switch self {
        case .budgetExhausted, .notCached, .rememberedFailure, .unusable, .unsupportedType, .undecodable, .hostSkipped, .withFallback:
            return false
        default: return true
        }
    }
}
