import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Downloads one URL at a time per calling thread, with the limits an
/// unattended export needs: http/https only (redirects included), bounded
/// redirects, a size cap enforced while receiving, an inactivity timeout plus
/// a hard deadline, and one retry after a pause for timeouts and 5xx.
/// Shared by the picture fetcher (`download`: a 2xx body or a failure) and
/// the feed fetcher (`send`: any final status with its headers, for
/// conditional GET, `Retry-After` and remembered redirects).
///
/// Bodies sent with `Content-Encoding: gzip` or `deflate` arrive decoded:
/// FoundationNetworking has libcurl advertise and undo them.
///
/// Built on Foundation's `URLSession` (FoundationNetworking on Linux): it
/// ships with the toolchain, so it costs no dependency and no build time
/// (AsyncHTTPClient would pull swift-nio into the build), and its delegate
/// lets every redirect be inspected and refused
/// (`willPerformHTTPRedirection`), which corelibs-foundation honours.
///
/// Requests go through a `SessionHub` session shared by every fetcher
/// with the same connection limit and timeout, and kept for the process's
/// life (tearing sessions down is what is unsafe; see `SessionHub`).
///
/// `download` blocks its caller; callers bound their own concurrency.
final class HTTPFetcher: Sendable {
    struct Settings: Sendable {
        /// Inactivity timeout per request; the whole request is also cut off
        /// after `6 × timeout`.
        var timeout: TimeInterval
        var maxRedirects: Int
        var userAgent: String
        var retryDelay: TimeInterval
        var maxConnections: Int
    }

    let settings: Settings
    private let hub: SessionHub

    /// What the server finally answered to `send`.
    struct Response: Sendable {
        var status: Int
        /// Header fields, names lower-cased.
        var headers: [String: String]
        var body: Data
        /// The URL that answered, after redirects.
        var url: URL
        /// The redirects followed, in order: their status and target.
        var redirects: [(status: Int, to: URL)]

        func header(_ name: String) -> String? { headers[name.lowercased()] }
    }

    /// What `download` asks for: JPEG and PNG first (every e-reader shows
    /// them; EPUB 3.2 readers lack WebP).
    static let imageAccept = "image/jpeg,image/png,image/gif,image/svg+xml;q=0.9,image/webp;q=0.5,*/*;q=0.1"

    init(settings: Settings) {
        var settings = settings
        // corelibs-foundation truncates timeouts to whole seconds (0.5 → 0,
        // an instant timeout).
        settings.timeout = max(1, settings.timeout.rounded(.up))
        self.settings = settings
        hub = SessionHub.shared(maxConnections: settings.maxConnections, timeout: settings.timeout)
    }

    /// The body at `url`, at most `maxBytes` long, retried once after
    /// `retryDelay` when the failure is transient.
    func download(_ url: URL, maxBytes: Int) -> Result<(data: Data, contentType: String?), FetchFailure> {
        let first = attempt(url, maxBytes: maxBytes)
        if case .failure(let failure) = first, failure.isTransient {
            if settings.retryDelay > 0 { Thread.sleep(forTimeInterval: settings.retryDelay) }
            return attempt(url, maxBytes: maxBytes)
        }
        return first
    }

    /// A reference with no scheme (relative) or an http(s) one.
    static func hasFetchableScheme(_ reference: String) -> Bool {
        guard let colon = reference.firstIndex(of: ":") else { return true }
        let scheme = reference[..<colon]
        guard !scheme.isEmpty, scheme.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }) else { return true }
        let lower = scheme.lowercased()
        return lower == "http" || lower == "https"
    }

    static func isFetchable(_ url: URL) -> Bool {
        let scheme = url.scheme?.lowercased()
        return (scheme == "http" || scheme == "https") && !(url.host ?? "").isEmpty
    }

    /// One request, not retried: the final answer whatever its status
    /// (2xx, 304, 4xx, 5xx), with its headers, or a failure of transport,
    /// size, scheme or redirects. `headers` are sent as given (e.g. `Accept`,
    /// `If-None-Match`); the User-Agent is the settings'.
    func send(_ url: URL, headers: [String: String], maxBytes: Int) -> Result<Response, FetchFailure> {
        perform(url, headers: headers, maxBytes: maxBytes, acceptsAnyStatus: true).map { transfer in
            Response(status: transfer.status, headers: transfer.headers, body: transfer.data,
                     url: transfer.finalURL ?? url, redirects: transfer.redirects)
        }
    }

    private func attempt(_ url: URL, maxBytes: Int) -> Result<(data: Data, contentType: String?), FetchFailure> {
        perform(url, headers: ["Accept": Self.imageAccept], maxBytes: maxBytes, acceptsAnyStatus: false)
            .map { ($0.data, $0.contentType) }
    }

    private func perform(_ url: URL, headers: [String: String], maxBytes: Int, acceptsAnyStatus: Bool) -> Result<SessionHub.Transfer, FetchFailure> {
        guard Self.isFetchable(url) else { return .failure(.unsupportedScheme(url.scheme ?? "")) }
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: settings.timeout)
        request.setValue(settings.userAgent, forHTTPHeaderField: "User-Agent")
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }

        let transfer = SessionHub.Transfer(maxBytes: maxBytes, maxRedirects: settings.maxRedirects,
                                           acceptsAnyStatus: acceptsAnyStatus)
        return hub.run(request, transfer, deadline: settings.timeout * 6)
    }
}
