import XCTest
@testable import BinderyKit
import HTTPTestServer

/// Pictures as the web serves them, from a loopback server, bound for an
/// e-reader: a WebP, an AVIF, a CMYK JPEG, a 4000×3000 JPEG, a PNG with
/// alpha, an animated GIF, a tracking pixel and a damaged file. The book
/// keeps every picture but the pixel and the damaged one, all JPEG, PNG or
/// GIF, none larger than the device's screen, RGB or (grey) one channel.
final class ExportPicturesTests: XCTestCase {
    private var folder: TestFolder!
    private var server: LocalHTTPServer!

    private static let pictures: [(path: String, caption: String)] = [
        ("/p/photo.webp", "A WebP photo"), ("/p/photo.avif", "An AVIF photo"), ("/p/print.jpg", "A CMYK JPEG"),
        ("/p/large.jpg", "A 4000 by 3000 JPEG"), ("/p/logo.png", "A PNG with transparency"),
        ("/p/anim.gif", "An animated GIF"), ("/p/pixel.gif", ""), ("/p/broken.jpg", "A damaged picture"),
    ]

    override func setUpWithError() throws {
        folder = try TestFolder()
        let files: [String: (Data, String)] = [
            "/p/photo.webp": (try PictureFixtures.photo(width: 640, height: 480, seed: 2, as: ".webp[Q=80]"), "image/webp"),
            "/p/photo.avif": (try PictureFixtures.photo(width: 320, height: 240, seed: 3, as: ".avif"), "image/avif"),
            "/p/print.jpg": (try PictureFixtures.cmykJPEG(width: 600, height: 400), "image/jpeg"),
            "/p/large.jpg": (try PictureFixtures.blocks(width: 4000, height: 3000, as: ".jpg[Q=90]"), "image/jpeg"),
            "/p/logo.png": (try PictureFixtures.pngWithAlpha(side: 300), "image/png"),
            "/p/anim.gif": (try PictureFixtures.animatedGIF(side: 96, frames: 3), "image/gif"),
            "/p/pixel.gif": (try PictureFixtures.photo(width: 1, height: 1, as: ".gif"), "image/gif"),
            "/p/broken.jpg": (try PictureFixtures.truncatedJPEG(), "image/jpeg"),
        ]
        server = try LocalHTTPServer { path, _ in
            guard let (body, type) = files[path] else { return .status(404) }
            return .ok(body, type: type)
        }
    }

    override func tearDownWithError() throws {
        server?.stop()
        folder = nil
    }

    private func archive() throws -> URL {
        let archive = folder.file("archive")
        try FileManager.default.createDirectory(at: archive, withIntermediateDirectories: true)
        for (index, half) in [Self.pictures.prefix(4), Self.pictures.suffix(4)].enumerated() {
            var body = "<div><i>Fri, 19 Jan 2024 0\(index + 1):00:00 GMT</i></div><p>Pictures of every kind.</p>"
            for picture in half {
                body += picture.caption.isEmpty ? "<p>Tracked<img src=\"\(server.base)\(picture.path)\" width=\"1\" height=\"1\"></p>"
                    : "<figure><img src=\"\(server.base)\(picture.path)\"><figcaption>\(picture.caption)</figcaption></figure>"
            }
            let text = "<!--\(1_705_626_000_000 + index * 3_600_000)-->\n[Pictures \(index + 1)](https://news.example.com/\(index).html)\n------\n\n\(body)\n"
            try Data(text.utf8).write(to: archive.appendingPathComponent("00\(index).txt"))
        }
        return archive
    }

    private func export(_ archive: URL, to book: URL, pictures: PictureSettings, offline: Bool = false)
        throws -> (EPUBExport.Result, [Diagnostic]) {
        let scan = ArchiveReader().scan([archive])
        let digest = DigestBuilder(options: SelectionOptions(timeZone: TimeZone(identifier: "UTC")!)).build(scan.articles)
        let metadata = BookMetadata.make(for: digest, clock: BuildClock(now: Date(timeIntervalSince1970: 1_706_745_600)))
        let options = AssetOptions(offline: offline, cacheDirectory: folder.file("cache"), requestTimeout: 5, pictures: pictures)
        let log = DiagnosticLog()
        let result = try EPUBExport(digest: digest, metadata: metadata, assets: options).write(to: book, log: log)
        return (result, log.all)
    }

    /// The book's pictures other than the cover, by name.
    private func articlePictures(_ book: URL) throws -> [String: Data] {
        let zip = try ZipInspection(book)
        let opf = try zip.text(of: "EPUB/package.opf")
        var pictures: [String: Data] = [:]
        for name in zip.names where name.hasPrefix("EPUB/images/") {
            let file = String(name.dropFirst("EPUB/images/".count))
            let isCover = opf.contains("href=\"images/\(file)\" media-type=\"image/jpeg\" properties=\"cover-image\"")
            if !isCover { pictures[file] = try zip.contents(of: name) }
        }
        return pictures
    }

    func testGreyBookHasEveryPictureButPixelAndDamagedOneFittedAndSingleChannel() throws {
        let archive = try archive()
        let book = folder.file("kindle.epub")
        let (result, warnings) = try export(archive, to: book, pictures: PictureSettings(device: .kindle))

        let pictures = try articlePictures(book)
        XCTAssertEqual(pictures.count, 6, "all but the tracking pixel and the damaged file: \(pictures.keys.sorted())")
        XCTAssertEqual(result.summary.imageCount, 6)
        XCTAssertEqual(result.missingImages, 1, "only the damaged picture is missing; the pixel is dropped silently")
        for (name, data) in pictures {
            let type = ImageType.sniff(data)
            XCTAssertTrue(type == .jpeg || type == .png, "\(name) is \(String(describing: type))")
            let size = try XCTUnwrap(ImageDimensions.read(data), name)
            XCTAssertLessThanOrEqual(size.width, 1072, name)
            XCTAssertLessThanOrEqual(size.height, 1448, name)
            XCTAssertEqual(PictureFixtures.channels(data), 1, "\(name) must be grey")
        }
        XCTAssertTrue(pictures.values.contains { ImageDimensions.read($0) == ImageDimensions(width: 1072, height: 804) },
                      "the 4000×3000 JPEG fills the Kindle's width")

        XCTAssertEqual(warnings.count, 1, "\(warnings)")
        XCTAssertTrue(warnings.first?.message.contains("broken.jpg") ?? false, "\(warnings)")
        XCTAssertTrue(warnings.first?.message.contains("damaged picture") ?? false, "\(warnings)")
        let text = try ZipInspection(book).names.filter { $0.hasPrefix("EPUB/text/a") }
            .map { try ZipInspection(book).text(of: $0) }.joined()
        XCTAssertTrue(text.contains("A damaged picture"), "the damaged picture's caption stays")
        XCTAssertFalse(text.contains("pixel.gif"))
        XCTAssertFalse(text.contains("127.0.0.1"), "no remote reference may remain")

        let check = try EPUBCheck.run(book)
        XCTAssertEqual(check.errors, 0, check.report)
        XCTAssertEqual(check.warnings, 0, check.report)

        // Again, offline, from the cache: no picture work, the same bytes.
        server.stop()
        let again = folder.file("again.epub")
        let (second, _) = try export(archive, to: again, pictures: PictureSettings(device: .kindle), offline: true)
        XCTAssertEqual(second.picturesProcessed, 0, "every picture comes processed from the cache")
        XCTAssertEqual(try Data(contentsOf: book), try Data(contentsOf: again))
    }

    func testColourBookKeepsRGBTransparencyAndASmallAnimation() throws {
        let book = folder.file("colour.epub")
        let (result, _) = try export(try archive(), to: book, pictures: .digestDefault)
        let pictures = try articlePictures(book)
        XCTAssertEqual(pictures.count, 6)
        XCTAssertGreaterThan(result.picturesProcessed, 0)
        var types: [ImageType] = []
        for (name, data) in pictures {
            let type = try XCTUnwrap(ImageType.sniff(data), name)
            types.append(type)
            let size = try XCTUnwrap(ImageDimensions.read(data), name)
            XCTAssertLessThanOrEqual(size.width, 1264, name)
            XCTAssertLessThanOrEqual(size.height, 1680, name)
            switch type {
            case .gif: XCTAssertEqual(data.count, try PictureFixtures.animatedGIF(side: 96, frames: 3).count, "kept as it is")
            case .png: XCTAssertEqual(PictureFixtures.channels(data), 4, "\(name): RGB with its transparency")
            default: XCTAssertEqual(PictureFixtures.channels(data), 3, "\(name): RGB")
            }
        }
        XCTAssertEqual(types.filter { $0 == .jpeg }.count, 4, "WebP, AVIF, CMYK and the large photo become JPEG")
        XCTAssertEqual(types.filter { $0 == .png }.count, 1)
        XCTAssertEqual(types.filter { $0 == .gif }.count, 1)
    }
}
