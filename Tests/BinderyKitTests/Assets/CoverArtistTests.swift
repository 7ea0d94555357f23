import XCTest
@testable import BinderyKit

/// The drawn cover: a 1600×2560 JPEG in Chinese or English, with or without
/// pictures, the same bytes every time, and one that calibre finds.
final class CoverArtistTests: XCTestCase {
    private let chinese = CoverText(
        title: "voachinese.com、rfi.fr 新闻摘要", period: "2024年1月15日–21日", kicker: "共 142 篇文章", headlinesLabel: "本期要闻",
        headlines: ["巴基斯坦和伊朗同意缓和局势", "青湾古镇灯会筹备进入最后阶段", "美国国会就临时拨款法案达成协议"],
        footer: "来源：voachinese.com、rfi.fr", language: "zh")

    /// CI installs the CJK font (`.ci/install-deps`); elsewhere its absence skips the font check only.
    private func requireNotoCJK() throws {
        guard CoverFonts.installed.serif == CoverFonts.preferredSerif else {
            let reason = "Noto Serif CJK SC is not installed (apt-get install fonts-noto-cjk)"
            if ProcessInfo.processInfo.environment["CI"] != nil { XCTFail(reason) }
            throw XCTSkip(reason)
        }
    }

    func testChineseAndEnglishCoversAreJPEGsOfStoreSize() throws {
        let english = CoverText(title: "bbc.com, dw.com news digest", period: "15–21 January 2024", kicker: "Volume 1 of 2",
                                headlinesLabel: "In this issue", headlines: ["Harbour reopens after the storm"], footer: "Sources: bbc.com")
        for text in [chinese, english] {
            let cover = try CoverArtist.draw(text)
            XCTAssertEqual(ImageType.sniff(cover.jpeg), .jpeg)
            XCTAssertEqual(ImageDimensions.read(cover.jpeg), ImageDimensions(width: 1600, height: 2560))
            XCTAssertEqual(PictureFixtures.channels(cover.jpeg), 3)
            XCTAssertLessThan(cover.jpeg.count, 600_000, "a cover is no burden on the book")
        }
        XCTAssertEqual(PictureFixtures.channels(try CoverArtist.draw(chinese, grayscale: true).jpeg), 1)
    }

    func testTheNotoCJKFontIsFoundAndNoWarningIsGiven() throws {
        try requireNotoCJK()
        XCTAssertEqual(CoverFonts.installed.sans, CoverFonts.preferredSans)
        XCTAssertEqual(try CoverArtist.draw(chinese).warnings, [])
    }

    func testSameTextSameBytesAndADamagedPictureIsLeftOut() throws {
        XCTAssertEqual(try CoverArtist.draw(chinese).jpeg, try CoverArtist.draw(chinese).jpeg)
        var damaged = chinese
        damaged.picture = try PictureFixtures.truncatedJPEG()
        let cover = try CoverArtist.draw(damaged)
        XCTAssertEqual(ImageDimensions.read(cover.jpeg), ImageDimensions(width: 1600, height: 2560))
        XCTAssertTrue(cover.warnings.contains { $0.contains("lead picture left out") }, "\(cover.warnings)")
        var withPicture = chinese
        withPicture.picture = try PictureFixtures.photo(width: 800, height: 600, as: ".jpg")
        XCTAssertNotEqual(try CoverArtist.draw(withPicture).jpeg, try CoverArtist.draw(chinese).jpeg)
    }

    func testAnEmptyDigestStillGetsACover() throws {
        let bare = CoverText(title: "News digest", headlinesLabel: "In this issue", headlines: [])
        XCTAssertEqual(ImageDimensions.read(try CoverArtist.draw(bare).jpeg), ImageDimensions(width: 1600, height: 2560))
    }

    func testShortChineseWordsStayWholeLongRunsMayBreak() {
        XCTAssertEqual(CoverPageText.keepingShortWordsWhole("dw.com 新闻摘要"), "dw.com 新\u{2060}闻\u{2060}摘\u{2060}要")
        XCTAssertEqual(CoverPageText.keepingShortWordsWhole("五个汉字呢"), "五个汉字呢")
        XCTAssertEqual(CoverPageText.shortened(String(repeating: "长", count: 100)).count, 75)
        XCTAssertEqual(CoverPageText.shortened("青湾夜市推出无现金支付 📱"), "青湾夜市推出无现金支付", "no font draws emoji here")
    }

    func testHeadlinesTakeTurnsAcrossChapters() {
        func article(_ title: String) -> Article {
            Article(origin: SourceFile(url: URL(fileURLWithPath: "/\(title)"), root: URL(fileURLWithPath: "/"), displayName: title),
                    title: title, url: nil, instant: nil)
        }
        let digest = Digest(chapters: [Chapter(key: "1", start: nil, articles: [article("a1"), article("a2"), article("a3")]),
                                       Chapter(key: "2", start: nil, articles: [article("b1")]),
                                       Chapter(key: "3", start: nil, articles: [article("c1"), article("a1")])],
                            options: SelectionOptions())
        XCTAssertEqual(CoverContent.headlines(of: digest, limit: 5), ["a1", "b1", "c1", "a2", "a3"])
    }

    /// calibre's ebook-meta reads the cover the way e-book managers do
    /// (the `cover-image` item, the OPF 2 `meta name="cover"`, the cover page).
    func testCalibreFindsTheDrawnCover() throws {
        guard let ebookMeta = ExternalTool.find("ebook-meta") else {
            let reason = "ebook-meta is not installed (apt-get install calibre)"
            if ProcessInfo.processInfo.environment["CI"] != nil { XCTFail(reason) }
            throw XCTSkip(reason)
        }
        let folder = try TestFolder()
        let (digest, metadata) = ExportSamplesFixture.digest()
        let book = folder.file("samples.epub")
        let options = AssetOptions(offline: true, cacheDirectory: folder.file("cache"), pictures: .digestDefault)
        _ = try EPUBExport(digest: digest, metadata: metadata, assets: options).write(to: book, log: DiagnosticLog())
        let extracted = folder.file("cover.jpg")
        let run = try ExternalTool.run(ebookMeta, [book.path, "--get-cover=\(extracted.path)"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let cover = try Data(contentsOf: extracted)
        XCTAssertEqual(ImageType.sniff(cover), .jpeg)
        XCTAssertEqual(ImageDimensions.read(cover), ImageDimensions(width: 1600, height: 2560))
    }
}
