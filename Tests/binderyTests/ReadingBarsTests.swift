import Foundation
import XCTest

/// Issue 11's bars, on a generated week as a user would bind it: 500
/// articles from nine sources, Chinese and English mixed, one ISO week.
final class ReadingBarsTests: XCTestCase {
    /// One book for every test of the class (binding it takes seconds).
    private static var built: (book: URL, contents: BookContents)?

    private func week() throws -> (book: URL, contents: BookContents) {
        if let built = Self.built { return built }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bindery-reading-\(getpid())")
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let archive = folder.appendingPathComponent("week"), book = folder.appendingPathComponent("week.epub")
        let bench = BinderyProcess.executable.deletingLastPathComponent().appendingPathComponent("bindery-bench")
        guard FileManager.default.isExecutableFile(atPath: bench.path) else {
            let reason = "bindery-bench is not built beside bindery (swift build --build-tests builds it)"
            if ProcessInfo.processInfo.environment["CI"] != nil { XCTFail(reason) }
            throw XCTSkip(reason)
        }
        let generate = Process()
        generate.executableURL = bench
        generate.arguments = ["generate", "--articles", "500", "--days", "7", "--sources", "9", "--output", archive.path]
        generate.standardOutput = FileHandle.nullDevice
        try generate.run()
        generate.waitUntilExit()
        XCTAssertEqual(generate.terminationStatus, 0)
        let result = try BinderyProcess.run(["epub", archive.path, "-o", book.path, "--time-zone", "Asia/Shanghai", "--offline", "--quiet"],
                                            environment: ["XDG_CACHE_HOME": folder.appendingPathComponent("cache").path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let built = (book, try BookContents(book))
        Self.built = built
        return built
    }

    override class func tearDown() {
        if let book = built?.book { try? FileManager.default.removeItem(at: book.deletingLastPathComponent()) }
        built = nil
        super.tearDown()
    }

    private func page(_ contents: BookContents, _ name: String) -> String {
        contents.xhtmlFiles.first { $0.name == "EPUB/text/" + name }?.content ?? ""
    }

    private func articlePages(_ contents: BookContents) -> [(name: String, content: String)] {
        contents.xhtmlFiles.filter { $0.name.hasPrefix("EPUB/text/a") }
    }

    private static func matches(_ pattern: String, in text: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: pattern)
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).map {
            String(text[Range($0.range(at: 1), in: text)!])
        }
    }

    func testContentsPageListsChaptersNotArticles() throws {
        let (_, contents) = try week()
        let page = page(contents, "contents.xhtml")
        let rows = page.components(separatedBy: "<li>").count - 1
        XCTAssertGreaterThan(rows, 0)
        XCTAssertLessThanOrEqual(rows, 20, "contents page entries")
        XCTAssertLessThanOrEqual(Self.matches(#"href="([^"]+)""#, in: page).count, 80)
        // Every article stays in the nav, under its chapter.
        let nav = contents.xhtmlFiles.first { $0.name == "EPUB/nav.xhtml" }?.content ?? ""
        XCTAssertEqual(Set(Self.matches(#"href="text/(a\d+\.xhtml)""#, in: nav)).count, articlePages(contents).count)
    }

    func testEveryArticleLinksToItsNeighboursAndChapterAndTheLinksResolve() throws {
        let (_, contents) = try week()
        let pages = articlePages(contents).sorted { $0.name < $1.name }
        XCTAssertGreaterThanOrEqual(pages.count, 490)
        let names = Set(contents.entries.map(\.name))
        let spine = Self.matches(#"idref="([^"]+)""#, in: String(decoding: contents.entries.first { $0.name == "EPUB/package.opf" }!.data, as: UTF8.self))
        let order = spine.filter { $0.hasPrefix("a") }.map { $0 + ".xhtml" }
        XCTAssertEqual(order.count, pages.count)
        for (index, name) in order.enumerated() {
            let page = self.page(contents, name)
            let nav = page.components(separatedBy: "<div class=\"page-nav\"").last ?? ""
            XCTAssertTrue(page.contains("<div class=\"page-nav\""), name)
            let previous = Self.matches(#"href="([^"]+)" rel="prev""#, in: nav).first
            let next = Self.matches(#"href="([^"]+)" rel="next""#, in: nav).first
            XCTAssertEqual(previous, index > 0 ? order[index - 1] : nil, name)
            XCTAssertEqual(next, index + 1 < order.count ? order[index + 1] : nil, name)
            let chapter = Self.matches(#"href="(c\d+\.xhtml)(?:#s\d+)?""#, in: nav)
            XCTAssertEqual(chapter.count, 1, name)
            for href in Self.matches(##"href="([^"#]+)"##, in: nav) {
                XCTAssertTrue(names.contains("EPUB/text/" + href), "\(name) → \(href)")
            }
            // The chapter page lists the article it links back from.
            if let chapter = chapter.first { XCTAssertTrue(self.page(contents, chapter).contains("href=\"\(name)\""), name) }
        }
    }

    func testChapterPagesCarrySummariesAndNoneHoldsASingleArticle() throws {
        let (_, contents) = try week()
        let chapters = contents.xhtmlFiles.filter { $0.name.range(of: #"^EPUB/text/c\d+\.xhtml$"#, options: .regularExpression) != nil }
        XCTAssertEqual(chapters.count, 7, "one chapter per day of the week")
        var entries = 0, summarized = 0
        for (name, page) in chapters {
            let items = page.components(separatedBy: "<li class=\"entry\"").dropFirst()
            XCTAssertGreaterThan(items.count, 1, "\(name): a chapter page with a single article")
            entries += items.count
            summarized += items.filter { $0.contains("class=\"entry-summary\"") }.count
            XCTAssertTrue(page.contains("class=\"section-heading\""), "\(name): a large chapter is split by source")
            XCTAssertTrue(page.contains("href=\"contents.xhtml\""), name)
        }
        XCTAssertGreaterThanOrEqual(Double(summarized), 0.95 * Double(entries), "\(summarized) of \(entries) entries summarized")
    }

    func testEnglishPagesInTheChineseBookSayLangEnAndTheStylesheetHasLatinRules() throws {
        let (_, contents) = try week()
        let pages = articlePages(contents)
        let english = pages.filter { $0.content.contains("<html xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:epub=\"http://www.idpf.org/2007/ops\" lang=\"en\"") }
        // The generator writes 30 % English.
        XCTAssertGreaterThan(english.count, pages.count / 5)
        XCTAssertLessThan(english.count, pages.count / 2)
        for (name, page) in english.prefix(20) {
            let title = Self.matches(#"<h1>([^<]+)</h1>"#, in: page).first ?? ""
            XCTAssertNil(title.unicodeScalars.first { (0x4E00...0x9FFF).contains($0.value) }, "\(name): \(title)")
        }
        let css = String(decoding: contents.entries.first { $0.name == "EPUB/styles/bindery.css" }!.data, as: UTF8.self)
        let latin = css.components(separatedBy: ":lang(en) {").dropFirst().first ?? ""
        XCTAssertTrue(latin.contains("hyphens: auto"), latin)
        XCTAssertTrue(latin.contains("line-height: 1.5"), latin)
    }

    func testTitleStartsWithTheDigestAndItsPeriod() throws {
        let (_, contents) = try week()
        let opf = String(decoding: contents.entries.first { $0.name == "EPUB/package.opf" }!.data, as: UTF8.self)
        XCTAssertEqual(Self.matches(#"<dc:title>([^<]+)</dc:title>"#, in: opf), ["新闻周报 · 2024年第2周 · 1月8日–14日"])
        XCTAssertEqual(Self.matches(#"<dc:creator>([^<]+)</dc:creator>"#, in: opf), ["Bindery"])
        XCTAssertGreaterThanOrEqual(Self.matches(#"<dc:contributor>([^<]+)</dc:contributor>"#, in: opf).count, 9)
        XCTAssertTrue(opf.contains("<reference type=\"toc\" title=\"目录\" href=\"text/contents.xhtml\"/>"), opf)
    }

    func testWeekPassesEpubcheckCleanly() throws {
        let (book, _) = try week()
        let check = try ExternalTool.epubcheck(book)
        XCTAssertEqual(check.errors, 0, check.output)
        XCTAssertEqual(check.warnings, 0, check.output)
    }
}
