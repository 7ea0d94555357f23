import XCTest
@testable import BinderyKit

final class EPUBBookStringsTests: XCTestCase {
    func testChineseForAnyZhTagEnglishOtherwise() {
        for tag in ["zh", "ZH", "zh-Hans", "zh-Hant-TW", "zh_CN"] {
            XCTAssertEqual(BookStrings.forLanguage(tag).originalArticle, "原文链接", tag)
        }
        for tag in ["en", "en-GB", "fr", "", "und", "zhx"] {
            XCTAssertEqual(BookStrings.forLanguage(tag).originalArticle, "Original article", tag)
        }
    }

    func testArticleCounts() {
        XCTAssertEqual(BookStrings.english.articleCount(1), "1 article")
        XCTAssertEqual(BookStrings.english.articleCount(12), "12 articles")
        XCTAssertEqual(BookStrings.chinese.articleCount(12), "共 12 篇文章")
    }

    func testEmptyTitleGetsAFallback() throws {
        var book = EPUBTestBook.make(language: "zh")
        book.metadata.title = "  "
        let folder = try TestFolder()
        try EPUBTestBook.write(book, to: folder.file("b.epub"))
        let opf = try ZipInspection(folder.file("b.epub")).text(of: "EPUB/package.opf")
        XCTAssertTrue(opf.contains("<dc:title>无标题</dc:title>"), opf)
    }
}
