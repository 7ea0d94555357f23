import Foundation
import XCTest
@testable import bindery_bench

final class BenchGeneratorTests: XCTestCase {
    func testSplitMix64MatchesTheReferenceSequence() {
        // First outputs of Vigna's splitmix64.c seeded with 0.
        var random = SplitMix64(seed: 0)
        XCTAssertEqual(random.next(), 0xE220_A839_7B1D_CDAF)
        XCTAssertEqual(random.next(), 0x6E78_9E6A_A1B9_65F4)
    }

    func testSameSeedGivesIdenticalFilesAndAnotherSeedDiffers() {
        let first = ArchiveGenerator(articleCount: 60, seed: 7)
        let again = ArchiveGenerator(articleCount: 60, seed: 7)
        let other = ArchiveGenerator(articleCount: 60, seed: 8)
        for index in [0, 13, 59] {
            XCTAssertEqual(first.file(at: index).name, again.file(at: index).name)
            XCTAssertEqual(first.file(at: index).bytes, again.file(at: index).bytes)
            XCTAssertNotEqual(first.file(at: index).bytes, other.file(at: index).bytes)
        }
    }

    func testWrittenArchiveIsByteIdenticalAcrossRuns() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("bench-gen-\(getpid())")
        defer { try? FileManager.default.removeItem(at: base) }
        let a = base.appendingPathComponent("a"), b = base.appendingPathComponent("b")
        let summary = try ArchiveGenerator(articleCount: 30, seed: 3).write(to: a)
        _ = try ArchiveGenerator(articleCount: 30, seed: 3).write(to: b)
        XCTAssertEqual(summary.files, 30 + LocalImages.names.count)
        let files = Stages.allFiles(under: a).map(\.0)
        XCTAssertEqual(files, Stages.allFiles(under: b).map(\.0))
        for file in files {
            XCTAssertEqual(try Data(contentsOf: a.appendingPathComponent(file)), try Data(contentsOf: b.appendingPathComponent(file)), file)
        }
    }

    func testHeadersFollowTheArchiveFormat() throws {
        let generator = ArchiveGenerator(articleCount: 400, seed: 1)
        var epochHeaders = 0, dateHeaders = 0, crlfFiles = 0
        for index in 0..<400 {
            let text = String(decoding: generator.file(at: index).bytes, as: UTF8.self)
            if text.contains("\r\n") { crlfFiles += 1 }
            let lines = text.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n")
            var line = 0
            if lines[0].hasPrefix("<!--") {
                XCTAssertTrue(lines[0].hasSuffix("000-->"), lines[0])
                epochHeaders += 1
                line = 1
            }
            XCTAssertTrue(lines[line].hasPrefix("["), "file \(index): \(lines[line])")
            // A title may hold a blank line; the link ends at the first line ending in `)`.
            while !lines[line].hasSuffix(")") { line += 1 }
            XCTAssertTrue(lines[line].contains("](http"), "file \(index): \(lines[line])")
            line += 1
            XCTAssertTrue(lines[line].allSatisfy { $0 == "-" } || lines[line].allSatisfy { $0 == "=" }, lines[line])
            line += 1
            if lines[line].hasPrefix("日期：") {
                dateHeaders += 1
                line += 1
            }
            XCTAssertEqual(lines[line], "", "file \(index): blank line before the body")
            XCTAssertFalse(lines[line + 1].isEmpty, "file \(index): body")
        }
        XCTAssertEqual(epochHeaders + dateHeaders, 400, "every file has an epoch line or a 日期： line")
        XCTAssertGreaterThan(dateHeaders, 20)
        XCTAssertGreaterThan(crlfFiles, 5)
    }

    func testEpochsFallOnFortyTwoDaysAndDuplicatesShareTheirURL() {
        let generator = ArchiveGenerator(articleCount: 300, seed: 1)
        func header(_ index: Int) -> (epoch: Int?, url: Substring) {
            let text = String(decoding: generator.file(at: index).bytes, as: UTF8.self)
            let epoch = text.hasPrefix("<!--") ? Int(text.dropFirst(4).prefix(while: \.isNumber)) : nil
            let url = text.split(separator: "](", maxSplits: 1)[1].prefix { $0 != "\n" && $0 != "\r" }
            return (epoch, url)
        }
        var days = Set<Int>()
        for index in 0..<300 {
            guard let epoch = header(index).epoch else { continue }
            let seconds = epoch / 1000 - generator.firstDay
            days.insert(seconds / 86_400)
            XCTAssertTrue((3600..<(15 * 3600)).contains(seconds % 86_400), "UTC hour window keeps UTC and UTC+8 on one day")
        }
        XCTAssertEqual(days, Set(0..<42))
        // File 147 (147 % 97 == 50) re-archives article 105.
        XCTAssertEqual(header(147).url, header(105).url)
        XCTAssertNotEqual(generator.file(at: 147).bytes, generator.file(at: 105).bytes)
    }

    func testBodySizesHaveAFiveKilobyteMedianAndANinetyKilobyteCap() {
        XCTAssertEqual(ArticleText.bodySize(at: 0.5), 4_700)
        XCTAssertEqual(ArticleText.bodySize(at: 1.0), 90_000)
        var previous = 0
        for step in 0...1000 {
            let size = ArticleText.bodySize(at: Double(step) / 1000)
            XCTAssertGreaterThanOrEqual(size, previous)
            previous = size
        }
        let generator = ArchiveGenerator(articleCount: 1000, seed: 1)
        let total = (0..<1000).reduce(0) { $0 + generator.file(at: $1).bytes.count }
        XCTAssertEqual(Double(total) / 1000, 5_700, accuracy: 400, "10,000 articles ≈ 57 MB")
    }

    func testEveryFifthArticleShowsALocalImage() {
        let generator = ArchiveGenerator(articleCount: 50, seed: 1)
        for index in [0, 5, 10, 45] {
            let text = String(decoding: generator.file(at: index).bytes, as: UTF8.self)
            XCTAssertTrue(text.contains("<img src=\"images/"), "file \(index)")
        }
    }

    func testCivilTimeMatchesFoundation() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        for seconds in [0, 951_782_400, 1_705_700_343, 1_709_164_800, 4_102_444_799] {
            let civil = CivilTime(epochSeconds: seconds)
            let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday],
                                                from: Date(timeIntervalSince1970: TimeInterval(seconds)))
            XCTAssertEqual([civil.year, civil.month, civil.day, civil.hour, civil.minute, civil.second, civil.weekday + 1],
                           [parts.year!, parts.month!, parts.day!, parts.hour!, parts.minute!, parts.second!, parts.weekday!])
        }
        XCTAssertEqual(CivilTime(epochSeconds: 1_705_700_639).rfc1123(zone: "GMT"), "Fri, 19 Jan 2024 21:43:59 GMT")
        XCTAssertEqual(CivilTime(epochSeconds: 1_593_216_000, offset: 8 * 3600).chineseDay, "2020年 6月 27日")
    }

    func testImagesAreWellFormed() {
        let png = [UInt8](LocalImages.png(width: 4, height: 3, tint: 1))
        XCTAssertEqual(Array(png.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        XCTAssertEqual(Array(png.suffix(12)), [0, 0, 0, 0, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82], "IEND with its CRC")
        let jpeg = [UInt8](LocalImages.jpeg(width: 16, height: 8))
        XCTAssertEqual(Array(jpeg.prefix(2)), [0xFF, 0xD8])
        XCTAssertEqual(Array(jpeg.suffix(2)), [0xFF, 0xD9])
        XCTAssertEqual(Set(LocalImages.files().map(\.name)), Set(LocalImages.names))
    }
}
