@testable import BinderyKit
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// Line ends, byte-order marks, damaged UTF-8, and what `loadBody` returns.
final class ArchiveEncodingTests: XCTestCase {
    private func scanAndLoad(_ bytes: [UInt8], name: String = "a.txt") throws -> (ArchiveScan, String) {
        let folder = try ArchiveFixtureFolder()
        try folder.write(name, bytes: bytes)
        let reader = ArchiveReader()
        let scan = reader.scan([folder.url])
        let article = try XCTUnwrap(scan.articles.first)
        return (scan, try reader.loadBody(of: article))
    }

    func testCRLF() throws {
        let text = ArchiveFixtures.article(body: "<p>a\nb</p>").replacingOccurrences(of: "\n", with: "\r\n")
        let (scan, body) = try scanAndLoad(Array(text.utf8))
        XCTAssertEqual(scan.diagnostics, [])
        XCTAssertEqual(scan.articles.first?.title, "A title")
        XCTAssertEqual(body, "<div><i>Fri, 19 Jan 2024 21:23:59 GMT</i></div><p>a\nb</p>")
    }

    func testBareCR() throws {
        let text = ArchiveFixtures.article(body: "<p>a\nb</p>").replacingOccurrences(of: "\n", with: "\r")
        let (scan, body) = try scanAndLoad(Array(text.utf8))
        XCTAssertEqual(scan.articles.first?.url?.absoluteString, "https://www.example.com/a.html")
        XCTAssertEqual(body, "<div><i>Fri, 19 Jan 2024 21:23:59 GMT</i></div><p>a\nb</p>")
    }

    func testByteOrderMark() throws {
        let (scan, body) = try scanAndLoad([0xEF, 0xBB, 0xBF] + Array(ArchiveFixtures.article().utf8))
        XCTAssertEqual(scan.articles.first?.instant, Date(timeIntervalSince1970: 1_705_700_343))
        XCTAssertFalse(body.unicodeScalars.contains("\u{FEFF}"))
    }

    func testInvalidUTF8IsRepaired() throws {
        let head = Array(ArchiveFixtures.article(title: "Bad \u{00E9}", body: "<p>x").utf8)
        let (scan, body) = try scanAndLoad(head + [0xFF, 0xC3, 0x28] + Array("y</p>".utf8))
        XCTAssertEqual(scan.diagnostics, [])
        XCTAssertTrue(body.hasSuffix("<p>x\u{FFFD}\u{FFFD}(y</p>"), body)
    }

    func testInvalidUTF8InTitle() throws {
        let bytes = Array("<!--1705700343000-->\n[Caf".utf8) + [0xE9] + Array("](https://example.com/c)\n---\n\n<p>x</p>".utf8)
        let (scan, _) = try scanAndLoad(bytes)
        XCTAssertEqual(scan.articles.first?.title, "Caf\u{FFFD}")
    }

    func testEmojiAndNoBreakSpacesSurvive() throws {
        let (_, body) = try scanAndLoad(Array(ArchiveFixtures.article(body: "<p>😀\u{00A0}&nbsp;\u{200B}</p>").utf8))
        XCTAssertTrue(body.hasSuffix("<p>😀\u{00A0}&nbsp;\u{200B}</p>"))
    }

    func testJekyllBodyIsUnwrapped() throws {
        let text = "---\ntitle: T\nlink: https://example.com/j\n---\n\n[T](https://example.com/j)\n------\n\n<div><div><i>2024-01-18T01:30:00Z</i></div><p>Body <div>inner</div></p></div>\n"
        let (_, body) = try scanAndLoad(Array(text.utf8))
        XCTAssertEqual(body, "<div><i>2024-01-18T01:30:00Z</i></div><p>Body <div>inner</div></p>")
    }

    func testJekyllBodyNotWrappedStaysIntact() {
        let body = Array("<div><i>x</i></div><p>y</p><div>z</div>".utf8)[...]
        XCTAssertEqual(Array(JekyllBody.unwrapped(body)), Array(body))
    }

    func testLoadBodyOfAMissingFileThrowsNamingIt() throws {
        let folder = try ArchiveFixtureFolder()
        let file = try folder.write("gone.txt", ArchiveFixtures.article())
        let reader = ArchiveReader()
        let article = try XCTUnwrap(reader.scan([folder.url]).articles.first)
        try FileManager.default.removeItem(at: file)
        XCTAssertThrowsError(try reader.loadBody(of: article)) { error in
            guard case let ArchiveError.unreadable(name, _) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(name, "Archive/gone.txt")
            XCTAssertTrue("\(error)".contains("Archive/gone.txt"))
        }
    }

    func testDamageCounting() {
        XCTAssertEqual(TextBytes.damage(of: Array("héllo 😀".utf8)[...]).invalidBytes, 0)
        XCTAssertEqual(TextBytes.damage(of: [0x41, 0xFF, 0xC0, 0x80, 0x00][...]).invalidBytes, 3)
        XCTAssertEqual(TextBytes.damage(of: [0x41, 0x00][...]).nulBytes, 1)
        // A sequence cut off by the read limit is not damage.
        XCTAssertEqual(TextBytes.damage(of: Array(Array("中".utf8).dropLast())[...]).invalidBytes, 0)
        // Three-byte sequences, most of Chinese text: valid ones (also of the
        // leads E0, ED, EE and EF, whose second bytes are limited or not)...
        let chinese = "美国之音：“中美会谈”在日内瓦恢复，双方谈判代表周五会面。\u{E000}\u{FF01}\u{0800}\u{D7FF}"
        XCTAssertEqual(TextBytes.damage(of: Array(chinese.utf8)[...]).invalidBytes, 0)
        // ...and broken ones: a lead whose sequence stops early counts once,
        // and each stray continuation byte after it once more.
        XCTAssertEqual(TextBytes.damage(of: [0xE4, 0xB8, 0x41][...]).invalidBytes, 2)
        XCTAssertEqual(TextBytes.damage(of: [0xE4, 0x41, 0xAD][...]).invalidBytes, 2)
        XCTAssertEqual(TextBytes.damage(of: [0xED, 0xA0, 0x80][...]).invalidBytes, 3, "a surrogate")
        XCTAssertEqual(TextBytes.damage(of: [0xE0, 0x80, 0x80][...]).invalidBytes, 3, "an overlong form")
        XCTAssertEqual(TextBytes.damage(of: [0xEF, 0xBC, 0xC1, 0x41][...]).invalidBytes, 3)
    }

    func testNormalisation() {
        XCTAssertEqual(TextBytes.normalized([0xEF, 0xBB, 0xBF, 65, 13, 10, 66, 13, 67, 13]), [65, 10, 66, 10, 67, 10])
        XCTAssertEqual(TextBytes.normalized([65, 10]), [65, 10])
    }

    // MARK: Files not in UTF-8

    /// `text` in `encoding`, by iconv (the fixtures are written as users' editors and old sites save them).
    private func encoded(_ text: String, as encoding: String) throws -> [UInt8] {
        let descriptor = iconv_open(encoding, "UTF-8")
        guard descriptor != iconv_t(bitPattern: -1) else { throw XCTSkip("iconv does not know \(encoding)") }
        defer { iconv_close(descriptor) }
        var input = Array(text.utf8)
        var output = [UInt8](repeating: 0, count: input.count * 4 + 16)
        let written = input.withUnsafeMutableBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target -> Int in
                var inPointer = source.baseAddress.map { UnsafeMutableRawPointer($0).assumingMemoryBound(to: CChar.self) }
                var outPointer = target.baseAddress.map { UnsafeMutableRawPointer($0).assumingMemoryBound(to: CChar.self) }
                var inLeft = source.count, outLeft = target.count
                return iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft) == -1 ? -1 : target.count - outLeft
            }
        }
        guard written >= 0 else { throw XCTSkip("\(encoding) cannot hold the fixture") }
        return Array(output[0..<written])
    }

    private static let chineseBody = "<p>港口的船只在清晨离开，渔民们说今年的收成比去年好。</p><p>市政府表示将修建新的码头。</p>"

    func testUTF16FilesWithByteOrderMarkAreRead() throws {
        let text = ArchiveFixtures.article(title: "港口 Harbour", body: Self.chineseBody)
        for (encoding, mark) in [("UTF-16LE", [UInt8]([0xFF, 0xFE])), ("UTF-16BE", [0xFE, 0xFF])] {
            let (scan, body) = try scanAndLoad(mark + encoded(text, as: encoding))
            let article = try XCTUnwrap(scan.articles.first, encoding)
            XCTAssertEqual(article.title, "港口 Harbour", encoding)
            XCTAssertEqual(article.instant, Date(timeIntervalSince1970: 1_705_700_343), encoding)
            XCTAssertEqual(article.textEncoding, encoding)
            XCTAssertEqual(body, "<div><i>Fri, 19 Jan 2024 21:23:59 GMT</i></div>" + Self.chineseBody, encoding)
            XCTAssertEqual(scan.diagnostics.map(\.message), ["not UTF-8: read as \(encoding)"], encoding)
        }
    }

    func testLegacyChineseAndLatinFilesAreReadInTheEncodingTheyShow() throws {
        let traditional = "<p>港口的船隻在清晨離開，漁民們說今年的收成比去年好。</p><p>市政府表示將修建新的碼頭。</p>"
        let latin = "<p>The caf\u{E9} \u{201C}na\u{EF}ve\u{201D} r\u{E9}sum\u{E9}: \u{E0} la fa\u{E7}on de l\u{2019}\u{E9}t\u{E9}, \u{C9}cole.</p>"
        for (encoding, title, body) in [("GB18030", "新的码头", Self.chineseBody), ("BIG5-HKSCS", "新的碼頭", traditional),
                                         ("WINDOWS-1252", "Caf\u{E9} cr\u{E8}me", latin)] {
            let text = ArchiveFixtures.article(title: title, body: body)
            let (scan, loaded) = try scanAndLoad(try encoded(text, as: encoding))
            let article = try XCTUnwrap(scan.articles.first, encoding)
            XCTAssertEqual(article.title, title, encoding)
            XCTAssertEqual(article.textEncoding, encoding)
            XCTAssertEqual(loaded, "<div><i>Fri, 19 Jan 2024 21:23:59 GMT</i></div>" + body, encoding)
            XCTAssertEqual(scan.diagnostics.map(\.message), ["not UTF-8: read as \(encoding)"], encoding)
        }
    }

    func testUTF8WithAFewDamagedBytesStaysUTF8() throws {
        // Chinese UTF-8 with two damaged bytes: read as UTF-8 and repaired,
        // not taken for GB18030 (which would garble every character).
        let text = Array(ArchiveFixtures.article(title: "新的码头", body: Self.chineseBody).utf8)
        let damaged = Array(text.dropLast(4)) + [0xFF, 0xFE] + Array("</p>".utf8)
        let (scan, body) = try scanAndLoad(damaged)
        let article = try XCTUnwrap(scan.articles.first)
        XCTAssertNil(article.textEncoding)
        XCTAssertEqual(article.title, "新的码头")
        XCTAssertTrue(body.contains("港口的船只在清晨离开"), body)
        XCTAssertEqual(body.unicodeScalars.filter { $0 == "\u{FFFD}" }.count, 2)
    }

    func testFileGivenAsBytesReadsTheBodyInTheSameEncoding() throws {
        let bytes = try encoded(ArchiveFixtures.article(title: "新的码头", body: Self.chineseBody), as: "GB18030")
        let read = ArchiveReader().read(bytes: bytes, as: SourceFile(url: URL(fileURLWithPath: "/tmp/a.txt"),
                                                                      root: URL(fileURLWithPath: "/tmp"), displayName: "a.txt"))
        XCTAssertEqual(read.article?.textEncoding, "GB18030")
        XCTAssertTrue(read.body.hasSuffix(Self.chineseBody), read.body)
    }
}
