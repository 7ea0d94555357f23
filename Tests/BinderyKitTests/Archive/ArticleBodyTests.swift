@testable import BinderyKit
import XCTest

/// A body is bytes checked by `TextBytes.damage`, not a `String`: its repair
/// must be the one `String(decoding:as:)` makes, byte for byte.
final class ArticleBodyTests: XCTestCase {
    func testBodiesAreRepairedAsStringsRepairThem() {
        var generator = SystemRandomNumberGenerator()
        let pieces: [[UInt8]] = [Array("<p>".utf8), Array("中文".utf8), Array("é".utf8), Array("😀".utf8), [0xFF], [0xC0, 0xAF],
                                 [0xE4, 0xB8], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x80], [0xE0, 0x80, 0xAF], [0]]
        for _ in 0..<2000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...12, using: &generator) { bytes += pieces.randomElement(using: &generator)! }
            // Cut anywhere, through a sequence too.
            let cut = bytes.prefix(Int.random(in: 0...bytes.count, using: &generator))
            XCTAssertEqual(ArticleBody(repairing: cut).utf8, Array(String(decoding: cut, as: UTF8.self).utf8), "\(Array(cut))")
        }
    }

    func testAValidBodyIsKeptAsItIs() {
        let bytes = Array("<p>中文 text 😀</p>".utf8)
        XCTAssertEqual(ArticleBody(repairing: bytes[...]).utf8, bytes)
    }
}
