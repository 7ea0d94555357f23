import Foundation
import XCTest
@testable import BinderyKit

/// The small pure pieces of delivery: request parsing, names, encodings.
final class DeliveryUnitTests: XCTestCase {
    func testByteRanges() {
        XCTAssertEqual(ByteRange(header: nil, size: 100), .whole)
        XCTAssertEqual(ByteRange(header: "bytes=0-9", size: 100), .part(0...9))
        XCTAssertEqual(ByteRange(header: "bytes=90-200", size: 100), .part(90...99))
        XCTAssertEqual(ByteRange(header: "bytes=95-", size: 100), .part(95...99))
        XCTAssertEqual(ByteRange(header: "bytes=-10", size: 100), .part(90...99))
        XCTAssertEqual(ByteRange(header: "bytes=-1000", size: 100), .part(0...99))
        XCTAssertEqual(ByteRange(header: "bytes=100-", size: 100), .unsatisfiable)
        XCTAssertEqual(ByteRange(header: "bytes=-0", size: 100), .unsatisfiable)
        XCTAssertEqual(ByteRange(header: "bytes=99999999999999999999999-", size: 100), .unsatisfiable)
        // Invalid or several ranges: ignored, the whole file is sent.
        XCTAssertEqual(ByteRange(header: "bytes=9-1", size: 100), .whole)
        XCTAssertEqual(ByteRange(header: "bytes=0-1,5-6", size: 100), .whole)
        XCTAssertEqual(ByteRange(header: "items=0-1", size: 100), .whole)
        XCTAssertEqual(ByteRange(header: "bytes=a-b", size: 100), .whole)
    }

    func testRoutesMatchOnlyTheirShapes() {
        func route(_ path: String, _ query: String = "") -> LibraryRoute? {
            LibraryRoute(rawPath: path, query: LibraryRoute.formQuery(query))
        }
        XCTAssertEqual(route("/"), .page(order: .newest, query: nil, seriesID: nil, page: 1))
        XCTAssertEqual(route("/", "q=harbour+news&page=2&sort=title"), .page(order: .title, query: "harbour news", seriesID: nil, page: 2))
        XCTAssertEqual(route("/opds"), .opdsRoot)
        XCTAssertEqual(route("/opds/"), .opdsRoot)
        XCTAssertEqual(route("/opds/new", "page=3"), .newest(page: 3))
        XCTAssertEqual(route("/opds/search", "q=%E6%96%B0%E9%97%BB"), .search(query: "新闻", page: 1))
        XCTAssertEqual(route("/books/0123456789abcdef/%E6%96%B0.epub"), .book(id: "0123456789abcdef", fileName: "新.epub"))
        XCTAssertEqual(route("/covers/0123456789abcdef.png"), .cover(id: "0123456789abcdef", fileExtension: "png"))
        for bad in ["/opds/new/x", "/books/0123456789ABCDEF/a.epub", "/books/0123/a.epub", "/covers/0123456789abcdef.gif",
                    "/books/0123456789abcdef/%2e%2e", "/books/0123456789abcdef/a%2fb", "/books/0123456789abcdef/a%5cb",
                    "/books//0123456789abcdef/a.epub", "opds", "/opds/../opds", "/books/0123456789abcdef/a.epub/"] {
            XCTAssertNil(route(bad), bad)
        }
        XCTAssertNil(route("/opds/new", "page=0"))
        XCTAssertNil(route("/opds/new", "page=x"))
    }

    func testHTTPDates() {
        XCTAssertEqual(HTTPDate.format(Date(timeIntervalSince1970: 784_111_777)), "Sun, 06 Nov 1994 08:49:37 GMT")
        XCTAssertEqual(HTTPDate.parse("Sun, 06 Nov 1994 08:49:37 GMT"), Date(timeIntervalSince1970: 784_111_777))
        XCTAssertEqual(MailMessage.date(Date(timeIntervalSince1970: 784_111_777)), "Sun, 06 Nov 1994 08:49:37 +0000")
    }

    func testMIMEParameters() {
        XCTAssertEqual(MIMEHeaderText.parameter("filename", "book.epub"), ";\r\n filename=\"book.epub\"")
        XCTAssertEqual(MIMEHeaderText.parameter("filename", "a \"b\".epub"), ";\r\n filename=\"a \\\"b\\\".epub\"")
        XCTAssertEqual(MIMEHeaderText.parameter("filename", "新.epub"), ";\r\n filename*=UTF-8''%E6%96%B0.epub")
        let long = MIMEHeaderText.parameter("filename", String(repeating: "新", count: 30) + ".epub")
        let lines = long.components(separatedBy: "\r\n").dropFirst()
        XCTAssertGreaterThan(lines.count, 1)
        for (index, line) in lines.enumerated() {
            XCTAssertTrue(line.hasPrefix(" filename*\(index)*=" + (index == 0 ? "UTF-8''" : "")), line)
            XCTAssertLessThanOrEqual(line.count, 76)
            // No %XX is cut in two.
            XCTAssertFalse(line.hasSuffix("%") || line.dropLast().hasSuffix("%"), line)
        }
        XCTAssertEqual(MIMEHeaderText.unstructured("Weekly digest"), "Weekly digest")
        let subject = MIMEHeaderText.unstructured(String(repeating: "港口新闻", count: 10))
        for line in subject.components(separatedBy: "\r\n") {
            XCTAssertLessThanOrEqual(("Subject: " + line).count, 76)
            XCTAssertTrue(line.trimmingCharacters(in: .whitespaces).hasPrefix("=?UTF-8?B?"))
        }
    }

    func testBase64LinesAreAtMost76Characters() {
        let data = Data((0..<1000).map { UInt8($0 % 251) })
        let text = String(decoding: MailMessage.base64Lines(data), as: UTF8.self)
        let lines = text.components(separatedBy: "\r\n")
        XCTAssertEqual(lines.last, "")
        XCTAssertTrue(lines.dropLast().allSatisfy { $0.count <= 76 && !$0.isEmpty })
        XCTAssertEqual(Data(base64Encoded: lines.joined()), data)
    }

    func testLibraryFileNames() {
        let shanghai = TimeZone(identifier: "Asia/Shanghai")!
        func metadata(_ creator: String, _ first: TimeInterval, _ last: TimeInterval) -> BookMetadata {
            BookMetadata(title: "t", language: "zh", creators: [creator], publisher: nil, identifier: "x",
                         modified: Date(timeIntervalSince1970: 0),
                         dateRange: Date(timeIntervalSince1970: first)...Date(timeIntervalSince1970: last),
                         timeZone: shanghai, grouping: .day)
        }
        // 2024-01-15 (Monday) 08:00 to 2024-01-21 (Sunday) 23:00 in Shanghai: one week.
        XCTAssertEqual(BookDestination.fileName(for: metadata("voachinese.com", 1_705_276_800, 1_705_849_200)), "voachinese.com-2024-W03.epub")
        XCTAssertEqual(BookDestination.fileName(for: metadata("Port Alder / Gazette", 1_705_276_800, 1_706_000_000)),
                       "port-alder-gazette-2024-01-15_2024-01-23.epub")
        XCTAssertEqual(BookDestination.fileName(for: metadata("美国之音", 1_705_276_800, 1_705_276_800)), "美国之音-2024-W03.epub")
        XCTAssertEqual(BookDestination.slug("../.."), "digest")
    }

    func testPackageMetadataReaderFindsCoversAndRejectsNonBooks() throws {
        let folder = try TestFolder()
        try DeliveryFixtures.write(.init(title: "  Spaced\n title ", authors: ["A", "B"], series: "S", summary: "Sum",
                                         cover: (DeliveryFixtures.jpeg, .jpeg), legacyCover: true), to: folder.file("a.epub"))
        let info = try PackageMetadataReader.read(folder.file("a.epub"))
        XCTAssertEqual(info.title, "Spaced title")
        XCTAssertEqual(info.authors, ["A", "B"])
        XCTAssertEqual(info.series, "S")
        XCTAssertEqual(info.summary, "Sum")
        XCTAssertEqual(info.language, "en")
        XCTAssertEqual(info.modified, Date(timeIntervalSince1970: 1_705_824_000))
        XCTAssertEqual(info.cover, BookInfo.CoverEntry(path: "OEBPS/images/cover image.jpg", mediaType: "image/jpeg"))
        XCTAssertEqual(PackageMetadataReader.resolve("../images/c.png", against: "OEBPS/text/content.opf"), "OEBPS/images/c.png")
        XCTAssertNil(PackageMetadataReader.resolve("../../../etc/passwd", against: "OEBPS/content.opf"))
        XCTAssertNil(PackageMetadataReader.resolve("http://example.com/c.png", against: "content.opf"))
        try Data("PK but not a zip".utf8).write(to: folder.file("b.epub"))
        XCTAssertThrowsError(try PackageMetadataReader.read(folder.file("b.epub")))
        let zip = try ZipWriter(url: folder.file("c.epub"))
        try zip.add(path: "mimetype", data: Data("application/epub+zip".utf8), method: .store)
        try zip.close()
        XCTAssertThrowsError(try PackageMetadataReader.read(folder.file("c.epub"))) { error in
            XCTAssertTrue("\(error)".contains("no META-INF/container.xml"), "\(error)")
        }
    }

    func testXMLReaderLoadsNoExternalEntities() {
        let hostile = Data("""
            <?xml version="1.0"?><!DOCTYPE p [<!ENTITY x SYSTEM "file:///etc/passwd">]><package><title>&x;</title></package>
            """.utf8)
        let root = XMLDocumentParser.parse(Array(hostile)).root
        XCTAssertFalse(root?.text.contains("root:") ?? false)
        XCTAssertFalse(XMLDocumentParser.parse(Array("<unclosed>".utf8)).isWellFormed)
    }
}
