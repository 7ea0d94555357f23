import FlyingFox
import Foundation

/// Responses that carry a book's bytes: the EPUB file itself (streamed,
/// with ranges and validators) and its cover image.
enum BookResponse {
    /// The EPUB, opened afresh (never following a symbolic link at the last
    /// step) and streamed; `Range`, `If-Range`, `If-None-Match` and
    /// `If-Modified-Since` honoured.
    static func file(_ book: LibraryEntry, request: HTTPRequest, permit: RequestGate.Permit,
                     finish: @escaping @Sendable (Int, Int64) -> Void) -> HTTPResponse {
        let fd = open(book.url.path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        var info = stat()
        guard fd >= 0, fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            if fd >= 0 { close(fd) }
            finish(404, 0)
            return LibraryHandler.notFound()
        }
        let stamp = FileStamp(info)
        var headers = validators(stamp)
        headers[.contentType] = OPDSFeed.epubType
        headers[.acceptRanges] = "bytes"
        headers[.contentDisposition] = contentDisposition(book.fileName)
        if notModified(request, stamp) {
            close(fd)
            finish(304, 0)
            return HTTPResponse(statusCode: .notModified, headers: headers)
        }
        let size = stamp.size
        if size == 0 || request.method == .HEAD && request.headers[.range] == nil {
            close(fd)
            finish(200, 0)
            headers[.contentLength] = String(size)
            return HTTPResponse(statusCode: .ok, headers: headers)
        }
        var status = HTTPStatusCode.ok
        var range: ClosedRange<Int64> = 0...(size - 1)
        if rangeApplies(request, stamp) {
            switch ByteRange(header: request.headers[.range], size: size) {
            case .whole:
                break
            case .part(let part):
                status = .partialContent
                range = part
                headers[.contentRange] = "bytes \(part.lowerBound)-\(part.upperBound)/\(size)"
            case .unsatisfiable:
                close(fd)
                finish(416, 0)
                headers[.contentRange] = "bytes */\(size)"
                return HTTPResponse(statusCode: .rangeNotSatisfiable, headers: headers)
            }
        }
        if request.method == .HEAD {
            close(fd)
            finish(status.code, 0)
            headers[.contentLength] = String(range.count)
            return HTTPResponse(statusCode: status, headers: headers)
        }
        let code = status.code
        let body = FileBody.sequence(fd: fd, range: range, permit: permit) { sent in finish(code, sent) }
        return HTTPResponse(statusCode: status, headers: headers, body: body)
    }

    /// The cover image out of the book, when it really is the JPEG or PNG
    /// the URL names (checked by its bytes).
    static func cover(_ book: LibraryEntry, fileExtension: String, request: HTTPRequest) -> HTTPResponse? {
        guard let entry = book.info.cover, let type = book.coverType, type.fileExtension == fileExtension,
              let zip = try? ZipReader(url: book.url),
              let data = try? zip.read(entry.path, limit: coverLimit), ImageType.sniff(data) == type else { return nil }
        var headers = validators(book.stamp)
        headers[.contentType] = type.mediaType
        if notModified(request, book.stamp) { return HTTPResponse(statusCode: .notModified, headers: headers) }
        return LibraryHandler.data(data, type: type.mediaType, request: request).with(headers: headers)
    }

    /// Covers larger than this are not served (a picture that size is no cover).
    static let coverLimit = 15 << 20

    private static func validators(_ stamp: FileStamp) -> HTTPHeaders {
        [.eTag: stamp.entityTag, .lastModified: HTTPDate.format(stamp.modified), .cacheControl: "no-cache"]
    }

    /// RFC 9110 §13.1.2 (If-None-Match wins) and §13.1.3.
    private static func notModified(_ request: HTTPRequest, _ stamp: FileStamp) -> Bool {
        if let match = request.headers[.ifNoneMatch] {
            return match.split(separator: ",").contains { tag in
                let trimmed = tag.trimmingCharacters(in: .whitespaces)
                return trimmed == "*" || trimmed == stamp.entityTag || trimmed == "W/" + stamp.entityTag
            }
        }
        if let since = request.headers[.ifModifiedSince].flatMap(HTTPDate.parse) {
            return stamp.modified <= since
        }
        return false
    }

    /// A `Range` counts unless `If-Range` names another version (RFC 9110 §13.1.5).
    private static func rangeApplies(_ request: HTTPRequest, _ stamp: FileStamp) -> Bool {
        guard let condition = request.headers[HTTPHeader("If-Range")]?.trimmingCharacters(in: .whitespaces) else { return true }
        if condition.hasPrefix("\"") { return condition == stamp.entityTag }
        return condition == HTTPDate.format(stamp.modified)
    }

    /// RFC 6266: an ASCII fallback name and the exact name in RFC 8187 form.
    static func contentDisposition(_ fileName: String) -> String {
        let fallback = String(fileName.unicodeScalars.map { scalar -> Character in
            scalar.isASCII && scalar.value >= 0x20 && scalar != "\"" && scalar != "\\" ? Character(scalar) : "_"
        })
        return "attachment; filename=\"\(fallback)\"; filename*=UTF-8''" + PercentEncoding.unreserved(fileName)
    }
}

extension HTTPResponse {
    /// The response with `headers` added (existing ones replaced).
    func with(headers extra: HTTPHeaders) -> HTTPResponse {
        var copy = self
        for (name, value) in extra { copy.headers[name] = value }
        return copy
    }
}
