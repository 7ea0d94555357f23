import XCTest
@testable import BinderyKit

final class ZipWriterTests: XCTestCase {
    private func makeZip(in folder: TestFolder, name: String = "out.zip", _ build: (ZipWriter) throws -> Void) throws -> URL {
        let url = folder.file(name)
        let writer = try ZipWriter(url: url)
        try build(writer)
        try writer.close()
        return url
    }

    private func sampleEntries(_ writer: ZipWriter) throws {
        try writer.add(path: "mimetype", data: Data("application/epub+zip".utf8), method: .store)
        try writer.add(path: "META-INF/container.xml", data: Data(String(repeating: "<container/>", count: 50).utf8), method: .deflate)
        try writer.add(path: "EPUB/b.xhtml", data: Data("bbb".utf8), method: .deflate)
        try writer.add(path: "EPUB/a.xhtml", data: Data(), method: .deflate)
        try writer.add(path: "EPUB/images/x.png", data: Data([0x89, 0x50, 0x4E, 0x47, 0, 1, 2]), method: .store)
    }

    func testEntriesAppearInTheOrderAddedWithTheirContent() throws {
        let folder = try TestFolder()
        let zip = try ZipInspection(try makeZip(in: folder, sampleEntries))
        XCTAssertEqual(zip.names, ["mimetype", "META-INF/container.xml", "EPUB/b.xhtml", "EPUB/a.xhtml", "EPUB/images/x.png"])
        XCTAssertTrue(try zip.testIntegrity())
        XCTAssertEqual(try zip.text(of: "META-INF/container.xml"), String(repeating: "<container/>", count: 50))
        XCTAssertEqual(try zip.text(of: "EPUB/b.xhtml"), "bbb")
        XCTAssertEqual(try zip.contents(of: "EPUB/a.xhtml"), Data())
        XCTAssertEqual(try zip.contents(of: "EPUB/images/x.png"), Data([0x89, 0x50, 0x4E, 0x47, 0, 1, 2]))
    }

    func testReaderListsEveryEntryWithItsMethodAndSizes() throws {
        let folder = try TestFolder()
        let entries = try ZipReader(url: try makeZip(in: folder, sampleEntries)).entries()
        XCTAssertEqual(entries.map(\.name), ["mimetype", "META-INF/container.xml", "EPUB/b.xhtml", "EPUB/a.xhtml", "EPUB/images/x.png"])
        XCTAssertEqual(entries.map(\.isDeflated), [false, true, true, true, false])
        XCTAssertEqual(entries.map(\.size), [20, 600, 3, 0, 7])
        let container = entries[1]
        XCTAssertLessThan(container.compressedSize, container.size, "600 bytes of one repeated tag deflate to far less")
        XCTAssertEqual(entries[4].compressedSize, 7, "stored as is")
    }

    /// OCF 3.3 §4.3: `mimetype` first, uncompressed, no extra field.
    func testMimetypeIsFirstStoredWithoutExtraFieldOrDataDescriptor() throws {
        let folder = try TestFolder()
        let zip = try ZipInspection(try makeZip(in: folder, sampleEntries))
        let first = try XCTUnwrap(zip.entries.first)
        XCTAssertEqual(first.name, "mimetype")
        XCTAssertEqual(first.method, 0)
        XCTAssertEqual(first.extraFieldLength, 0)
        XCTAssertEqual(first.flags & 0x8, 0, "no data descriptor")
        XCTAssertEqual(String(decoding: first.storedBytes, as: UTF8.self), "application/epub+zip")
        // The raw header bytes readers sniff: "PK\3\4" ... "mimetypeapplication/epub+zip" at offset 30.
        let bytes = try Data(contentsOf: zip.url)
        XCTAssertEqual(String(decoding: bytes[30..<58], as: UTF8.self), "mimetypeapplication/epub+zip")
    }

    func testMethodsTimesAndExtraFieldsOfEveryEntry() throws {
        let folder = try TestFolder()
        let zip = try ZipInspection(try makeZip(in: folder, sampleEntries))
        XCTAssertEqual(zip.entries.map(\.method), [0, 8, 8, 8, 0])
        for entry in zip.entries {
            XCTAssertEqual(entry.extraFieldLength, 0, entry.name)
            XCTAssertEqual(entry.flags & 0x8, 0, entry.name)
            // 1980-01-01 00:00 in MS-DOS format.
            XCTAssertEqual(entry.dosDate, (0 << 9) | (1 << 5) | 1, entry.name)
            XCTAssertEqual(entry.dosTime, 0, entry.name)
        }
    }

    func testSameEntriesGiveSameBytesInAnyTimeZone() throws {
        let folder = try TestFolder()
        let first = try Data(contentsOf: try makeZip(in: folder, name: "1.zip", sampleEntries))
        let savedTZ = ProcessInfo.processInfo.environment["TZ"]
        setenv("TZ", "Asia/Shanghai", 1)
        tzset()
        defer {
            if let savedTZ { setenv("TZ", savedTZ, 1) } else { unsetenv("TZ") }
            tzset()
        }
        let second = try Data(contentsOf: try makeZip(in: folder, name: "2.zip", sampleEntries))
        XCTAssertEqual(first, second)
    }

    /// Many entries spread over several staging batches keep their order and
    /// content, and batch boundaries do not change the bytes.
    func testManyEntriesAcrossBatches() throws {
        let folder = try TestFolder()
        let chunk = Data((0..<(1 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 7) })
        let url = try makeZip(in: folder) { writer in
            for i in 0..<40 {
                try writer.add(path: "e\(i).bin", data: chunk + Data("\(i)".utf8), method: i % 3 == 0 ? .store : .deflate)
            }
        }
        let zip = try ZipInspection(url)
        XCTAssertEqual(zip.names, (0..<40).map { "e\($0).bin" })
        XCTAssertTrue(try zip.testIntegrity())
        XCTAssertEqual(try zip.contents(of: "e39.bin"), chunk + Data("39".utf8))
        XCTAssertEqual(zip.entries[3].method, 0)
        XCTAssertEqual(zip.entries[4].method, 8)
    }

    /// The archive reaches its file through a buffer of `ZipFileSink.blockSize`:
    /// entries larger than it have their local header rewritten after the
    /// header's bytes were written out, small ones while still buffered.
    /// Either way every entry reads back whole, and the file is the same
    /// byte for byte as with any other mix of sizes before it.
    func testEntriesLargerThanTheWriteBufferReadBackWhole() throws {
        let folder = try TestFolder()
        var generator = SystemRandomNumberGenerator()
        let noise = Data((0..<(ZipFileSink.blockSize * 3 + 12_345)).map { _ in UInt8.random(in: 0...255, using: &generator) })
        let text = Data(String(repeating: "A page of text. ", count: 200_000).utf8)
        let entries: [(String, Data, ZipWriter.Method)] = [
            ("mimetype", Data("application/epub+zip".utf8), .store),
            ("noise-stored", noise, .store),
            ("small-1", Data("one".utf8), .deflate),
            ("noise-deflated", noise, .deflate),
            ("text", text, .deflate),
            ("small-2", Data("two".utf8), .store),
        ]
        let url = try makeZip(in: folder) { writer in
            for (path, data, method) in entries { try writer.add(path: path, data: data, method: method) }
        }
        let zip = try ZipInspection(url)
        XCTAssertEqual(zip.names, entries.map(\.0))
        XCTAssertTrue(try zip.testIntegrity())
        for (path, data, _) in entries { XCTAssertEqual(try zip.contents(of: path), data, path) }
        XCTAssertEqual(folder.contents, ["out.zip"], "no temporary left beside the archive")
    }

    func testRejectsBadAndDuplicateNames() throws {
        let folder = try TestFolder()
        let writer = try ZipWriter(url: folder.file("x.zip"))
        try writer.add(path: "a/b.txt", data: Data(), method: .store)
        // Dots are only special as a whole component.
        for good in ["a/.hidden", "a/.../b", "a/..c", "a/b.."] { try writer.add(path: good, data: Data(), method: .store) }
        for bad in ["", "/abs", "a//b", "../up", "a/./b", "a\\b", "a/b.txt", "a/", ".", "..", "a/..", "a/."] {
            XCTAssertThrowsError(try writer.add(path: bad, data: Data(), method: .store), bad) { error in
                guard case ZipError.invalidEntry(_, let entry, _) = error else { return XCTFail("\(error)") }
                XCTAssertEqual(entry, bad)
            }
        }
        try writer.close()
        XCTAssertEqual(try ZipInspection(folder.file("x.zip")).names, ["a/b.txt", "a/.hidden", "a/.../b", "a/..c", "a/b.."])
    }

    func testUnwritableDestinationThrowsWithItsPath() throws {
        let folder = try TestFolder()
        let missing = folder.url.appendingPathComponent("no/such/folder/out.zip")
        XCTAssertThrowsError(try ZipWriter(url: missing)) { error in
            guard case ZipError.cannotCreate(let archive, let reason) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(archive, missing.path)
            XCTAssertTrue(reason.contains("does not exist"), reason)
        }
        // A destination that exists as a folder: libzip fails at close.
        let blocked = folder.file("blocked.zip")
        try FileManager.default.createDirectory(at: blocked, withIntermediateDirectories: false)
        let writer = try ZipWriter(url: blocked)
        try writer.add(path: "a", data: Data("a".utf8), method: .deflate)
        XCTAssertThrowsError(try writer.close()) { error in
            XCTAssertTrue("\(error)".contains(blocked.path), "\(error)")
        }
        XCTAssertThrowsError(try writer.add(path: "b", data: Data(), method: .store)) { error in
            XCTAssertEqual(error as? ZipError, .closed(archive: blocked.path))
        }
    }

    func testStagingFilesAreRemovedAfterCloseFailureAndAbandonment() throws {
        let folder = try TestFolder()
        let staging = try TestFolder()
        // Closed normally.
        let closed = try ZipWriter(url: folder.file("out.zip"), stagingParent: staging.url)
        try sampleEntries(closed)
        XCTAssertEqual(staging.contents.count, 1, "a staging folder while open")
        try closed.close()
        XCTAssertEqual(staging.contents, [])
        // Abandoned without close, with a batch already handed off.
        do {
            let writer = try ZipWriter(url: folder.file("abandoned.zip"), stagingParent: staging.url)
            try writer.add(path: "big", data: Data(count: ZipWriter.batchByteLimit + 1), method: .deflate)
            try writer.add(path: "small", data: Data("x".utf8), method: .deflate)
        }
        XCTAssertEqual(staging.contents, [])
        // Failed at close.
        let blocked = folder.file("blocked.zip")
        try FileManager.default.createDirectory(at: blocked, withIntermediateDirectories: false)
        let failing = try ZipWriter(url: blocked, stagingParent: staging.url)
        try failing.add(path: "a", data: Data("a".utf8), method: .deflate)
        XCTAssertThrowsError(try failing.close())
        XCTAssertEqual(staging.contents, [])
        XCTAssertEqual(folder.contents, ["blocked.zip", "out.zip"], "no libzip temporaries beside the output")
    }
}
