import Foundation

/// Reads a `BookInfo` out of an EPUB: `META-INF/container.xml` names the
/// package document (OCF 3.3 §4.2.6.3.1), whose `metadata` and `manifest`
/// give title, creators, language, dates and the cover (EPUB 3.3 §5.5,
/// §5.6; the EPUB 2 `<meta name="cover">` too).
public enum PackageMetadataReader {
    /// Limits on what is read out of a book: real package documents are a
    /// few kilobytes, so a larger one is hostile or broken.
    static let containerLimit = 64 << 10
    static let packageLimit = 4 << 20

    /// Thrown when `book` is no EPUB Bindery can list: no zip, no container,
    /// no package document, or no title.
    public struct Failure: Error, CustomStringConvertible {
        public var book: String
        public var reason: String
        public var description: String { "\(book): \(reason)" }
    }

    public static func read(_ book: URL) throws -> BookInfo {
        func fail(_ reason: String) -> Failure { Failure(book: book.path, reason: reason) }
        let zip: ZipReader
        do { zip = try ZipReader(url: book) } catch { throw fail("\(error)") }
        guard let containerData = try zip.read("META-INF/container.xml", limit: containerLimit) else {
            throw fail("not an EPUB: no META-INF/container.xml")
        }
        guard let container = XMLDocumentParser.parse(Array(containerData)).root,
              let packagePath = packageDocumentPath(in: container) else {
            throw fail("META-INF/container.xml names no package document")
        }
        guard let packageData = try zip.read(packagePath, limit: packageLimit),
              let package = XMLDocumentParser.parse(Array(packageData)).root else {
            throw fail("package document \(packagePath) is missing or not XML")
        }
        guard let info = bookInfo(package: package, packagePath: packagePath) else {
            throw fail("package document \(packagePath) has no title")
        }
        return info
    }

    /// The first `rootfile` of the OPF media type.
    static func packageDocumentPath(in container: XMLElementNode) -> String? {
        for rootfile in container.descendants(where: { $0.name == "rootfile" }) {
            let type = rootfile.attribute("media-type")
            if type == nil || type == "application/oebps-package+xml", let path = rootfile.attribute("full-path"), !path.isEmpty {
                return path
            }
        }
        return nil
    }

    static func bookInfo(package: XMLElementNode, packagePath: String) -> BookInfo? {
        guard let metadata = package.elements.first(where: { $0.name == "metadata" }) else { return nil }
        let fields = metadata.elements
        func texts(_ name: String) -> [String] {
            fields.filter { $0.name == name }.map { collapsed($0.text) }.filter { !$0.isEmpty }
        }
        guard let title = texts("title").first else { return nil }
        var info = BookInfo(title: title, authors: texts("creator"))
        info.language = texts("language").first
        info.summary = texts("description").first
        info.published = texts("date").first
        let uniqueID = package.attribute("unique-identifier")
        info.identifier = fields.first { $0.name == "identifier" && $0.attribute("id") == uniqueID }
            .map { collapsed($0.text) } ?? texts("identifier").first
        for meta in fields where meta.name == "meta" {
            let text = collapsed(meta.text)
            switch (meta.attribute("property"), meta.attribute("name")) {
            case ("dcterms:modified"?, _):
                info.modified = WrittenDateParser.parse(text)?.instant(zonelessTimeZone: TimeZone(secondsFromGMT: 0)!)
            case ("belongs-to-collection"?, _) where info.series == nil && !text.isEmpty: info.series = text
            case (_, "calibre:series"?) where info.series == nil: info.series = meta.attribute("content")
            default: break
            }
        }
        info.cover = cover(package: package, metadata: fields, packagePath: packagePath)
        return info
    }

    /// The manifest item with the `cover-image` property (EPUB 3), else the
    /// one `<meta name="cover" content="ID">` points at (EPUB 2).
    static func cover(package: XMLElementNode, metadata: [XMLElementNode], packagePath: String) -> BookInfo.CoverEntry? {
        guard let manifest = package.elements.first(where: { $0.name == "manifest" }) else { return nil }
        let items = manifest.elements.filter { $0.name == "item" }
        let legacyID = metadata.first { $0.name == "meta" && $0.attribute("name") == "cover" }?.attribute("content")
        let item = items.first { ($0.attribute("properties") ?? "").split(separator: " ").contains("cover-image") }
            ?? items.first { legacyID != nil && $0.attribute("id") == legacyID }
        guard let item, let href = item.attribute("href"), let path = resolve(href, against: packagePath) else { return nil }
        return BookInfo.CoverEntry(path: path, mediaType: item.attribute("media-type") ?? "")
    }

    /// A manifest `href` as a container path: relative to the package
    /// document's folder, percent-decoded, `.`/`..` resolved; `nil` when it
    /// leaves the container or is a URL.
    static func resolve(_ href: String, against packagePath: String) -> String? {
        guard !href.contains(":"), !href.hasPrefix("/"), let decoded = href.removingPercentEncoding else { return nil }
        var parts = packagePath.split(separator: "/").dropLast().map(String.init)
        for part in decoded.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(String(part))
            }
        }
        return parts.isEmpty ? nil : parts.joined(separator: "/")
    }

    private static func collapsed(_ text: String) -> String { HTMLWhitespace.collapsedAndTrimmed(text) }
}

extension BookInfo {
    init(title: String, authors: [String]) {
        self.init(title: title, authors: authors, language: nil, identifier: nil, summary: nil,
                  published: nil, modified: nil, series: nil, cover: nil)
    }
}
