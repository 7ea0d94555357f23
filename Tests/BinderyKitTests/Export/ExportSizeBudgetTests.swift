import XCTest
@testable import BinderyKit

/// `--max-size`: a book over the budget gets smaller pictures, and when that
/// is not enough it is split into volumes, each within the budget, each a
/// valid book of its own, no article lost.
final class ExportSizeBudgetTests: XCTestCase {
    private var folder: TestFolder!

    override func setUpWithError() throws {
        folder = try TestFolder()
    }

    override func tearDownWithError() throws {
        folder = nil
    }

    static let articleCount = 12

    /// Twelve articles over six days, each with its own noisy photo (noise
    /// keeps JPEGs large, as real photos are; the pictures outweigh the cover).
    private func digest() throws -> (Digest, BookMetadata) {
        let archive = folder.file("archive")
        guard !FileManager.default.fileExists(atPath: archive.path) else { return Self.load(archive) }
        try FileManager.default.createDirectory(at: archive.appendingPathComponent("images"), withIntermediateDirectories: true)
        for index in 0..<Self.articleCount {
            let photo = try PictureFixtures.noisyPhoto(width: 1000, height: 750, seed: UInt32(index + 11), as: ".jpg[Q=92]")
            try photo.write(to: archive.appendingPathComponent("images/\(index).jpg"))
            let epoch = 1_705_300_000_000 + (index / 2) * 86_400_000 + index * 60_000
            let text = "<!--\(epoch)-->\n[Story \(index + 1)](https://news.example.com/\(index).html)\n------\n\n"
                + "<p>Story \(index + 1) begins.</p><img src=\"images/\(index).jpg\" alt=\"Photo \(index + 1)\"><p>Story \(index + 1) ends.</p>\n"
            try Data(text.utf8).write(to: archive.appendingPathComponent(String(format: "%02d.txt", index)))
        }
        return Self.load(archive)
    }

    private static func load(_ archive: URL) -> (Digest, BookMetadata) {
        let digest = DigestBuilder(options: SelectionOptions(timeZone: TimeZone(identifier: "UTC")!))
            .build(ArchiveReader().scan([archive]).articles)
        return (digest, BookMetadata.make(for: digest, clock: BuildClock(now: Date(timeIntervalSince1970: 1_706_745_600))))
    }

    private func export(maxBytes: Int?, pictures: PictureSettings = .digestDefault, to book: URL) throws -> EPUBExport.Result {
        let (digest, metadata) = try digest()
        let options = AssetOptions(offline: true, cacheDirectory: folder.file("cache"), pictures: pictures)
        return try EPUBExport(digest: digest, metadata: metadata, assets: options, maxBytes: maxBytes).write(to: book, log: DiagnosticLog())
    }

    func testSmallerPicturesFirstThenVolumesEachWithinBudgetAndValid() throws {
        let natural = try export(maxBytes: nil, to: folder.file("natural.epub")).summary.byteCount
        let last = try XCTUnwrap(EPUBVolumes.steps.last)
        let smallest = try export(maxBytes: nil, pictures: PictureSettings.digestDefault.reduced(scale: last.scale, quality: last.quality),
                                  to: folder.file("smallest.epub")).summary.byteCount
        XCTAssertLessThan(smallest, natural * 3 / 4, "the fixture's pictures must outweigh the rest")

        // A budget that smaller pictures alone can meet: one book, no split.
        let reducedBudget = (natural + smallest) / 2
        let reduced = try export(maxBytes: reducedBudget, to: folder.file("reduced.epub"))
        XCTAssertTrue(reduced.volumes.isEmpty)
        XCTAssertLessThanOrEqual(reduced.summary.byteCount, reducedBudget)
        XCTAssertTrue(reduced.sizeReport?.contains("pictures reduced") ?? false, reduced.sizeReport ?? "no report")

        // A budget no picture quality can meet: volumes.
        let budget = smallest * 3 / 4
        let book = folder.file("week.epub")
        let result = try export(maxBytes: budget, to: book)
        XCTAssertGreaterThanOrEqual(result.volumes.count, 2, result.sizeReport ?? "")
        XCTAssertTrue(result.sizeReport?.contains("split into \(result.volumes.count) volumes") ?? false, result.sizeReport ?? "")
        XCTAssertFalse(FileManager.default.fileExists(atPath: book.path), "a split book is written only as volumes")
        XCTAssertEqual(folder.contents.filter { $0.hasPrefix(".") }, [], "no trial file is left behind")
        XCTAssertLessThanOrEqual(result.volumes.count, 3, "no needless volumes")

        var titles: [String] = []
        var identifiers = Set<String>()
        var bookTitles = Set<String>()
        for (index, volume) in result.volumes.enumerated() {
            XCTAssertEqual(volume.destination.lastPathComponent, "week (\(index + 1) of \(result.volumes.count)).epub")
            let size = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: volume.destination.path)[.size] as? Int)
            XCTAssertLessThanOrEqual(size, budget, volume.destination.lastPathComponent)
            let zip = try ZipInspection(volume.destination)
            let opf = try zip.text(of: "EPUB/package.opf")
            XCTAssertTrue(opf.contains("properties=\"cover-image\""), "each volume has a cover")
            identifiers.insert(try XCTUnwrap(opf.range(of: "urn:uuid:[0-9a-f-]+", options: .regularExpression).map { String(opf[$0]) }))
            bookTitles.insert(try XCTUnwrap(opf.range(of: "<dc:title>[^<]+", options: .regularExpression).map { String(opf[$0]) }))
            XCTAssertTrue(opf.contains("(\(index + 1) of \(result.volumes.count))</dc:title>"), opf)
            for name in zip.names where name.hasPrefix("EPUB/text/a") {
                let page = try zip.text(of: name)
                if let range = page.range(of: "Story [0-9]+ begins", options: .regularExpression) { titles.append(String(page[range])) }
            }
            let check = try EPUBCheck.run(volume.destination)
            XCTAssertEqual(check.errors, 0, check.report)
            XCTAssertEqual(check.warnings, 0, check.report)
        }
        XCTAssertEqual(identifiers.count, result.volumes.count, "each volume has its own identifier")
        XCTAssertEqual(bookTitles.count, result.volumes.count, "each volume has its own title")
        XCTAssertEqual(titles, (1...Self.articleCount).map { "Story \($0) begins" }, "every article, once, in order")
    }

    func testVolumePlanCutsBetweenChaptersAndHalvesASingleChapter() {
        let articles = (0..<4).map { index in
            Article(origin: SourceFile(url: URL(fileURLWithPath: "/a/\(index)"), root: URL(fileURLWithPath: "/a"), displayName: "\(index)"),
                    title: "A\(index)", url: nil, instant: nil)
        }
        let digest = Digest(chapters: [Chapter(key: "d1", start: nil, articles: Array(articles[0..<2])),
                                       Chapter(key: "d2", start: nil, articles: Array(articles[2..<4]))],
                            options: SelectionOptions())
        var sizes = BookSizes(chapterCount: 2)
        sizes.articleBytes = [[400, 400], [300, 300]]
        sizes.total = 1_500
        let parts = VolumePlan.initial(digest: digest, sizes: sizes, maxBytes: 1_200)
        XCTAssertEqual(parts.map { $0.digest.chapters.map(\.key) }, [["d1"], ["d2"]])

        // A fixed part (a large cover) heavier than the budget: still two
        // volumes planned, not one per article.
        sizes.total = 1_400 + 5_000
        XCTAssertEqual(VolumePlan.initial(digest: digest, sizes: sizes, maxBytes: 4_000).count, 2)

        let one = Digest(chapters: [digest.chapters[0]], options: SelectionOptions())
        var oneSizes = BookSizes(chapterCount: 1)
        oneSizes.articleBytes = [[400, 400]]
        let halves = VolumePlan.halve(VolumePlan.Part(digest: one), sizes: oneSizes)
        XCTAssertEqual(halves?.0.digest.articles.map(\.title), ["A0"])
        XCTAssertEqual(halves?.1.digest.articles.map(\.title), ["A1"])
        let single = Digest(chapters: [Chapter(key: "d", start: nil, articles: [articles[0]])], options: SelectionOptions())
        XCTAssertNil(VolumePlan.halve(VolumePlan.Part(digest: single), sizes: oneSizes), "one article cannot be cut")
    }

    func testCoverShowsTheTitleAndVolumesTheirOwnDays() throws {
        let (digest, metadata) = try digest()
        // The default title says what and when ("News digest · 2024-W03 · 15–20
        // January"): the cover shows it whole, and each volume its own days below.
        XCTAssertEqual(metadata.title, "News digest · 2024-W03 · 15–20 January")
        XCTAssertEqual(CoverContent.name(of: metadata), metadata.title)
        var custom = metadata
        custom.title = "My week · in pictures"
        XCTAssertEqual(CoverContent.name(of: custom), "My week · in pictures", "a title of the user's is shown whole")
        let firstDay = VolumePlan.narrowed(digest, to: [(0, digest.chapters[0].articles.indices)])
        let text = CoverContent.text(name: CoverContent.name(of: metadata), digest: firstDay, metadata: metadata,
                                     volume: CoverContent.volumeLabel(1, of: 3, language: "en"), picture: nil)
        XCTAssertEqual(text.title, metadata.title)
        XCTAssertEqual(text.period, "15 January 2024", "a volume's cover shows its own days")
        XCTAssertEqual(text.kicker, "Volume 1 of 3")
        XCTAssertEqual(text.headlines, ["Story 1", "Story 2"])
    }
}
