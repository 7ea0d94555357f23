import XCTest
@testable import BinderyKit

final class MarkdownExporterTests: XCTestCase {
    typealias F = MarkdownExportFixtures

    private func exporter(_ options: MarkdownExportOptions = MarkdownExportOptions()) -> MarkdownExporter {
        MarkdownExporter(options: options, metadata: F.metadata, digest: F.digest)
    }

    private func files(in folder: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
            if !isDirectory.boolValue {
                result[String(url.path.dropFirst(folder.path.count + 1))] = try Data(contentsOf: url)
            }
        }
        return result
    }

    func testVaultWritesOneNotePerArticleWithSafeDistinctNames() throws {
        let folder = try F.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let summary = try exporter().export(F.source, to: folder)
        XCTAssertEqual(summary.notes, [
            "2024-01-20 Markets rally live.md",
            "2024-01-21 Same title.md",
            "2024-01-21 same TITLE (2).md",
            "No date.md",
        ])
        XCTAssertEqual(summary.notesWritten, 4)
        XCTAssertEqual(summary.attachmentsWritten, 1)
        let written = try files(in: folder)
        XCTAssertEqual(written["attachments/0123456789abcdef.png"], F.image.data)
        let note = String(decoding: written["2024-01-20 Markets rally live.md"] ?? Data(), as: UTF8.self)
        XCTAssertEqual(note, """
            ---
            title: "Markets: \\"rally\\" [live]"
            source: "https://www.example.com/a"
            author: "example.com"
            published: "2024-01-20T05:43:59+08:00"
            created: "2024-01-23"
            description: "Stocks rose on Friday."
            tags:
              - "news"
            ---

            ![chart](attachments/0123456789abcdef.png)

            *The chart*

            Stocks rose on Friday. Then they fell.

            """)
        let chinese = String(decoding: written["2024-01-21 Same title.md"] ?? Data(), as: UTF8.self)
        XCTAssertTrue(chinese.contains("description: \"第一句话。\""), chinese)
        let undated = String(decoding: written["No date.md"] ?? Data(), as: UTF8.self)
        XCTAssertFalse(undated.contains("published:"))
        XCTAssertTrue(undated.hasSuffix("---\n"))
    }

    func testReExportIsByteIdenticalAndKeepsOtherFiles() throws {
        let folder = try F.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let userNote = folder.appendingPathComponent("My own note.md")
        try Data("mine".utf8).write(to: userNote)
        _ = try exporter().export(F.source, to: folder)
        let before = try files(in: folder)
        let modified = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent("No date.md").path)[.modificationDate] as? Date

        // A day later the clock has moved on; the notes must not change.
        var later = exporter()
        later.metadata.modified = F.metadata.modified.addingTimeInterval(86_400 * 3)
        let summary = try later.export(F.source, to: folder)
        XCTAssertEqual(summary.notesWritten, 0)
        XCTAssertEqual(summary.attachmentsWritten, 0)
        XCTAssertEqual(try files(in: folder), before)
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent("No date.md").path)[.modificationDate] as? Date, modified)
        XCTAssertEqual(try String(contentsOf: userNote, encoding: .utf8), "mine")
        XCTAssertFalse(before.keys.contains { $0.hasSuffix(".tmp") })
    }

    func testUsersNoteOfTheSameNameIsNeverOverwritten() throws {
        let folder = try F.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let users = folder.appendingPathComponent("No date.md")
        try Data("my own thoughts".utf8).write(to: users)
        let summary = try exporter().export(F.source, to: folder)
        XCTAssertEqual(summary.notes.last, "No date (2).md")
        XCTAssertEqual(try String(contentsOf: users, encoding: .utf8), "my own thoughts")
        // Re-exporting finds its own note again.
        XCTAssertEqual(try exporter().export(F.source, to: folder).notes.last, "No date (2).md")
    }

    func testRemoteAndNoImageModesWriteNoAttachments() throws {
        for mode in [MarkdownImageMode.remote, .none] {
            let folder = try F.temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let summary = try exporter(MarkdownExportOptions(images: mode)).export(F.source, to: folder)
            XCTAssertEqual(summary.attachmentsWritten, 0)
            XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("attachments").path))
        }
    }

    func testUserTagsFollowTheDefault() throws {
        let folder = try F.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try exporter(MarkdownExportOptions(tags: ["news", "week 3"])).export(F.source, to: folder)
        let note = try String(contentsOf: folder.appendingPathComponent("No date.md"), encoding: .utf8)
        XCTAssertTrue(note.contains("tags:\n  - \"news\"\n  - \"week-3\"\n"), note)
    }

    func testSingleFileDigest() throws {
        let folder = try F.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("digest.md")
        let summary = try exporter(MarkdownExportOptions(layout: .singleFile)).export(F.source, to: file)
        XCTAssertEqual(summary.notes, ["digest.md"])
        XCTAssertEqual(summary.attachmentsWritten, 1)
        let text = try String(contentsOf: file, encoding: .utf8)
        XCTAssertTrue(text.hasPrefix("---\ntitle: \"Week 3: News\"\n"), text)
        XCTAssertTrue(text.contains("\n# Week 3: News\n\n## Saturday, 20 January 2024\n\n### Markets: \"rally\" [live]\n"), text)
        XCTAssertTrue(text.contains("\n## Sunday, 21 January 2024\n"), text)
        XCTAssertTrue(text.contains("*[example.com](https://www.example.com/a) · 20 January 2024, 05:43*"), text)
        XCTAssertTrue(text.contains("![chart](attachments/0123456789abcdef.png)"), text)
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent("attachments/0123456789abcdef.png").path))
        // Chapter order and article order are the book's.
        let positions = ["## Saturday, 20 January 2024", "### Markets", "## Sunday, 21 January 2024", "### Same title", "### same TITLE",
                         "## Undated", "### No date"]
            .map { text.range(of: $0)?.lowerBound }
        XCTAssertFalse(positions.contains(nil))
        XCTAssertEqual(positions.compactMap { $0 }, positions.compactMap { $0 }.sorted())

        let again = try exporter(MarkdownExportOptions(layout: .singleFile)).export(F.source, to: file)
        XCTAssertEqual(again.notesWritten, 0)
        XCTAssertEqual(try String(contentsOf: file, encoding: .utf8), text)
    }

    func testStandardOutputKeepsImagesRemote() {
        let options = MarkdownExportOptions(layout: .singleFile, images: .attachments)
        XCTAssertEqual(options.effectiveImages(toStandardOutput: true), .remote)
        XCTAssertFalse(options.bindsPictures(toStandardOutput: true))
        XCTAssertTrue(options.bindsPictures())
        XCTAssertEqual(OutputTarget(path: "-"), .standardOutput)
    }
}
