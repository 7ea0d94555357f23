import BinderyKit
import Foundation
import XCTest
@testable import bindery_bench

/// `bindery-bench levels` on a small book made by Bindery's own ZipWriter:
/// every deflated entry is measured at every level, and at Bindery's level
/// the book comes out the size it is.
final class BenchLevelsTests: XCTestCase {
    func testEveryLevelIsMeasuredAndBinderysLevelGivesTheBookItsSize() throws {
        let book = FileManager.default.temporaryDirectory.appendingPathComponent("bench-levels-\(UUID().uuidString).epub")
        defer { try? FileManager.default.removeItem(at: book) }
        let zip = try ZipWriter(url: book)
        try zip.add(path: "mimetype", data: Data("application/epub+zip".utf8), method: .store)
        for page in 0..<5 {
            let text = (0..<400).map { "<p>Harbour \(page) line \($0 * 7919 % 1000): boats leave at dawn.</p>" }.joined()
            try zip.add(path: "EPUB/text/a\(page).xhtml", data: Data(text.utf8), method: .deflate)
        }
        try zip.add(path: "EPUB/images/x.png", data: Data((0..<3000).map { UInt8($0 * 31 % 251) }), method: .store)
        try zip.close()

        let measured = try LevelBenchmark.measure(book: book, repeats: 1)
        XCTAssertEqual(measured.entries, 5, "the mimetype and the picture are stored, not deflated")
        XCTAssertEqual(measured.rows.map(\.level), Array(1...12))
        let size = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: book.path)[.size] as? Int)
        let binderys = try XCTUnwrap(measured.rows.first { $0.level == Int(Deflater.defaultLevel) })
        XCTAssertEqual(binderys.bookBytes, size)
        let (fastest, smallest) = (measured.rows[0], measured.rows[11])
        XCTAssertLessThan(smallest.deflatedBytes, fastest.deflatedBytes)
        XCTAssertLessThan(fastest.deflatedBytes, measured.inputBytes / 4, "repetitive XHTML deflates well at any level")
        let report = LevelReport(articles: 0, entries: measured.entries, inputBytes: measured.inputBytes, exportSeconds: 0,
                                 exportCPUSeconds: 0, defaultLevel: Int(Deflater.defaultLevel), rows: measured.rows)
        XCTAssertTrue(report.table().contains("\(Deflater.defaultLevel) (Bindery)"), report.table())
    }
}
