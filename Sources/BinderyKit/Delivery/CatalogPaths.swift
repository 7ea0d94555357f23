import Foundation

/// Every URL the library server answers, in one place: the catalog's links
/// are built here and the router matches requests against the same shapes.
enum CatalogPaths {
    static let opdsRoot = "/opds"
    static let newest = "/opds/new"
    static let all = "/opds/all"
    static let seriesList = "/opds/series"
    static let seriesPrefix = "/opds/series/"
    static let search = "/opds/search"
    static let openSearch = "/opensearch.xml"
    static let htmlPage = "/"

    static func series(_ id: String) -> String { seriesPrefix + id }
    static func book(_ book: LibraryEntry) -> String { "/books/\(book.id)/" + encodeSegment(book.fileName) }
    static func cover(_ book: LibraryEntry, type: ImageType) -> String { "/covers/\(book.id).\(type.fileExtension)" }
    static func thumbnail(_ book: LibraryEntry, type: ImageType) -> String { "/thumbnails/\(book.id).\(type.fileExtension)" }

    /// `path?name=value&…` with each value percent-encoded; `nil` values left out.
    static func withQuery(_ path: String, _ items: [(String, String?)]) -> String {
        let pairs = items.compactMap { name, value in value.map { name + "=" + encodeQueryValue($0) } }
        return pairs.isEmpty ? path : path + "?" + pairs.joined(separator: "&")
    }

    static func encodeSegment(_ text: String) -> String { PercentEncoding.unreserved(text) }

    static func encodeQueryValue(_ text: String) -> String { encodeSegment(text) }
}
