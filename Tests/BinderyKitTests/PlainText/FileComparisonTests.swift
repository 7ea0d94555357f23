import XCTest
@testable import BinderyKit

final class FileComparisonTests: XCTestCase {
    func testSameContentsComparesEveryBlock() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bindery-compare-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        func file(_ name: String, _ bytes: [UInt8]) throws -> URL {
            let url = folder.appendingPathComponent(name)
            try Data(bytes).write(to: url)
            return url
        }
        // Larger than one 64 KB block, so the last block decides.
        let big = (0..<200_000).map { UInt8(truncatingIfNeeded: $0 * 7) }
        var lastByteChanged = big
        lastByteChanged[big.count - 1] ^= 1
        let a = try file("a", big)
        XCTAssertTrue(FileComparison.sameContents(a, try file("b", big)))
        XCTAssertFalse(FileComparison.sameContents(a, try file("c", lastByteChanged)))
        XCTAssertFalse(FileComparison.sameContents(a, try file("d", Array(big.dropLast()))))
        XCTAssertTrue(FileComparison.sameContents(try file("e", []), try file("f", [])))
        XCTAssertFalse(FileComparison.sameContents(a, folder.appendingPathComponent("missing")))
        XCTAssertFalse(FileComparison.sameContents(folder, folder), "a folder is not a file")
    }
}
