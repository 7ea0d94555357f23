import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest
@testable import BinderyKit

final class EPUBWriterTests: XCTestCase {
    private func xml(_ zip: ZipInspection, _ name: String) throws -> XMLDocument {
        try XMLDocument(data: try zip.contents(of: name))
    }

    /// Values of `attribute` on elements named `local`, in document order, namespaces ignored.
    private func values(_ doc: XMLNode, _ local: String, _ attribute: String) throws -> [String] {
        try texts(doc, "//*[local-name()='\(local)']/@*[name()='\(attribute)']")
    }

    private func texts(_ doc: XMLNode, _ xpath: String) throws -> [String] {
        try doc.nodes(forXPath: xpath).map { $0.stringValue ?? "" }
    }

    /// Folders of the books built by this test, removed with the test case.
    private var folders: [TestFolder] = []

    private func build(language: String = "zh", undated: Bool = false, cover: Bool = true) throws -> (TestFolder, URL, EPUBSummary) {
        let folder = try TestFolder()
        folders.append(folder)
        let url = folder.file("book.epub")
        let summary = try EPUBTestBook.write(EPUBTestBook.make(language: language, undated: undated), to: url, cover: cover)
        return (folder, url, summary)
    }

    func testContainerPointsToPackageAndMimetypeComesFirstStored() throws {
        let (_, url, summary) = try build()
        XCTAssertEqual(summary.articleCount, 3)
        XCTAssertEqual(summary.chapterCount, 2)
        XCTAssertEqual(summary.imageCount, 1, "the article picture; the cover is not counted")
        XCTAssertEqual(summary.diagnostics, [])
        let zip = try ZipInspection(url)
        XCTAssertTrue(try zip.testIntegrity())
        XCTAssertEqual(zip.entries.first?.name, "mimetype")
        XCTAssertEqual(zip.entries.first?.method, 0)
        XCTAssertEqual(zip.entries.first?.extraFieldLength, 0)
        XCTAssertEqual(zip.names[1], "META-INF/container.xml")
        let container = try xml(zip, "META-INF/container.xml")
        XCTAssertEqual(try values(container, "rootfile", "full-path"), ["EPUB/package.opf"])
        XCTAssertEqual(try values(container, "rootfile", "media-type"), ["application/oebps-package+xml"])
    }

    func testManifestMatchesTheZipAndSpineFollowsTheBook() throws {
        let (_, url, _) = try build()
        let zip = try ZipInspection(url)
        let opf = try xml(zip, "EPUB/package.opf")
        let hrefs = try values(opf, "item", "href")
        let ids = try values(opf, "item", "id")
        XCTAssertEqual(Set(ids).count, ids.count, "manifest ids unique")
        // Every manifest item is in the zip, and every zip entry but the
        // OCF files and the package document is in the manifest.
        let inZip = Set(zip.names.filter { !["mimetype", "META-INF/container.xml", "EPUB/package.opf"].contains($0) })
        XCTAssertEqual(Set(hrefs.map { "EPUB/" + $0 }), inZip)
        XCTAssertEqual(hrefs.count, inZip.count)
        XCTAssertEqual(try values(opf, "itemref", "idref"),
                       ["cover", "titlepage", "contents", "c0001", "a00001", "a00002", "c0002", "a00003"])
        XCTAssertEqual(try values(opf, "spine", "toc"), ["ncx"])
        let byID = Dictionary(uniqueKeysWithValues: Swift.zip(ids, hrefs))
        XCTAssertEqual(byID["a00002"], "text/a00002.xhtml")
        XCTAssertEqual(byID["img-3f2a9c0d1e2b4a5c.png"], "images/3f2a9c0d1e2b4a5c.png")
        XCTAssertEqual(try texts(opf, "//*[local-name()='item'][@properties]/@id"), ["img-c0ffee0000000001.png", "nav"])
        XCTAssertEqual(try texts(opf, "//*[local-name()='item'][@properties]/@properties"), ["cover-image", "nav"])
    }

    func testMetadata() throws {
        let (_, url, _) = try build()
        let opf = try xml(try ZipInspection(url), "EPUB/package.opf")
        XCTAssertEqual(try values(opf, "package", "unique-identifier"), ["book-id"])
        XCTAssertEqual(try texts(opf, "//*[local-name()='identifier'][@id='book-id']"), ["urn:uuid:6f1c2a7e-2f6b-4c1a-9a57-0d8f3f9b1c2d"])
        XCTAssertEqual(try texts(opf, "//*[local-name()='title']"), ["新闻 2024年1月"])
        XCTAssertEqual(try texts(opf, "//*[local-name()='language']"), ["zh"])
        XCTAssertEqual(try texts(opf, "//*[local-name()='creator']"), ["voachinese.com", "bbc.com"])
        XCTAssertEqual(try texts(opf, "//*[local-name()='publisher']"), ["Bindery"])
        // 1_705_620_000 is 2024-01-19 07:20 in Shanghai.
        XCTAssertEqual(try texts(opf, "//*[local-name()='date']"), ["2024-01-19"])
        XCTAssertEqual(try texts(opf, "//*[local-name()='meta'][@property='dcterms:modified']"), ["2024-01-23T08:53:20Z"])
        XCTAssertEqual(try values(opf, "meta", "content"), ["img-c0ffee0000000001.png"])
        XCTAssertEqual(try values(opf, "reference", "type"), ["cover", "title-page", "toc", "text"])
    }

    func testNavAndNCXListTheSameTitlesAndTargets() throws {
        let (_, url, _) = try build(undated: true)
        let zip = try ZipInspection(url)
        let nav = try xml(zip, "EPUB/nav.xhtml")
        let ncx = try xml(zip, "EPUB/toc.ncx")
        let navTargets = try texts(nav, "//*[local-name()='nav'][@id='toc']//*[local-name()='a']/@href")
        let navTitles = try texts(nav, "//*[local-name()='nav'][@id='toc']//*[local-name()='a']")
        let ncxTargets = try texts(ncx, "//*[local-name()='navPoint']/*[local-name()='content']/@src")
        let ncxTitles = try texts(ncx, "//*[local-name()='navPoint']/*[local-name()='navLabel']")
        // The contents page first, then chapter → articles.
        XCTAssertEqual(navTargets, ["text/contents.xhtml", "text/c0001.xhtml", "text/a00001.xhtml", "text/a00002.xhtml",
                                    "text/c0002.xhtml", "text/a00003.xhtml", "text/c0003.xhtml", "text/a00004.xhtml"])
        XCTAssertEqual(ncxTargets, navTargets)
        XCTAssertEqual(ncxTitles, navTitles)
        XCTAssertEqual(navTitles[0], "目录")
        XCTAssertEqual(navTitles[2], "第一篇：美国与中国")
        XCTAssertEqual(navTitles[3], "第二篇 <测试> & 标题")
        XCTAssertEqual(try values(ncx, "navPoint", "playOrder"), (1...8).map(String.init))
        XCTAssertEqual(try texts(ncx, "//*[local-name()='meta'][@name='dtb:depth']/@content"), ["2"])
        XCTAssertEqual(try texts(ncx, "//*[local-name()='meta'][@name='dtb:uid']/@content"), ["urn:uuid:6f1c2a7e-2f6b-4c1a-9a57-0d8f3f9b1c2d"])
        // Two levels: chapters hold their articles.
        XCTAssertEqual(try nav.nodes(forXPath: "//*[local-name()='nav'][@id='toc']/*[local-name()='ol']/*[local-name()='li']").count, 4)
        XCTAssertEqual(try values(nav, "a", "epub:type"), ["cover", "titlepage", "toc", "bodymatter"])
    }

    func testArticlePageHasHeadlineBylineAndBodyInTheBookLanguage() throws {
        let (_, url, _) = try build()
        let zip = try ZipInspection(url)
        let page = try zip.text(of: "EPUB/text/a00002.xhtml")
        let doc = try XMLDocument(data: Data(page.utf8))
        XCTAssertEqual(try values(doc, "html", "lang"), ["zh"])
        XCTAssertEqual(try values(doc, "html", "xml:lang"), ["zh"])
        XCTAssertEqual(try texts(doc, "//*[local-name()='h1']"), ["第二篇 <测试> & 标题"])
        XCTAssertEqual(try texts(doc, "//*[local-name()='p'][@class='byline']/*[local-name()='span'][@class='source']"), ["bbc.com"])
        XCTAssertEqual(try texts(doc, "//*[local-name()='span'][@class='author']"), ["Reporter <Name>"])
        XCTAssertEqual(try values(doc, "time", "datetime"), ["2024-01-19T12:53:20+08:00"])
        XCTAssertEqual(try texts(doc, "//*[local-name()='time']"),
                       [DateText.articleDateTime(Date(timeIntervalSince1970: 1_705_640_000), language: "zh", timeZone: EPUBTestBook.shanghai)])
        XCTAssertEqual(try texts(doc, "//*[local-name()='a'][@class='original']"), ["原文链接"])
        XCTAssertEqual(try texts(doc, "//*[local-name()='a'][@class='original']/@href"), ["https://www.bbc.com/news/2.html?a=1&b=2"])
        XCTAssertEqual(try texts(doc, "//*[local-name()='img']/@src"), ["../images/3f2a9c0d1e2b4a5c.png"])
        XCTAssertTrue(page.contains("<div class=\"article-body\"><p>这是第2篇文章的导语"), "body written verbatim, no added whitespace")
        XCTAssertTrue(page.contains("href=\"../styles/bindery.css\""))
    }

    func testEnglishBookUsesEnglishStrings() throws {
        let (_, url, _) = try build(language: "en")
        let zip = try ZipInspection(url)
        XCTAssertTrue(try zip.text(of: "EPUB/text/a00001.xhtml").contains(">Original article</a>"))
        XCTAssertTrue(try zip.text(of: "EPUB/nav.xhtml").contains("<h1>Contents</h1>"))
        XCTAssertTrue(try zip.text(of: "EPUB/text/title.xhtml").contains("3 articles"))
    }

    func testChapterPageContentsPageAndTitlePage() throws {
        let (_, url, _) = try build()
        let zip = try ZipInspection(url)
        let opener = try xml(zip, "EPUB/text/c0001.xhtml")
        XCTAssertEqual(try texts(opener, "//*[local-name()='li']//*[local-name()='a']/@href"), ["a00001.xhtml", "a00002.xhtml"])
        // Each entry: source and time, then the lead sentence as its summary.
        XCTAssertEqual(try texts(opener, "//*[@class='entry-meta']"), ["voachinese.com · 07:20", "bbc.com · 12:53"])
        XCTAssertTrue(try texts(opener, "//*[@class='entry-summary']").allSatisfy { $0.hasPrefix("这是第") }, opener.xmlString)
        // A chapter page leads to the contents and the next chapter.
        XCTAssertEqual(try texts(opener, "//*[@class='page-nav']//*[local-name()='a']/@href"), ["contents.xhtml", "c0002.xhtml"])
        let contents = try xml(zip, "EPUB/text/contents.xhtml")
        XCTAssertEqual(try texts(contents, "//*[@class='contents-chapter']/*[local-name()='a']/@href"), ["c0001.xhtml", "c0002.xhtml"])
        XCTAssertEqual(try texts(contents, "//*[@class='contents-count']"), ["共 2 篇文章", "共 1 篇文章"])
        // An article ends with its neighbours and its chapter.
        let article = try xml(zip, "EPUB/text/a00002.xhtml")
        XCTAssertEqual(try texts(article, "//*[@class='page-nav']//*[local-name()='a']/@href"), ["a00001.xhtml", "c0001.xhtml", "a00003.xhtml"])
        XCTAssertEqual(try texts(article, "//*[@class='page-nav']//*[local-name()='a']"), ["‹ 上一篇", try texts(opener, "//*[local-name()='h1']")[0], "下一篇 ›"])
        XCTAssertEqual(try texts(opener, "//*[local-name()='h1']"),
                       [DateText.chapterHeading(EPUBTestBook.make(language: "zh").digest.chapters[0], grouping: .day, language: "zh", timeZone: EPUBTestBook.shanghai)])
        let title = try xml(zip, "EPUB/text/title.xhtml")
        XCTAssertEqual(try texts(title, "//*[local-name()='h1']"), ["新闻 2024年1月"])
        XCTAssertEqual(try texts(title, "//*[@class='article-count']"), ["共 3 篇文章"])
        // voachinese.com has two articles, bbc.com one.
        XCTAssertEqual(try texts(title, "//*[@class='sources']"), ["来源：voachinese.com、bbc.com"])
        XCTAssertEqual(try texts(xml(zip, "EPUB/text/cover.xhtml"), "//*[local-name()='img']/@src"), ["../images/c0ffee0000000001.png"])
    }

    func testSameInputGivesIdenticalBytes() throws {
        let folder = try TestFolder()
        let book = EPUBTestBook.make(language: "zh", undated: true)
        try EPUBTestBook.write(book, to: folder.file("1.epub"))
        try EPUBTestBook.write(book, to: folder.file("2.epub"))
        XCTAssertEqual(try Data(contentsOf: folder.file("1.epub")), try Data(contentsOf: folder.file("2.epub")))
    }

    func testFailureLeavesExistingBookUntouchedAndNoTemporaries() throws {
        let folder = try TestFolder()
        let url = folder.file("book.epub")
        try Data("previous book".utf8).write(to: url)
        let book = EPUBTestBook.make(language: "en")
        let writer = try EPUBWriter(destination: url, metadata: book.metadata, digest: book.digest, stylesheet: DefaultStylesheet.css)
        try writer.add(book.articles[0])
        var broken = book.articles[1]
        broken.chapterIndex = 9
        XCTAssertThrowsError(try writer.add(broken)) { error in
            XCTAssertEqual(error as? EPUBError, .unknownChapter(book: url.path, article: "archive/2.txt", index: 9))
        }
        XCTAssertThrowsError(try writer.finish()) { error in
            XCTAssertEqual(error as? EPUBError, .finished(book: url.path))
        }
        XCTAssertEqual(try Data(contentsOf: url), Data("previous book".utf8))
        XCTAssertEqual(folder.contents, ["book.epub"])

        // A bad asset name fails the same way.
        let second = try EPUBWriter(destination: url, metadata: book.metadata, digest: book.digest, stylesheet: "")
        XCTAssertThrowsError(try second.add(Asset(fileName: "../evil.png", type: .png, data: EPUBTestBook.redPixel)))
        XCTAssertEqual(folder.contents, ["book.epub"])

        // Success replaces the file and leaves nothing else behind.
        try EPUBTestBook.write(book, to: url)
        XCTAssertEqual(folder.contents, ["book.epub"])
        XCTAssertEqual(try ZipInspection(url).names.first, "mimetype")
    }

    func testImagesThatAreNotInTheBookBecomeTheirTextWithADiagnostic() throws {
        var book = EPUBTestBook.make(language: "en")
        book.articles[2].cleaned.body.append(.paragraph([.picture(Picture(source: "https://example.com/remote.jpg", alt: "Remote photo"))]))
        let folder = try TestFolder()
        let summary = try EPUBTestBook.write(book, to: folder.file("book.epub"))
        XCTAssertEqual(summary.diagnostics.map(\.description),
                       ["warning: archive/3.txt: image https://example.com/remote.jpg is not in the book; replaced by its text"])
        let page = try ZipInspection(folder.file("book.epub")).text(of: "EPUB/text/a00003.xhtml")
        XCTAssertFalse(page.contains("remote.jpg"))
        XCTAssertTrue(page.contains("<span class=\"image-text\">Remote photo</span>"))
        XCTAssertTrue(page.contains("src=\"../images/3f2a9c0d1e2b4a5c.png\""), "bundled image kept")
    }

    func testOversizedPageIsReported() throws {
        var book = EPUBTestBook.make(language: "en")
        book.articles[0].cleaned.body = [.paragraph([.text(String(repeating: "word ", count: 60_000))])]
        let folder = try TestFolder()
        let summary = try EPUBTestBook.write(book, to: folder.file("book.epub"))
        XCTAssertEqual(summary.diagnostics.count, 1)
        XCTAssertTrue(summary.diagnostics[0].description.hasPrefix("warning: archive/1.txt: article page is 29"), summary.diagnostics[0].description)
    }

    /// Nav `ol` and NCX `navMap` may not be empty: a book without articles
    /// still gets a valid table of contents (its title page). (epubcheck: clean.)
    func testBookWithoutArticlesHasATableOfContents() throws {
        let folder = try TestFolder()
        let book = EPUBTestBook.make(language: "en")
        let writer = try EPUBWriter(destination: folder.file("empty.epub"), metadata: book.metadata, digest: book.digest, stylesheet: "")
        let summary = try writer.finish()
        XCTAssertEqual(summary.articleCount, 0)
        XCTAssertEqual(summary.chapterCount, 0)
        let zip = try ZipInspection(folder.file("empty.epub"))
        XCTAssertEqual(try texts(xml(zip, "EPUB/nav.xhtml"), "//*[local-name()='nav'][@id='toc']//*[local-name()='a']/@href"), ["text/title.xhtml"])
        XCTAssertEqual(try texts(xml(zip, "EPUB/toc.ncx"), "//*[local-name()='content']/@src"), ["text/title.xhtml"])
        XCTAssertEqual(try texts(xml(zip, "EPUB/package.opf"), "//*[local-name()='itemref']/@idref"), ["titlepage", "nav"])
    }

    /// Chapters are read in digest order even if their articles arrive out of it.
    func testSpineFollowsDigestOrderOfChapters() throws {
        var book = EPUBTestBook.make(language: "en")
        book.articles = [book.articles[2], book.articles[0], book.articles[1]]
        let folder = try TestFolder()
        try EPUBTestBook.write(book, to: folder.file("book.epub"), cover: false)
        let opf = try xml(try ZipInspection(folder.file("book.epub")), "EPUB/package.opf")
        XCTAssertEqual(try texts(opf, "//*[local-name()='itemref']/@idref"),
                       ["titlepage", "contents", "c0001", "a00001", "a00002", "c0002", "a00003"])
        // Files are named in reading order, whatever order the articles came in.
        XCTAssertTrue(try ZipInspection(folder.file("book.epub")).text(of: "EPUB/text/a00003.xhtml").contains(book.articles[0].article.displayTitle))
    }

    func testPlainFileNames() {
        XCTAssertTrue(EPUBWriter.isPlainFileName("3f2a9c0d1e2b4a5c.jpg"))
        for bad in ["", ".hidden", "a/b.png", "a b.png", "é.png", "a%20.png"] {
            XCTAssertFalse(EPUBWriter.isPlainFileName(bad), bad)
        }
    }

    func testEPUBCheckFindsNoErrorsOrWarnings() throws {
        for (language, cover) in [("zh", true), ("en", false)] {
            let folder = try TestFolder()
            let url = folder.file("book-\(language).epub")
            try EPUBTestBook.write(EPUBTestBook.make(language: language, undated: true), to: url, cover: cover)
            let result = try EPUBCheck.run(url)
            XCTAssertEqual(result.errors, 0, "\(language):\n" + result.report)
            XCTAssertEqual(result.warnings, 0, "\(language):\n" + result.report)
        }
    }
}
