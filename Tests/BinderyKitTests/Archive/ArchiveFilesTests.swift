@testable import BinderyKit
import XCTest

/// Which files a scan reads, which it rejects and why, and in what order.
final class ArchiveFilesTests: XCTestCase {
    func testFoldersAreWalkedSkippingHiddenAndOtherExtensions() throws {
        let folder = try ArchiveFixtureFolder()
        try folder.write("a.txt", ArchiveFixtures.article(url: "https://example.com/a"))
        try folder.write("sub/deeper/b.md", ArchiveFixtures.article(url: "https://example.com/b"))
        try folder.write("c.TXT", ArchiveFixtures.article(url: "https://example.com/c"))
        try folder.write(".hidden.txt", ArchiveFixtures.article(url: "https://example.com/h1"))
        try folder.write(".git/d.txt", ArchiveFixtures.article(url: "https://example.com/h2"))
        try folder.write("notes.html", ArchiveFixtures.article(url: "https://example.com/x"))
        try folder.write("README.md", "# About this archive\n")
        try folder.write("images/pic.png", bytes: [0x89, 0x50, 0x4E, 0x47, 0])
        let scan = ArchiveReader().scan([folder.url])
        XCTAssertEqual(scan.diagnostics, [])
        XCTAssertEqual(scan.articles.map(\.origin.displayName), ["Archive/a.txt", "Archive/c.TXT", "Archive/sub/deeper/b.md"])
        XCTAssertTrue(scan.articles.allSatisfy { $0.origin.root.path == folder.url.path })
        XCTAssertTrue(scan.articles.allSatisfy { $0.origin.root.absoluteString.hasSuffix("/") })
    }

    func testFileGivenDirectly() throws {
        let folder = try ArchiveFixtureFolder()
        let file = try folder.write("x.html", ArchiveFixtures.article())
        let scan = ArchiveReader().scan([file])
        XCTAssertEqual(scan.articles.first?.origin.displayName, "Archive/x.html")
        XCTAssertEqual(scan.articles.first?.origin.root.path, folder.url.path)
    }

    func testOverlappingInputsReadEachFileOnce() throws {
        let folder = try ArchiveFixtureFolder()
        let file = try folder.write("sub/a.txt", ArchiveFixtures.article())
        let forward = ArchiveReader().scan([folder.url, file, folder.url])
        let backward = ArchiveReader().scan([file, folder.url])
        XCTAssertEqual(forward.articles.map(\.origin.displayName), ["Archive/sub/a.txt"])
        XCTAssertEqual(forward.articles, backward.articles)
    }

    func testNonArticlesAreReportedAndSkipped() throws {
        let folder = try ArchiveFixtureFolder()
        try folder.write("empty.txt", "")
        try folder.write("blank.txt", "  \n\n")
        try folder.write("nul.txt", bytes: Array("[a](https://x.org/)\n---\n\n".utf8) + [0, 1, 2, 0])
        // Bytes that no encoding Bindery reads can hold (0xFF and 0x80 lead
        // nothing in GB18030 or Big5; 0x81 and 0x8D are unassigned in Windows-1252).
        try folder.write("junk.txt", bytes: (0..<400).map { [0xFF, 0x80, 0x81, 0x8D][$0 % 4] })
        try folder.write("prose.md", "# Just notes\n\nNo title link here.\n")
        try folder.write("good.txt", ArchiveFixtures.article())
        let scan = ArchiveReader().scan([folder.url])
        XCTAssertEqual(scan.articles.map(\.origin.displayName), ["Archive/good.txt"])
        let messages = Dictionary(uniqueKeysWithValues: scan.diagnostics.map { ($0.file ?? "", $0.message) })
        XCTAssertEqual(messages.count, 5)
        XCTAssertEqual(messages["Archive/empty.txt"], "not an article (empty file); skipped")
        XCTAssertEqual(messages["Archive/blank.txt"], "not an article (empty file); skipped")
        XCTAssertEqual(messages["Archive/nul.txt"], "not an article (binary data: contains NUL bytes); skipped")
        XCTAssertEqual(messages["Archive/junk.txt"], "not an article (not text in UTF-8, UTF-16, GB18030, Big5 or Windows-1252); skipped")
        XCTAssertEqual(messages["Archive/prose.md"], "not an article (no [title](url) link at the top); skipped")
    }

    func testFileLargerThanAnArticleCanBeIsReportedNotRead() throws {
        let folder = try ArchiveFixtureFolder()
        try folder.write("good.txt", ArchiveFixtures.article())
        // An article's head, then (sparse) zeros past the limit: a dump, not news.
        let huge = try folder.write("huge.txt", ArchiveFixtures.article(url: "https://www.example.com/huge.html"))
        XCTAssertEqual(truncate(huge.path, off_t(ArchiveReader.maximumArticleBytes + 1_000_000)), 0)
        let scan = ArchiveReader().scan([folder.url])
        XCTAssertEqual(scan.articles.map(\.origin.displayName), ["Archive/good.txt"])
        XCTAssertEqual(scan.diagnostics.map(\.description),
                       ["warning: Archive/huge.txt: not an article (65.0 MB, larger than an article can be: 64.0 MB); skipped"])
        XCTAssertEqual(scan.diagnostics.first?.kind, .fileSkipped)
    }

    func testFileThatGrewPastTheLimitAfterTheScanIsNotRead() throws {
        let folder = try ArchiveFixtureFolder()
        let file = try folder.write("a.txt", ArchiveFixtures.article())
        let reader = ArchiveReader()
        let article = try XCTUnwrap(reader.scan([folder.url]).articles.first)
        XCTAssertEqual(truncate(file.path, off_t(ArchiveReader.maximumArticleBytes + 1)), 0)
        XCTAssertThrowsError(try reader.loadBody(of: article)) { error in
            XCTAssertEqual(error as? ArchiveError, .notAnArticle(file: "Archive/a.txt", reason: "larger than an article can be: 64.0 MB"))
        }
    }

    func testUnreadableFileIsReported() throws {
        guard getuid() != 0 else { throw XCTSkip("root can read any file") }
        let folder = try ArchiveFixtureFolder()
        let file = try folder.write("locked.txt", ArchiveFixtures.article())
        chmod(file.path, 0)
        let scan = ArchiveReader().scan([folder.url])
        XCTAssertEqual(scan.articles.count, 0)
        XCTAssertEqual(scan.diagnostics.first?.file, "Archive/locked.txt")
        XCTAssertTrue(scan.diagnostics.first?.message.hasPrefix("cannot read file") ?? false)
    }

    func testSpecialFileGivenDirectlyIsReportedNotRead() throws {
        let folder = try ArchiveFixtureFolder()
        let fifo = folder.url.appendingPathComponent("pipe.txt")
        XCTAssertEqual(mkfifo(fifo.path, 0o600), 0)
        let scan = ArchiveReader().scan([fifo, folder.url])
        XCTAssertEqual(scan.articles.count, 0)
        XCTAssertEqual(scan.diagnostics, [.warning("Archive/pipe.txt", "cannot read file: not a regular file", kind: .fileSkipped)])
    }

    func testMissingInputIsReported() {
        let scan = ArchiveReader().scan([URL(fileURLWithPath: "/nonexistent/bindery/input")])
        XCTAssertEqual(scan.articles.count, 0)
        XCTAssertEqual(scan.diagnostics.count, 1)
    }

    func testSymlinksLeavingTheFolderAreNotFollowed() throws {
        let outside = try ArchiveFixtureFolder("Outside")
        let outsideFile = try outside.write("secret.txt", ArchiveFixtures.article(url: "https://example.com/out"))
        let folder = try ArchiveFixtureFolder()
        let inside = try folder.write("real.txt", ArchiveFixtures.article(url: "https://example.com/in"))
        try folder.write("hidden/.x/h.txt", ArchiveFixtures.article(url: "https://example.com/h"))
        let fm = FileManager.default
        try fm.createSymbolicLink(at: folder.url.appendingPathComponent("out-file.txt"), withDestinationURL: outsideFile)
        try fm.createSymbolicLink(at: folder.url.appendingPathComponent("out-folder"), withDestinationURL: outside.url)
        try fm.createSymbolicLink(at: folder.url.appendingPathComponent("same.txt"), withDestinationURL: inside)
        try fm.createSymbolicLink(at: folder.url.appendingPathComponent("loop"), withDestinationURL: folder.url)
        try fm.createSymbolicLink(at: folder.url.appendingPathComponent("link-to-hidden.txt"),
                                  withDestinationURL: folder.url.appendingPathComponent("hidden/.x/h.txt"))
        let scan = ArchiveReader().scan([folder.url])
        XCTAssertEqual(Set(scan.articles.map(\.origin.displayName)), ["Archive/real.txt", "Archive/link-to-hidden.txt"])
        XCTAssertEqual(Set(scan.diagnostics.compactMap(\.file)), ["Archive/out-file.txt", "Archive/out-folder"])
        XCTAssertTrue(scan.diagnostics.allSatisfy { $0.message.contains("outside the input folder") })
    }

    func testOrderIsByInstantThenNameWithUndatedLast() throws {
        let folder = try ArchiveFixtureFolder()
        try folder.write("z.txt", ArchiveFixtures.article(epoch: 1_000_000_000_000, url: "https://example.com/1"))
        try folder.write("b.txt", ArchiveFixtures.article(epoch: 2_000_000_000_000, url: "https://example.com/2"))
        try folder.write("a.txt", ArchiveFixtures.article(epoch: 2_000_000_000_000, url: "https://example.com/3"))
        try folder.write("0.txt", ArchiveFixtures.article(epoch: nil, url: "https://example.com/4", dateLine: ""))
        let scan = ArchiveReader().scan([folder.url])
        XCTAssertEqual(scan.articles.map(\.origin.displayName), ["Archive/z.txt", "Archive/a.txt", "Archive/b.txt", "Archive/0.txt"])
    }

    func testManyFilesScanDeterministically() throws {
        let folder = try ArchiveFixtureFolder()
        for i in 0..<120 {
            try folder.write("\(i % 7)/\(i).txt", ArchiveFixtures.article(epoch: 1_700_000_000_000 + Int64(i % 13) * 1000, url: "https://example.com/\(i)"))
        }
        let first = ArchiveReader().scan([folder.url])
        let second = ArchiveReader().scan([folder.url])
        XCTAssertEqual(first.articles.count, 120)
        XCTAssertEqual(first.articles, second.articles)
    }

    // MARK: Real inputs

    /// The project folder's `shared/` sibling (CI and developers have it there).
    static func sharedFolder() -> URL? {
        var folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while folder.path != "/" {
            let candidate = folder.appendingPathComponent("shared/reference")
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate.deletingLastPathComponent() }
            folder = folder.deletingLastPathComponent()
        }
        return nil
    }

    static func packageFolder() -> URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent() // Archive
            .deletingLastPathComponent() // BinderyKitTests
            .deletingLastPathComponent() // Tests
            .deletingLastPathComponent()
    }

    func testReferenceArticle() throws {
        guard let shared = Self.sharedFolder() else {
            if ProcessInfo.processInfo.environment["CI"] != nil { return XCTFail("shared/reference not found beside the package") }
            throw XCTSkip("shared/reference not found beside the package")
        }
        let file = shared.appendingPathComponent("reference/000_d59ca8e82a3761f9.txt")
        let reader = ArchiveReader()
        let scan = reader.scan([file])
        XCTAssertEqual(scan.diagnostics, [])
        let article = try XCTUnwrap(scan.articles.first)
        XCTAssertEqual(article.title, "相互空袭之后，巴基斯坦和伊朗同意缓和局势")
        XCTAssertEqual(article.url?.host, "www.voachinese.com")
        XCTAssertEqual(article.instant, Date(timeIntervalSince1970: 1_705_700_343))
        XCTAssertEqual(article.origin.displayName, "reference/000_d59ca8e82a3761f9.txt")
        let body = try reader.loadBody(of: article)
        XCTAssertTrue(body.hasPrefix("<div><i>Fri, 19 Jan 2024 21:23:59 GMT</i></div><img"))
        XCTAssertEqual(DateLineParser.leadingDateLine(in: body)?.instant, ArchiveFixtures.utc("2024-01-19T21:23:59Z"))
    }

    func testSamplesAreCleanAndSpanWeeks() throws {
        let samples = Self.packageFolder().appendingPathComponent("Samples")
        let scan = ArchiveReader().scan([samples])
        XCTAssertEqual(scan.diagnostics, [], "the quick start must run without warnings")
        XCTAssertGreaterThanOrEqual(scan.articles.count, 20)
        XCTAssertTrue(scan.articles.allSatisfy { $0.instant != nil })
        let utc = TimeZone(identifier: "UTC")!
        let weeks = Set(scan.articles.compactMap(\.instant).map { ISOWeek(containing: $0, timeZone: utc) })
        XCTAssertGreaterThanOrEqual(weeks.count, 2)
        let reader = ArchiveReader()
        for article in scan.articles {
            XCTAssertFalse(try reader.loadBody(of: article).isEmpty, article.origin.displayName)
        }
    }
}
