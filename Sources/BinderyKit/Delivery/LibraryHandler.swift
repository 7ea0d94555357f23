import FlyingFox
import Foundation

/// Answers every request of the library server: checks credentials, waits
/// for a slot at the gate, routes, and writes one log line per request.
/// Read-only: GET and HEAD only.
struct LibraryHandler: HTTPHandler {
    let library: Library
    let options: LibraryServer.Options
    let gate: RequestGate
    let log: RequestLog

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        let started = ContinuousClock.now
        let finish: @Sendable (Int, Int64) -> Void = { status, bytes in
            log.record(request, status: status, bytes: bytes, elapsed: ContinuousClock.now - started)
        }
        guard request.method == .GET || request.method == .HEAD else {
            return logged(HTTPResponse(statusCode: .methodNotAllowed, headers: HTTPHeaders([HTTPHeader("Allow"): "GET, HEAD"])), finish)
        }
        if let auth = options.auth, !auth.accepts(request.headers[.authorization]) {
            return logged(HTTPResponse(statusCode: .unauthorized, headers: HTTPHeaders([HTTPHeader("WWW-Authenticate"): BasicAuth.challenge]),
                                       body: Data("Authentication required.\n".utf8)), finish)
        }
        guard let permit = await gate.enter(timeout: options.queueTimeout) else {
            return logged(HTTPResponse(statusCode: .serviceUnavailable, headers: HTTPHeaders([HTTPHeader("Retry-After"): "5"]),
                                       body: Data("Busy: too many downloads at once. Try again shortly.\n".utf8)), finish)
        }
        let query = LibraryRoute.formQuery(request.target.query())
        guard let route = LibraryRoute(rawPath: request.target.path(), query: query) else {
            return logged(Self.notFound(), finish)
        }
        let snapshot = library.current()
        switch route {
        case .book(let id, let fileName):
            guard let book = snapshot.book(id: id), book.fileName == fileName else { return logged(Self.notFound(), finish) }
            return BookResponse.file(book, request: request, permit: permit, finish: finish)
        case .cover(let id, let fileExtension), .thumbnail(let id, let fileExtension):
            // No image scaling yet: the thumbnail is the cover itself.
            guard let book = snapshot.book(id: id), let response = BookResponse.cover(book, fileExtension: fileExtension, request: request)
            else { return logged(Self.notFound(), finish) }
            return logged(response, finish)
        default:
            guard let (body, type) = document(route, snapshot, request) else { return logged(Self.notFound(), finish) }
            return logged(Self.data(body, type: type, request: request), finish)
        }
    }

    /// Feeds, the page and the OpenSearch description.
    private func document(_ route: LibraryRoute, _ snapshot: LibrarySnapshot, _ request: HTTPRequest) -> (Data, String)? {
        let feed = OPDSFeed(title: options.title, pageSize: options.pageSize)
        let atom = "application/atom+xml;charset=utf-8"
        switch route {
        case .page(let order, let query, let seriesID, let page):
            let html = LibraryPage(title: options.title, pageSize: options.pageSize)
                .render(snapshot, LibraryPage.Request(order: order, query: query, seriesID: seriesID, page: page))
            return html.map { ($0, "text/html; charset=utf-8") }
        case .opdsRoot:
            return (feed.root(snapshot), atom + ";profile=opds-catalog;kind=navigation")
        case .seriesList:
            return (feed.seriesList(snapshot), atom + ";profile=opds-catalog;kind=navigation")
        case .newest(let page):
            return feed.acquisition(snapshot.newest, path: CatalogPaths.newest, title: "\(options.title) · newest", page: page)
                .map { ($0, atom + ";profile=opds-catalog;kind=acquisition") }
        case .all(let page):
            return feed.acquisition(snapshot.byTitle, path: CatalogPaths.all, title: "\(options.title) · all books", page: page)
                .map { ($0, atom + ";profile=opds-catalog;kind=acquisition") }
        case .series(let id, let page):
            guard let group = snapshot.series.first(where: { $0.id == id }) else { return nil }
            return feed.acquisition(group.books, path: CatalogPaths.series(id), title: group.name, page: page)
                .map { ($0, atom + ";profile=opds-catalog;kind=acquisition") }
        case .search(let query, let page):
            return feed.acquisition(snapshot.search(query), path: CatalogPaths.search, title: "Search: \(query)", page: page, query: query)
                .map { ($0, atom + ";profile=opds-catalog;kind=acquisition") }
        case .openSearch:
            return (OpenSearchDescription.document(title: options.title, origin: Self.origin(of: request)), OpenSearchDescription.mediaType)
        case .book, .cover, .thumbnail:
            return nil
        }
    }

    /// `http://host[:port]` as the client wrote it (for absolute URLs);
    /// a Host header with anything but host-name characters is not echoed.
    static func origin(of request: HTTPRequest) -> String {
        let host = request.headers[.host] ?? ""
        let allowed = !host.isEmpty && host.utf8.allSatisfy { byte in
            PercentEncoding.isUnreserved(byte) || byte == UInt8(ascii: ":") || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "]")
        }
        return "http://" + (allowed ? host : "localhost")
    }

    static func notFound() -> HTTPResponse {
        HTTPResponse(statusCode: .notFound, headers: [.contentType: "text/plain; charset=utf-8"], body: Data("Not found.\n".utf8))
    }

    /// A generated document; HEAD gets the headers alone.
    static func data(_ body: Data, type: String, request: HTTPRequest) -> HTTPResponse {
        var headers: HTTPHeaders = [.contentType: type, .cacheControl: "no-cache"]
        if request.method == .HEAD {
            headers[.contentLength] = String(body.count)
            return HTTPResponse(statusCode: .ok, headers: headers)
        }
        return HTTPResponse(statusCode: .ok, headers: headers, body: body)
    }

    private func logged(_ response: HTTPResponse, _ finish: (Int, Int64) -> Void) -> HTTPResponse {
        // Bytes of body sent: none for HEAD and 304, whatever Content-Length says.
        var length: Int64 = 0
        if case .httpBody(let body) = response.payload, let count = body.count { length = Int64(count) }
        finish(response.statusCode.code, length)
        return response
    }
}
