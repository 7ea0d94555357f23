import XCTest

/// The main job end to end: archive folders in, a valid EPUB out.
final class EpubExportTests: XCTestCase {
    func testSamplesBookPassesEpubcheckCleanly() throws {
        let folder = try BinderyProcess.temporaryFolder(self)
        let book = folder.appendingPathComponent("samples.epub")
        let result = try BinderyProcess.run(["epub", BinderyProcess.samples.path, "--output", book.path,
                                             "--time-zone", "Asia/Shanghai", "--strict"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.contains("articles"), "no summary: \(result.stderr)")
        let check = try ExternalTool.epubcheck(book)
        XCTAssertEqual(check.errors, 0, check.output)
        XCTAssertEqual(check.warnings, 0, check.output)
    }

    func testReferenceArticleBookPassesEpubcheckCleanly() throws {
        let reference = BinderyProcess.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/reference")
        guard FileManager.default.fileExists(atPath: reference.path) else {
            if ProcessInfo.processInfo.environment["CI"] != nil { XCTFail("../shared/reference is missing") }
            throw XCTSkip("../shared/reference is not beside the package")
        }
        let book = try BinderyProcess.temporaryFolder(self).appendingPathComponent("reference.epub")
        let result = try BinderyProcess.run(["epub", reference.path, "-o", book.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let check = try ExternalTool.epubcheck(book)
        XCTAssertEqual(check.errors, 0, check.output)
        XCTAssertEqual(check.warnings, 0, check.output)
        let text = try BookContents(book).allText
        XCTAssertTrue(text.contains("巴基斯坦和伊朗同意缓和局势"))
        XCTAssertTrue(text.contains("两国都指责对方在应对安全挑战方面做得不够"), "last sentence lost")
    }

    func testSameInputGivesByteIdenticalBooks() throws {
        let folder = try BinderyProcess.temporaryFolder(self)
        let first = folder.appendingPathComponent("a.epub"), second = folder.appendingPathComponent("b.epub")
        for book in [first, second] {
            let result = try BinderyProcess.run(["epub", BinderyProcess.samples.path, "-o", book.path, "--time-zone", "UTC"])
            XCTAssertEqual(result.status, 0, result.stderr)
        }
        XCTAssertEqual(try Data(contentsOf: first), try Data(contentsOf: second))
    }

    func testNoScriptHandlerOrRemoteResourceReachesTheBook() throws {
        let book = try BinderyProcess.temporaryFolder(self).appendingPathComponent("s.epub")
        let result = try BinderyProcess.run(["epub", BinderyProcess.samples.path, "-o", book.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        for (name, content) in try BookContents(book).xhtmlFiles {
            let lower = content.lowercased()
            XCTAssertFalse(lower.contains("<script"), name)
            XCTAssertFalse(lower.contains("javascript:"), name)
            XCTAssertNil(lower.range(of: #"\son[a-z]+\s*="#, options: .regularExpression), "\(name): event handler")
            XCTAssertNil(lower.range(of: #"<(img|source|video|audio|iframe|embed|object)[^>]+(src|srcset|data)\s*=\s*"(https?:)?//"#,
                                     options: .regularExpression), "\(name): remote resource")
        }
    }

    func testFailedExportLeavesExistingFileUntouched() throws {
        let folder = try BinderyProcess.temporaryFolder(self)
        let book = folder.appendingPathComponent("keep.epub")
        try Data("precious".utf8).write(to: book)
        // A selection that matches nothing fails the export (exit 1) …
        let result = try BinderyProcess.run(["epub", BinderyProcess.samples.path, "-o", book.path,
                                             "--since", "1999-01-01", "--until", "1999-01-02"])
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertTrue(result.stderr.contains("nothing to export"), result.stderr)
        // … and the file that was there is exactly as it was, with no temporary beside it.
        XCTAssertEqual(try Data(contentsOf: book), Data("precious".utf8))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["keep.epub"])
    }

    func testOutputIntoMissingFolderFailsCleanly() throws {
        let folder = try BinderyProcess.temporaryFolder(self)
        let result = try BinderyProcess.run(["epub", BinderyProcess.samples.path,
                                             "-o", folder.appendingPathComponent("no/such/dir/x.epub").path])
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertTrue(result.stderr.contains("x.epub"), result.stderr)
    }

    func testBadFilesAreReportedAndSkippedNotFatal() throws {
        let folder = try BinderyProcess.temporaryFolder(self)
        let archive = folder.appendingPathComponent("archive")
        try FileManager.default.createDirectory(at: archive, withIntermediateDirectories: true)
        try Data("""
            <!--1705700343000-->
            [A good article](https://example.com/news/good.html)
            ------

            <p>Still here.</p>
            """.utf8).write(to: archive.appendingPathComponent("001_good.txt"))
        try Data([0x00, 0xFF, 0x13, 0x37, 0x00, 0x00, 0xC3, 0x28]).write(to: archive.appendingPathComponent("002_junk.txt"))
        try Data().write(to: archive.appendingPathComponent("003_empty.txt"))
        let book = folder.appendingPathComponent("b.epub")
        let result = try BinderyProcess.run(["epub", archive.path, "-o", book.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.contains("002_junk.txt"), result.stderr)
        XCTAssertTrue(result.stderr.contains("003_empty.txt"), result.stderr)
        XCTAssertTrue(try BookContents(book).allText.contains("Still here."))

        let strict = try BinderyProcess.run(["epub", archive.path, "-o", book.path, "--strict"])
        XCTAssertEqual(strict.status, 1, strict.stderr)
    }

    func testNothingToExportExitsOne() throws {
        let folder = try BinderyProcess.temporaryFolder(self)
        let result = try BinderyProcess.run(["epub", folder.path, "-o", folder.appendingPathComponent("x.epub").path])
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("x.epub").path))
    }

    func testListShowsChaptersArticlesAndImageCounts() throws {
        let result = try BinderyProcess.run(["list", BinderyProcess.samples.path, "--time-zone", "UTC", "--language", "en"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("January 2024"), result.stdout)
        XCTAssertTrue(result.stdout.contains("image"), result.stdout)
        XCTAssertNotNil(result.stdout.range(of: #"\d+ articles, \d+ chapters"#, options: .regularExpression), result.stdout)
    }
}

/// The files of an EPUB, read with `unzip`.
struct BookContents {
    var entries: [(name: String, data: Data)] = []

    init(_ epub: URL) throws {
        let unzip = try ExternalTool.require("unzip")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bindery-unzip-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: unzip)
        process.arguments = ["-q", epub.path, "-d", folder.path]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CocoaError(.fileReadCorruptFile) }
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
            if isDirectory.boolValue { continue }
            let name = String(url.path.dropFirst(folder.path.count + 1))
            entries.append((name, try Data(contentsOf: url)))
        }
        entries.sort { $0.name < $1.name }
    }

    var xhtmlFiles: [(name: String, content: String)] {
        entries.filter { $0.name.hasSuffix(".xhtml") }.map { ($0.name, String(decoding: $0.data, as: UTF8.self)) }
    }

    /// The text of every page, tags removed.
    var allText: String {
        xhtmlFiles.map { $0.content.replacingOccurrences(of: #"<[^>]+>"#, with: "", options: .regularExpression) }
            .joined(separator: "\n")
    }
}
