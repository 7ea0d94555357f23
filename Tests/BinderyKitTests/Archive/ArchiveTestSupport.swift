import BinderyKit
import Foundation
import XCTest

/// A temporary folder of article files, removed when the test ends.
final class ArchiveFixtureFolder {
    let url: URL

    init(_ name: String = "Archive") throws {
        let base = FileManager.default.temporaryDirectory
            .appendingPathComponent("bindery-archive-tests-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        url = base.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url.deletingLastPathComponent())
    }

    @discardableResult
    func write(_ relativePath: String, _ text: String) throws -> URL {
        try write(relativePath, bytes: Array(text.utf8))
    }

    @discardableResult
    func write(_ relativePath: String, bytes: [UInt8]) throws -> URL {
        let file = url.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: file)
        return file
    }
}

enum ArchiveFixtures {
    /// A minimal article in the common layout.
    static func article(epoch: Int64? = 1_705_700_343_000, title: String = "A title",
                        url: String = "https://www.example.com/a.html",
                        dateLine: String = "<div><i>Fri, 19 Jan 2024 21:23:59 GMT</i></div>",
                        body: String = "<p>Text.</p>") -> String {
        var text = ""
        if let epoch { text += "<!--\(epoch)-->\n" }
        text += "[\(title)](\(url))\n------\n\n\(dateLine)\(body)"
        return text
    }

    /// Scans one file with the given content and returns the result.
    static func scanOne(_ content: String, name: String = "001_abc.txt", reader: ArchiveReader = ArchiveReader()) throws -> ArchiveScan {
        try scanOne(bytes: Array(content.utf8), name: name, reader: reader)
    }

    static func scanOne(bytes: [UInt8], name: String = "001_abc.txt", reader: ArchiveReader = ArchiveReader()) throws -> ArchiveScan {
        let folder = try ArchiveFixtureFolder()
        try folder.write(name, bytes: bytes)
        return withExtendedLifetime(folder) { reader.scan([folder.url]) }
    }

    static func utc(_ text: String) -> Date {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: text)!
    }
}
