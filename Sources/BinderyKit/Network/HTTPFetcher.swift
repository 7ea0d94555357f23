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
/// `download` blocks its caller; callers bound their own concurrency.
final class HTTPFetcher: NSObject, URLSessionDataDelegate, @unchecked Sendable {
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
    private var session: URLSession?
    private let lock = NSLock()
    private var transfers: [Int: Transfer] = [:]

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

    /// One request in flight: what the delegate callbacks have learnt so far.
    private final class Transfer {
        let maxBytes: Int
        /// Any final status is an answer (`send`); else only 2xx (`download`).
        let acceptsAnyStatus: Bool
        var data = Data()
        var redirects: [(status: Int, to: URL)] = []
        var contentType: String?
        var status = 0
        var headers: [String: String] = [:]
        var finalURL: URL?
        var failure: FetchFailure?
        let finished = DispatchSemaphore(value: 0)
        init(maxBytes: Int, acceptsAnyStatus: Bool) {
            self.maxBytes = maxBytes
            self.acceptsAnyStatus = acceptsAnyStatus
        }
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
        super.init()
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpMaximumConnectionsPerHost = max(1, settings.maxConnections)
        configuration.timeoutIntervalForRequest = settings.timeout
        configuration.timeoutIntervalForResource = settings.timeout * 6
        configuration.urlCache = nil
        configuration.httpCookieStorage = nil
        let queue = OperationQueue()
        queue.maxConcurrentOperationCount = 1
        session = URLSession(configuration: configuration, delegate: self, delegateQueue: queue)
    }

    /// Ends the session; the session holds its delegate strongly until then.
    func invalidate() {
        lock.lock()
        let current = session
        session = nil
        lock.unlock()
        current?.invalidateAndCancel()
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

    private func perform(_ url: URL, headers: [String: String], maxBytes: Int, acceptsAnyStatus: Bool) -> Result<Transfer, FetchFailure> {
        guard Self.isFetchable(url) else { return .failure(.unsupportedScheme(url.scheme ?? "")) }
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: settings.timeout)
        request.setValue(settings.userAgent, forHTTPHeaderField: "User-Agent")
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }

        lock.lock()
        guard let session else {
            lock.unlock()
            return .failure(.transport("downloads are closed"))
        }
        let task = session.dataTask(with: request)
        let transfer = Transfer(maxBytes: maxBytes, acceptsAnyStatus: acceptsAnyStatus)
        transfers[task.taskIdentifier] = transfer
        lock.unlock()

        task.resume()
        if transfer.finished.wait(timeout: .now() + settings.timeout * 6) == .timedOut {
            fail(task, .timedOut)
            task.cancel()
            // Cancellation completes the task promptly; do not hang if it does not.
            _ = transfer.finished.wait(timeout: .now() + 5)
        }
        lock.lock()
        transfers[task.taskIdentifier] = nil
        let outcome: Result<Transfer, FetchFailure> = transfer.failure.map { .failure($0) } ?? .success(transfer)
        lock.unlock()
        return outcome
    }

    private func transfer(for task: URLSessionTask) -> Transfer? {
        lock.lock()
        defer { lock.unlock() }
        return transfers[task.taskIdentifier]
    }

    /// Records the first failure of a transfer (later ones are consequences).
    private func fail(_ task: URLSessionTask, _ failure: FetchFailure) {
        lock.lock()
        if let transfer = transfers[task.taskIdentifier], transfer.failure == nil { transfer.failure = failure }
        lock.unlock()
    }

    // MARK: - URLSessionDataDelegate

    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void) {
        guard let transfer = transfer(for: task) else { return completionHandler(nil) }
        lock.lock()
        if let target = request.url { transfer.redirects.append((response.statusCode, target)) }
        let count = transfer.redirects.count + (request.url == nil ? 1 : 0)
        lock.unlock()
        // The raw Location is checked too: corelibs-foundation reads a
        // host-less `file:///…` as a relative path on the same server, which
        // would hide what the server asked for.
        let location = response.value(forHTTPHeaderField: "Location") ?? ""
        guard let target = request.url, Self.isFetchable(target), Self.hasFetchableScheme(location) else {
            fail(task, .redirectRefused(to: location.isEmpty ? request.url?.absoluteString ?? "an invalid URL" : location))
            // Declining makes the 3xx the final response, which ends the task.
            return completionHandler(nil)
        }
        guard count <= settings.maxRedirects else {
            fail(task, .tooManyRedirects(limit: settings.maxRedirects))
            return completionHandler(nil)
        }
        completionHandler(request)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                    completionHandler: @escaping (URLSession.ResponseDisposition) -> Void) {
        guard let transfer = transfer(for: dataTask) else { return completionHandler(.cancel) }
        let http = response as? HTTPURLResponse
        lock.lock()
        transfer.contentType = http?.value(forHTTPHeaderField: "Content-Type")
        transfer.status = http?.statusCode ?? 0
        transfer.finalURL = response.url
        for (name, value) in http?.allHeaderFields ?? [:] {
            if let name = name as? String, let value = value as? String { transfer.headers[name.lowercased()] = value }
        }
        lock.unlock()
        // A 3xx that reaches here was not followed (no usable Location);
        // 304 Not Modified is an answer.
        let isAnswer = transfer.acceptsAnyStatus && (transfer.status == 304 || !(300...399).contains(transfer.status))
        if let status = http?.statusCode, !(200...299).contains(status), !isAnswer {
            fail(dataTask, (300...399).contains(status) ? .redirectRefused(to: http?.value(forHTTPHeaderField: "Location") ?? "nowhere") : .httpStatus(status))
            return completionHandler(.cancel)
        }
        // Refuse early when the server announces an oversize body.
        if response.expectedContentLength > Int64(transfer.maxBytes) {
            fail(dataTask, .tooLarge(limit: transfer.maxBytes))
            return completionHandler(.cancel)
        }
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        guard let transfer = transfer(for: dataTask) else { return }
        lock.lock()
        let alreadyFailed = transfer.failure != nil
        if !alreadyFailed { transfer.data.append(data) }
        let tooLarge = transfer.data.count > transfer.maxBytes
        if tooLarge {
            if transfer.failure == nil { transfer.failure = .tooLarge(limit: transfer.maxBytes) }
            transfer.data = Data()
        }
        lock.unlock()
        if tooLarge { dataTask.cancel() }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
        guard let transfer = transfer(for: task) else { return }
        if let error {
            let failure: FetchFailure
            if let urlError = error as? URLError {
                switch urlError.code {
                case .timedOut: failure = .timedOut
                case .unsupportedURL: failure = .unsupportedScheme(task.currentRequest?.url?.scheme ?? "")
                case .httpTooManyRedirects: failure = .tooManyRedirects(limit: settings.maxRedirects)
                case .cannotFindHost, .dnsLookupFailed, .cannotConnectToHost:
                    failure = .hostUnreachable(urlError.localizedDescription)
                default: failure = .transport(urlError.localizedDescription)
                }
            } else {
                failure = .transport(error.localizedDescription)
            }
            fail(task, failure)
        }
        transfer.finished.signal()
    }
}
