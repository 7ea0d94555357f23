import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The URLSessions that `HTTPFetcher`s share: one per connection limit and
/// timeout, kept for the life of the process and never invalidated.
///
/// Tearing a session down is not safe on Linux: FoundationNetworking's
/// `invalidateAndCancel` races the cancellation of the dispatch sources that
/// watch libcurl's sockets and can corrupt the heap (swift-corelibs-foundation
/// #4791 and its family; seen here as an abort in a thread's exit after an
/// export with remote pictures was stopped early). A process needs only a
/// handful of configurations, so they are simply kept.
///
/// The hub is every session's delegate: it routes each callback to the
/// `Transfer` registered for its task.
final class SessionHub: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    /// One request in flight: its limits, and what the callbacks have learnt so far.
    final class Transfer {
        let maxBytes: Int
        let maxRedirects: Int
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
        init(maxBytes: Int, maxRedirects: Int, acceptsAnyStatus: Bool) {
            self.maxBytes = maxBytes
            self.maxRedirects = maxRedirects
            self.acceptsAnyStatus = acceptsAnyStatus
        }
    }

    private struct Key: Hashable {
        var maxConnections: Int
        var timeout: TimeInterval
    }

    private static let hubsLock = NSLock()
    nonisolated(unsafe) private static var hubs: [Key: SessionHub] = [:]

    /// The hub for sessions allowing `maxConnections` per host, with an
    /// inactivity timeout of `timeout` and a whole-request one of `6 × timeout`.
    static func shared(maxConnections: Int, timeout: TimeInterval) -> SessionHub {
        let key = Key(maxConnections: max(1, maxConnections), timeout: timeout)
        hubsLock.lock()
        defer { hubsLock.unlock() }
        if let hub = hubs[key] { return hub }
        let hub = SessionHub(key)
        hubs[key] = hub
        return hub
    }

    private var session: URLSession!
    private let lock = NSLock()
    private var transfers: [Int: Transfer] = [:]

    private init(_ key: Key) {
        super.init()
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpMaximumConnectionsPerHost = key.maxConnections
        configuration.timeoutIntervalForRequest = key.timeout
        configuration.timeoutIntervalForResource = key.timeout * 6
        configuration.urlCache = nil
        configuration.httpCookieStorage = nil
        let queue = OperationQueue()
        queue.maxConcurrentOperationCount = 1
        session = URLSession(configuration: configuration, delegate: self, delegateQueue: queue)
    }

    /// Runs `request` to its end, or cuts it off after `deadline` seconds:
    /// the transfer, or its first failure.
    func run(_ request: URLRequest, _ transfer: Transfer, deadline: TimeInterval) -> Result<Transfer, FetchFailure> {
        lock.lock()
        let task = session.dataTask(with: request)
        transfers[task.taskIdentifier] = transfer
        lock.unlock()

        task.resume()
        if transfer.finished.wait(timeout: .now() + deadline) == .timedOut {
            fail(task, .timedOut)
            task.cancel()
            // Cancellation completes the task promptly; do not hang if it does not.
            _ = transfer.finished.wait(timeout: .now() + 5)
        }
        lock.lock()
        defer { lock.unlock() }
        transfers[task.taskIdentifier] = nil
        return transfer.failure.map { .failure($0) } ?? .success(transfer)
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
        guard let target = request.url, HTTPFetcher.isFetchable(target), HTTPFetcher.hasFetchableScheme(location) else {
            fail(task, .redirectRefused(to: location.isEmpty ? request.url?.absoluteString ?? "an invalid URL" : location))
            // Declining makes the 3xx the final response, which ends the task.
            return completionHandler(nil)
        }
        guard count <= transfer.maxRedirects else {
            fail(task, .tooManyRedirects(limit: transfer.maxRedirects))
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
                case .httpTooManyRedirects: failure = .tooManyRedirects(limit: transfer.maxRedirects)
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
