import Foundation
import XCTest
@testable import BinderyKit

/// Books for the library tests: the Samples digest bound by Bindery itself,
/// and small hand-made EPUBs whose metadata and cover each test chooses.
enum DeliveryFixtures {
    /// A 1×1 baseline JPEG.
    static let jpeg = Data(base64Encoded: "/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=")!

    /// The Samples archive as `bindery epub` binds it (PNG cover).
    static func samplesBook(at url: URL) throws {
        let (digest, metadata) = ExportSamplesFixture.digest()
        let export = EPUBExport(digest: digest, metadata: metadata, stylesheet: DefaultStylesheet.css,
                                assets: AssetOptions(offline: true), makesCover: true)
        _ = try export.write(to: url, log: DiagnosticLog())
    }

    struct Book {
        var title: String
        var authors: [String] = ["news.example.com"]
        var language = "en"
        var series: String?
        var modified = "2024-01-21T08:00:00Z"
        var summary: String?
        var cover: (data: Data, type: ImageType)?
        /// Where the cover is declared: EPUB 3 `properties` or EPUB 2 `<meta name="cover">`.
        var legacyCover = false
        /// Bytes of a stored filler entry, to make a large book.
        var padding = 0
    }

    /// A minimal EPUB 3 container with `book`'s package metadata.
    static func write(_ book: Book, to url: URL) throws {
        var metadata: [Node] = [
            XMLTree.element("dc:identifier", [("id", "id")], text: "urn:uuid:" + UUID().uuidString.lowercased()),
            XMLTree.element("dc:title", text: book.title),
            XMLTree.element("dc:language", text: book.language),
            XMLTree.element("meta", [("property", "dcterms:modified")], text: book.modified),
        ]
        metadata += book.authors.map { XMLTree.element("dc:creator", text: $0) }
        if let summary = book.summary { metadata.append(XMLTree.element("dc:description", text: summary)) }
        if let series = book.series { metadata.append(XMLTree.element("meta", [("property", "belongs-to-collection")], text: series)) }
        var manifest = [XMLTree.element("item", [("id", "page"), ("href", "text/page.xhtml"), ("media-type", "application/xhtml+xml")])]
        if let cover = book.cover {
            var attributes = [("id", "cover"), ("href", "images/cover%20image.\(cover.type.fileExtension)"), ("media-type", cover.type.mediaType)]
            if book.legacyCover {
                metadata.append(XMLTree.element("meta", [("name", "cover"), ("content", "cover")]))
            } else {
                attributes.append(("properties", "cover-image"))
            }
            manifest.append(XMLTree.element("item", attributes))
        }
        let package = XMLTree.document(XMLTree.element("package", [
            ("xmlns", "http://www.idpf.org/2007/opf"), ("version", "3.0"), ("unique-identifier", "id"),
        ], [
            XMLTree.element("metadata", [("xmlns:dc", "http://purl.org/dc/elements/1.1/")], metadata),
            XMLTree.element("manifest", [], manifest),
            XMLTree.element("spine", [], [XMLTree.element("itemref", [("idref", "page")])]),
        ]))
        let container = XMLTree.document(XMLTree.element("container", [
            ("xmlns", "urn:oasis:names:tc:opendocument:xmlns:container"), ("version", "1.0"),
        ], [XMLTree.element("rootfiles", [], [
            XMLTree.element("rootfile", [("full-path", "OEBPS/content.opf"), ("media-type", "application/oebps-package+xml")]),
        ])]))
        let zip = try ZipWriter(url: url)
        try zip.add(path: "mimetype", data: Data("application/epub+zip".utf8), method: .store)
        try zip.add(path: "META-INF/container.xml", data: container, method: .deflate)
        try zip.add(path: "OEBPS/content.opf", data: package, method: .deflate)
        try zip.add(path: "OEBPS/text/page.xhtml", data: Data("<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>t</title></head><body><p>\(book.title)</p></body></html>".utf8), method: .deflate)
        if let cover = book.cover {
            try zip.add(path: "OEBPS/images/cover image.\(cover.type.fileExtension)", data: cover.data, method: .store)
        }
        if book.padding > 0 {
            try zip.add(path: "OEBPS/filler.bin", data: Data(repeating: 0x5A, count: book.padding), method: .store)
        }
        try zip.close()
    }
}
