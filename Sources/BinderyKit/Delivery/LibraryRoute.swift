import Foundation

/// What a request asks for, matched against the fixed shapes of
/// `CatalogPaths`. Anything else — and any path with `..` or `.` segments,
/// encoded slashes or backslashes, or a NUL — matches nothing (404): no
/// part of a request ever becomes a file path.
enum LibraryRoute: Equatable {
    case page(order: LibraryPage.Order, query: String?, seriesID: String?, page: Int)
    case opdsRoot
    case newest(page: Int)
    case all(page: Int)
    case seriesList
    case series(id: String, page: Int)
    case search(query: String, page: Int)
    case openSearch
    case book(id: String, fileName: String)
    case cover(id: String, fileExtension: String)
    case thumbnail(id: String, fileExtension: String)

    /// `rawPath`: the request target's path, still percent-encoded.
    init?(rawPath: String, query: [(name: String, value: String)]) {
        guard let segments = Self.segments(rawPath) else { return nil }
        // Files have one name each: `/books/ID/name.epub/` is not it.
        if rawPath.hasSuffix("/"), ["books", "covers", "thumbnails"].contains(segments.first ?? "") { return nil }
        func value(_ name: String) -> String? { query.first { $0.name == name }?.value }
        guard let page = Self.pageNumber(value("page")) else { return nil }
        switch segments.count {
        case 0:
            self = .page(order: value("sort") == "title" ? .title : .newest, query: value("q"), seriesID: value("series"), page: page)
        case 1 where segments[0] == "opds": self = .opdsRoot
        case 1 where segments[0] == "opensearch.xml": self = .openSearch
        case 2 where segments[0] == "opds":
            switch segments[1] {
            case "new": self = .newest(page: page)
            case "all": self = .all(page: page)
            case "series": self = .seriesList
            case "search": self = .search(query: value("q") ?? "", page: page)
            default: return nil
            }
        case 3 where segments[0] == "opds" && segments[1] == "series" && Self.isID(segments[2]):
            self = .series(id: segments[2], page: page)
        case 3 where segments[0] == "books" && Self.isID(segments[1]):
            self = .book(id: segments[1], fileName: segments[2])
        case 2 where segments[0] == "covers" || segments[0] == "thumbnails":
            let name = segments[1].split(separator: ".", omittingEmptySubsequences: false)
            guard name.count == 2, Self.isID(String(name[0])), name[1] == "jpg" || name[1] == "png" else { return nil }
            self = segments[0] == "covers" ? .cover(id: String(name[0]), fileExtension: String(name[1]))
                : .thumbnail(id: String(name[0]), fileExtension: String(name[1]))
        default:
            return nil
        }
    }

    /// `name=value&…` as HTML forms send it (`application/x-www-form-urlencoded`:
    /// `+` is a space), decoded; pairs that do not decode are dropped.
    static func formQuery(_ raw: String) -> [(name: String, value: String)] {
        raw.split(separator: "&").compactMap { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ text: Substring) -> String? { text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding }
            guard let name = decode(parts[0]), let value = decode(parts.count > 1 ? parts[1] : "") else { return nil }
            return (name, value)
        }
    }

    /// The decoded path segments; `nil` for anything suspicious.
    static func segments(_ rawPath: String) -> [String]? {
        guard rawPath.hasPrefix("/"), !rawPath.contains("\\") else { return nil }
        var segments: [String] = []
        for raw in rawPath.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
            let lower = raw.lowercased()
            guard !lower.contains("%2f"), !lower.contains("%5c"), !lower.contains("%00"),
                  let decoded = raw.removingPercentEncoding, decoded != ".", decoded != "..",
                  !decoded.contains("/"), !decoded.contains("\0") else { return nil }
            segments.append(decoded)
        }
        if segments.last == "" { segments.removeLast() } // "/" and "/opds/"
        guard !segments.contains("") else { return nil }
        return segments
    }

    private static func pageNumber(_ text: String?) -> Int? {
        guard let text else { return 1 }
        guard let number = Int(text), number >= 1, number <= 1_000_000 else { return nil }
        return number
    }

    private static func isID(_ text: String) -> Bool {
        text.utf8.count == 16 && text.utf8.allSatisfy { ($0 >= 48 && $0 <= 57) || ($0 >= 97 && $0 <= 102) }
    }
}
