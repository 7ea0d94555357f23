import XCTest

/// The picture options from the command line: devices and sizes for books
/// and notes, the user's cover, the size budget, and their usage errors.
final class PictureOptionsTests: XCTestCase {
    func testHelpNamesThePictureOptions() throws {
        let epub = try BinderyProcess.run(["epub", "--help"]).stdout
        for option in ["--device", "kindle-scribe", "--image-size", "--grayscale", "--no-grayscale", "--image-quality",
                       "--cover", "--no-cover", "--max-size"] {
            XCTAssertTrue(epub.contains(option), "epub help lacks \(option)")
        }
        let markdown = try BinderyProcess.run(["markdown", "--help"]).stdout
        for option in ["--device", "--image-size", "--image-quality"] {
            XCTAssertTrue(markdown.contains(option), "markdown help lacks \(option)")
        }
        XCTAssertFalse(markdown.contains("--max-size"), "notes have no size budget")
    }

    func testBadPictureOptionsAreUsageErrors() throws {
        let folder = try BinderyProcess.temporaryFolder(self)
        let out = folder.appendingPathComponent("x.epub").path
        let text = folder.appendingPathComponent("not-a-picture.jpg")
        try Data("hello".utf8).write(to: text)
        let samples = BinderyProcess.samples.path
        let cases: [[String]] = [
            ["epub", samples, "-o", out, "--device", "kindle-oasis-9"],
            ["epub", samples, "-o", out, "--image-size", "1072"],
            ["epub", samples, "-o", out, "--image-size", "5x5"],
            ["epub", samples, "-o", out, "--image-quality", "0"],
            ["epub", samples, "-o", out, "--max-size", "lots"],
            ["epub", samples, "-o", out, "--max-size", "10KB"],
            ["epub", samples, "-o", out, "--cover", text.path],
            ["epub", samples, "-o", out, "--cover", "/no/such/cover.jpg"],
        ]
        for arguments in cases {
            let result = try BinderyProcess.run(arguments)
            XCTAssertEqual(result.status, 2, "\(arguments): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains("--"), "\(arguments) printed no reason: \(result.stderr)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: out))
    }

    /// The user's picture is the cover (fitted, never enlarged, grey like the
    /// book); the summary says how many pictures were processed.
    func testCoverFileWinsAndGreyBookSaysWhatItDid() throws {
        let folder = try BinderyProcess.temporaryFolder(self)
        let book = folder.appendingPathComponent("b.epub")
        let cover = BinderyProcess.samples.appendingPathComponent("images/harbour@2x.png")
        let result = try BinderyProcess.run(["epub", BinderyProcess.samples.path, "-o", book.path, "--device", "kindle",
                                             "--cover", cover.path, "--cache", folder.appendingPathComponent("cache").path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.contains("pictures processed"), result.stderr)
        let contents = try BookContents(book)
        let opf = String(decoding: try XCTUnwrap(contents.entries.first { $0.name == "EPUB/package.opf" }).data, as: UTF8.self)
        let match = try XCTUnwrap(opf.firstMatch(of: #/href="(images/[^"]+)" media-type="image/[a-z]+" properties="cover-image"/#))
        let coverData = try XCTUnwrap(contents.entries.first { $0.name == "EPUB/" + match.1 }).data
        XCTAssertEqual(coverData.prefix(4), Data([0x89, 0x50, 0x4E, 0x47]), "the user's drawing stays a PNG")
        XCTAssertEqual(coverData[16..<24], Data([0, 0, 0x01, 0x40, 0, 0, 0, 0xC8]), "320×200, not enlarged")
        XCTAssertEqual(coverData[25], 0, "grey, as the Kindle book is")
        XCTAssertTrue(contents.entries.contains { $0.name == "EPUB/text/cover.xhtml" })
    }

    /// A split book: the summary and `--report` name every volume, and the
    /// report's picture count is the volumes' together.
    func testSplitBookIsReportedVolumeByVolume() throws {
        let folder = try BinderyProcess.temporaryFolder(self)
        let book = folder.appendingPathComponent("week.epub"), report = folder.appendingPathComponent("report.json")
        let result = try BinderyProcess.run(["epub", BinderyProcess.samples.path, "-o", book.path, "--offline",
                                             "--cache", folder.appendingPathComponent("cache").path,
                                             "--since", "2024-01-08", "--until", "2024-01-09", "--time-zone", "UTC",
                                             "--max-size", "100KB", "--report", report.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: book.path), "only volumes are written")
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: report)) as? [String: Any])
        let output = try XCTUnwrap(json["output"] as? [String: Any])
        let volumes = try XCTUnwrap(output["volumes"] as? [[String: Any]], "\(output)")
        XCTAssertGreaterThan(volumes.count, 1)
        var bytes = 0, articles = 0
        for (index, volume) in volumes.enumerated() {
            let path = try XCTUnwrap(volume["path"] as? String)
            XCTAssertTrue(path.hasSuffix("week (\(index + 1) of \(volumes.count)).epub"), path)
            XCTAssertTrue(result.stderr.contains(path), "the summary names \(path)")
            XCTAssertEqual(volume["bytes"] as? Int, Int(fileSize(URL(fileURLWithPath: path))), path)
            bytes += volume["bytes"] as? Int ?? 0
            articles += volume["articles"] as? Int ?? 0
        }
        XCTAssertEqual(output["bytes"] as? Int, bytes)
        XCTAssertEqual(output["articles"] as? Int, articles)
        XCTAssertEqual(output["articles"] as? Int, 4)
        let pictures = try XCTUnwrap(json["pictures"] as? [String: Any])
        XCTAssertEqual(pictures["bundled"] as? Int, 2, "the two article pictures; the drawn covers are no article pictures")
    }

    private func fileSize(_ url: URL) -> Int64 {
        (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?.int64Value ?? -1
    }

    func testMarkdownAttachmentsFollowImageSize() throws {
        let vault = try BinderyProcess.temporaryFolder(self)
        let result = try BinderyProcess.run(["markdown", BinderyProcess.samples.path, "-o", vault.path, "--image-size", "100x60",
                                             "--cache", vault.appendingPathComponent(".cache").path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let folder = vault.appendingPathComponent("attachments")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        XCTAssertFalse(names.isEmpty)
        for name in names {
            let data = try Data(contentsOf: folder.appendingPathComponent(name))
            let (width, height) = try XCTUnwrap(Self.size(data), name)
            XCTAssertLessThanOrEqual(width, 100, name)
            XCTAssertLessThanOrEqual(height, 60, name)
        }
    }

    /// Width and height of a PNG (IHDR) or baseline JPEG (SOF0).
    static func size(_ data: Data) -> (Int, Int)? {
        let b = [UInt8](data)
        if b.starts(with: [0x89, 0x50, 0x4E, 0x47]), b.count >= 24 {
            return (Int(b[16]) << 24 | Int(b[17]) << 16 | Int(b[18]) << 8 | Int(b[19]),
                    Int(b[20]) << 24 | Int(b[21]) << 16 | Int(b[22]) << 8 | Int(b[23]))
        }
        var i = 2
        while i + 8 < b.count, b[i] == 0xFF {
            if (0xC0...0xC2).contains(b[i + 1]) { return (Int(b[i + 7]) << 8 | Int(b[i + 8]), Int(b[i + 5]) << 8 | Int(b[i + 6])) }
            i += 2 + (Int(b[i + 2]) << 8 | Int(b[i + 3]))
        }
        return nil
    }
}
