import XCTest
@testable import bindery_bench

/// The picture benchmark's photo plan and report, without making photos.
final class BenchPicturesTests: XCTestCase {
    func testEveryPhotoIsCutFromItsOwnPlace() {
        var seen = Set<[Int]>()
        for index in 0..<5_000 {
            let (x, y) = PhotoSet.offset(index)
            XCTAssertTrue((0..<1000).contains(x) && (0..<1000).contains(y), "\(index)")
            XCTAssertTrue(seen.insert([x, y]).inserted, "photo \(index) repeats another")
        }
        let set = PhotoSet(count: 4, folder: URL(fileURLWithPath: "/tmp"))
        XCTAssertEqual((0..<4).map(set.name), ["000.jpg", "001.webp", "002.jpg", "003.webp"])
    }

    func testChecksCompareWithImageMagickAndTheRawBook() {
        func row(_ device: String?, wall: Double, rss: Double, images: Int = 11) -> PictureBenchRow {
            PictureBenchRow(what: "x", device: device, measurement: Measurement(wallSeconds: wall, cpuSeconds: wall, peakRSSMegabytes: rss,
                                                                               exitStatus: 0, log: "/dev/null"),
                            bookBytes: 1_000_000, imagesInBook: images)
        }
        let report = PictureBenchReport(
            photos: 10, articles: 2, photoMegabytes: 10, jpegMegabytes: 12, imageMagick: row(nil, wall: 10, rss: 80),
            cold: row("kindle", wall: 4, rss: 150), warm: row("kindle", wall: 1, rss: 120), raw: row("original", wall: 2, rss: 600),
            jpegCold: row("kindle", wall: 4, rss: 150), jpegWarm: row("kindle", wall: 1, rss: 120),
            presets: [row("kindle", wall: 4, rss: 150), row("original", wall: 5, rss: 500)], rssSource: "test")
        let checks = Dictionary(uniqueKeysWithValues: report.checks.map { ($0.name, $0) })
        XCTAssertEqual(checks["cold wall ÷ ImageMagick wall"]?.passed, true)
        XCTAssertEqual(checks["peak RSS of any processing export, MB"]?.value, 150, "raw copies are not judged")
        XCTAssertEqual(checks["processed ÷ raw book (all JPEG, cold)"]?.value, 2)
        XCTAssertEqual(checks["processed ÷ raw book (all JPEG, cold)"]?.passed, false)
        XCTAssertEqual(checks["every photo in every book"]?.passed, true)
        let table = report.table()
        XCTAssertTrue(table.contains("original"), table)
        XCTAssertTrue(table.contains("FAIL  processed ÷ raw book"), table)
    }
}
