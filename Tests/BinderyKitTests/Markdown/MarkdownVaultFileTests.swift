import XCTest
@testable import BinderyKit

final class MarkdownVaultFileTests: XCTestCase {
    typealias F = MarkdownExportFixtures

    private func exporter() -> MarkdownExporter {
        MarkdownExporter(options: MarkdownExportOptions(), metadata: F.metadata, digest: F.digest)
    }

    func testExistingClassifiesWhatIsAtAName() throws {
        let folder = try F.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("folder.md"), withIntermediateDirectories: false)
        try Data([0x41, 0xFF]).write(to: folder.appendingPathComponent("binary.md"))
        try Data([0xEF, 0xBB, 0xBF, 0x41]).write(to: folder.appendingPathComponent("bom.md"))
        let big = String(repeating: "é", count: 50_000)
        try Data(big.utf8).write(to: folder.appendingPathComponent("big.md"))
        XCTAssertEqual(mkfifo(folder.appendingPathComponent("fifo.md").path, 0o644), 0)
        let vault = try VaultFolder(path: folder.path)
        guard case .absent = vault.existing("missing.md") else { return XCTFail("missing file") }
        guard case .unreadable = vault.existing("fifo.md") else { return XCTFail("a FIFO is not a note (and must not block)") }
        guard case .unreadable = vault.existing("folder.md") else { return XCTFail("a folder is not a note") }
        guard case .unreadable = vault.existing("binary.md") else { return XCTFail("not UTF-8") }
        guard case .file(let bytes, let text) = vault.existing("bom.md") else { return XCTFail("UTF-8 file") }
        XCTAssertEqual(bytes, [0xEF, 0xBB, 0xBF, 0x41])
        XCTAssertEqual(text, "A", "the byte-order mark is not text")
        guard case .file(_, let bigText) = vault.existing("big.md") else { return XCTFail("big file") }
        XCTAssertEqual(bigText, big)
        // The listing is taken when the folder is opened; a name it lacks is free.
        try Data("late".utf8).write(to: folder.appendingPathComponent("late.md"))
        guard case .absent = vault.existing("late.md") else { return XCTFail("not listed when opened") }
        guard case .file = try VaultFolder(path: folder.path).existing("late.md") else { return XCTFail("listed on a new open") }
    }

    func testWriteReplacesAtomicallyAndLeavesNoTemporary() throws {
        let folder = try F.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("old".utf8).write(to: folder.appendingPathComponent("n.md"))
        let vault = try VaultFolder(path: folder.path)
        try Array("new".utf8).withUnsafeBytes { try vault.write($0, name: "n.md") }
        try Array("more".utf8).withUnsafeBytes { try vault.write($0, name: "m.md") }
        // Appeared after the listing: a new note's unnamed file cannot take
        // the name, so the note is renamed into place instead.
        try Data("theirs".utf8).write(to: folder.appendingPathComponent("late.md"))
        try Array("ours".utf8).withUnsafeBytes { try vault.write($0, name: "late.md") }
        XCTAssertEqual(try String(contentsOf: folder.appendingPathComponent("n.md"), encoding: .utf8), "new")
        XCTAssertEqual(try String(contentsOf: folder.appendingPathComponent("m.md"), encoding: .utf8), "more")
        XCTAssertEqual(try String(contentsOf: folder.appendingPathComponent("late.md"), encoding: .utf8), "ours")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted(), ["late.md", "m.md", "n.md"])
        let mode = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent("m.md").path)[.posixPermissions] as? Int
        XCTAssertEqual(mode.map { $0 & 0o600 }, 0o600, "a new note is an ordinary file its owner can read and write")
        XCTAssertThrowsError(try Array("x".utf8).withUnsafeBytes { try vault.write($0, name: "gone/n.md") })
        XCTAssertThrowsError(try VaultFolder(path: folder.path + "/gone"), "a missing folder")
    }

    func testFolderOrBinaryFileAtANotesPathIsSkipped() throws {
        let folder = try F.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("No date.md"), withIntermediateDirectories: false)
        try Data([0xFF, 0xFE]).write(to: folder.appendingPathComponent("No date (2).md"))
        let summary = try exporter().export(F.source, to: folder)
        XCTAssertEqual(summary.notes.last, "No date (3).md")
        XCTAssertEqual(try Data(contentsOf: folder.appendingPathComponent("No date (2).md")), Data([0xFF, 0xFE]))
    }

    func testOwnNoteKeepsItsCreatedDateAndIsRewrittenWhenChanged() throws {
        let folder = try F.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try exporter().export(F.source, to: folder)
        let url = folder.appendingPathComponent("No date.md")
        let original = try String(contentsOf: url, encoding: .utf8)
        let edited = original.replacingOccurrences(of: "created: \"2024-01-23\"", with: "created: \"2020-02-02\"") + "my addition\n"
        XCTAssertNotEqual(edited, original + "my addition\n", "fixture has the expected created date")
        try Data(edited.utf8).write(to: url)
        let summary = try exporter().export(F.source, to: folder)
        XCTAssertEqual(summary.notesWritten, 1)
        XCTAssertEqual(summary.notes.last, "No date.md")
        XCTAssertEqual(try String(contentsOf: url, encoding: .utf8),
                       original.replacingOccurrences(of: "created: \"2024-01-23\"", with: "created: \"2020-02-02\""))
    }

    func testPaddingMatchesPrintf() {
        XCTAssertEqual(MarkdownFrontMatter.padded(7, 2), "07")
        XCTAssertEqual(MarkdownFrontMatter.padded(2024, 4), "2024")
        XCTAssertEqual(MarkdownFrontMatter.padded(12345, 4), "12345")
        XCTAssertEqual(MarkdownFrontMatter.padded(-5, 4), String(format: "%04d", -5))
        XCTAssertEqual(MarkdownFrontMatter.padded(0, 4), "0000")
    }

    func testBlankMeansFoundationWhitespaceOnly() {
        for text in ["", " \t\n\r\u{0B}\u{0C}", "\u{85}\u{A0}\u{2003}\u{2028}\u{2029}\u{3000}", "x", " a ", "\u{200B}", "\u{180E}", "\u{200B}x"] {
            XCTAssertEqual(text.isBlank, text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, text.debugDescription)
        }
    }

    func testPrecomputedNameKeyClaimsLikeTheName() {
        var namer = NoteFileNamer()
        XCTAssertEqual(namer.claim(stem: "Café", extension: "md", key: NoteFileNamer.key("Café.md")), "Café.md")
        XCTAssertEqual(namer.claim(stem: "CAFE\u{301}", extension: "md", key: NoteFileNamer.key("CAFE\u{301}.md")), "CAFE\u{301} (2).md")
    }
}

final class MarkdownFileNameCharacterTests: XCTestCase {
    /// The ASCII shortcut agrees with the rule: controls, separators, and
    /// the characters file systems or vault links reserve become spaces.
    func testEveryForbiddenCharacterBecomesASpace() {
        for scalar in ["\u{1}", "\u{1F}", "\u{7F}", "\u{85}", "\u{A0}", "\u{2028}", "\u{2029}", "\u{3000}", "\u{FEFF}", "\u{200B}",
                       "/", "\\", ":", "*", "?", "\"", "<", ">", "|", "#", "^", "[", "]", "\t"] {
            XCTAssertEqual(NoteFileName.stem("a" + scalar + "b"), "a b", scalar.debugDescription)
        }
        for kept in ["-", "_", "'", "!", "(", "é", "中", "~", "{", "@"] {
            XCTAssertEqual(NoteFileName.stem("a" + kept + "b"), "a" + kept + "b", kept)
        }
    }
}
