import XCTest

/// `bindery markdown` and `bindery text` from the command line.
final class TextExportTests: XCTestCase {
    func testMarkdownVaultIsIdempotentAndLeavesOtherNotesAlone() throws {
        let vault = try BinderyProcess.temporaryFolder(self).appendingPathComponent("Vault")
        try FileManager.default.createDirectory(at: vault, withIntermediateDirectories: true)
        let mine = vault.appendingPathComponent("My own note.md")
        try Data("# Mine\n".utf8).write(to: mine)
        let arguments = ["markdown", BinderyProcess.samples.path, "-o", vault.path, "--time-zone", "Asia/Shanghai"]
        let first = try BinderyProcess.run(arguments)
        XCTAssertEqual(first.status, 0, first.stderr)
        let notes = try FileManager.default.contentsOfDirectory(atPath: vault.path).filter { $0.hasSuffix(".md") }.sorted()
        XCTAssertEqual(notes.count, 25, "24 articles and the user's own note: \(notes)")
        let attachments = try FileManager.default.contentsOfDirectory(atPath: vault.appendingPathComponent("attachments").path)
        XCTAssertFalse(attachments.isEmpty)
        let before = try notes.map { try Data(contentsOf: vault.appendingPathComponent($0)) }

        let second = try BinderyProcess.run(arguments)
        XCTAssertEqual(second.status, 0, second.stderr)
        XCTAssertTrue(second.stderr.contains("(0 changed)"), second.stderr)
        let after = try notes.map { try Data(contentsOf: vault.appendingPathComponent($0)) }
        XCTAssertEqual(before, after)
        XCTAssertEqual(try Data(contentsOf: mine), Data("# Mine\n".utf8))
    }

    func testMarkdownNotesLinkTheirAttachments() throws {
        let vault = try BinderyProcess.temporaryFolder(self)
        let result = try BinderyProcess.run(["markdown", BinderyProcess.samples.path, "-o", vault.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        var linked = 0
        for note in try FileManager.default.contentsOfDirectory(atPath: vault.path) where note.hasSuffix(".md") {
            let text = try String(contentsOf: vault.appendingPathComponent(note), encoding: .utf8)
            for match in text.matches(of: #/\]\((attachments/[0-9a-f]{16}\.(png|jpg|gif|webp|svg))\)/#) {
                linked += 1
                XCTAssertTrue(FileManager.default.fileExists(atPath: vault.appendingPathComponent(String(match.1)).path), "\(note): \(match.1)")
            }
            XCTAssertFalse(text.contains("<script"), note)
        }
        XCTAssertGreaterThan(linked, 0)
    }

    func testSingleFileMarkdownAndTextGoToStandardOutput() throws {
        let markdown = try BinderyProcess.run(["markdown", BinderyProcess.samples.path, "--single-file", "-o", "-", "--language", "en"])
        XCTAssertEqual(markdown.status, 0, markdown.stderr)
        XCTAssertTrue(markdown.stdout.hasPrefix("---\ntitle: "), markdown.stdout)
        XCTAssertTrue(markdown.stdout.contains("\n## "), "no day headings")
        XCTAssertTrue(markdown.stdout.contains("\n### Port Alder harbour reopens after the January storm\n"))

        let text = try BinderyProcess.run(["text", BinderyProcess.samples.path, "-o", "-", "--width", "50"])
        XCTAssertEqual(text.status, 0, text.stderr)
        XCTAssertTrue(text.stdout.contains("Port Alder harbour reopens after the January storm\n-----"), text.stdout)
        XCTAssertTrue(text.stdout.contains("[Image: "))
    }

    func testTextFileIsWrittenAtomicallyAndDeterministically() throws {
        let folder = try BinderyProcess.temporaryFolder(self)
        let a = folder.appendingPathComponent("a.txt"), b = folder.appendingPathComponent("b.txt")
        for file in [a, b] {
            let result = try BinderyProcess.run(["text", BinderyProcess.samples.path, "-o", file.path, "--time-zone", "UTC"])
            XCTAssertEqual(result.status, 0, result.stderr)
        }
        XCTAssertEqual(try Data(contentsOf: a), try Data(contentsOf: b))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted(), ["a.txt", "b.txt"])
    }

    func testTextWidthAndVaultToStdoutAreUsageErrors() throws {
        let samples = BinderyProcess.samples.path
        XCTAssertEqual(try BinderyProcess.run(["text", samples, "-o", "-", "--width", "5"]).status, 2)
        XCTAssertEqual(try BinderyProcess.run(["markdown", samples, "-o", "-"]).status, 2)
        XCTAssertEqual(try BinderyProcess.run(["markdown", samples, "-o", "/tmp/x", "--images", "inline"]).status, 2)
    }

    /// A GBK file (as old Chinese sites and editors save them) and a UTF-16
    /// one (Windows "Unicode") are read, not skipped; an archive of them is
    /// reported once per encoding.
    func testFilesNotInUTF8AreReadAndReportedOncePerEncoding() throws {
        let folder = try BinderyProcess.temporaryFolder(self)
        func hex(_ text: String) -> [UInt8] {
            stride(from: 0, to: text.count, by: 2).map { UInt8(text.dropFirst($0).prefix(2), radix: 16)! }
        }
        // 新闻 and 港口的船只在清晨离开 in GBK.
        let (title, body) = (hex("d0c2cec5"), hex("b8dbbfdab5c4b4acd6bbd4dac7e5b3bfc0ebbfaa"))
        for index in 1...2 {
            let bytes = Array("<!--1705700343000-->\n[".utf8) + title + Array("](https://example.com/\(index).html)\n---\n\n<p>".utf8)
                + body + Array("</p>".utf8)
            try Data(bytes).write(to: folder.appendingPathComponent("00\(index).txt"))
        }
        let utf16 = "<!--1705700343000-->\n[Harbour 港口](https://example.com/3.html)\n---\n\n<p>Boats 船只 leave.</p>"
        try Data([0xFF, 0xFE] + Array(utf16.data(using: .utf16LittleEndian)!)).write(to: folder.appendingPathComponent("003.txt"))

        let result = try BinderyProcess.run(["text", folder.path, "-o", "-", "--time-zone", "UTC"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout.components(separatedBy: "港口的船只在清晨离开").count - 1, 2, result.stdout)
        XCTAssertTrue(result.stdout.contains("新闻\n"), result.stdout)
        XCTAssertTrue(result.stdout.contains("Harbour 港口\n"), result.stdout)
        XCTAssertTrue(result.stdout.contains("Boats 船只 leave."), result.stdout)
        XCTAssertTrue(result.stderr.contains("warning: 2 files not in UTF-8, read as GB18030"), result.stderr)
        XCTAssertTrue(result.stderr.contains("003.txt: not UTF-8: read as UTF-16LE"), result.stderr)
    }
}
