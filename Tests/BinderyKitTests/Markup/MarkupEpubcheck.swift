import Foundation
import XCTest

/// Runs epubcheck once over many XHTML bodies: they become the content
/// documents of one unpacked EPUB (`--mode exp`), because each JVM start
/// costs seconds.
enum MarkupEpubcheck {
    struct Report {
        var output: String
        var errors: Int
        var warnings: Int
    }

    /// The epubcheck jar (the `epubcheck` on PATH, symlinks resolved), or a
    /// skip — a failure when `CI` is set.
    static func jar() throws -> String {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin"
        for folder in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent("epubcheck")
            guard FileManager.default.fileExists(atPath: candidate.path) else { continue }
            let resolved = candidate.resolvingSymlinksInPath().path
            if resolved.hasSuffix(".jar") { return resolved }
        }
        if ProcessInfo.processInfo.environment["CI"] != nil {
            XCTFail("epubcheck is required in CI but was not found on PATH")
        }
        throw XCTSkip("epubcheck not installed: skipping EPUB validation")
    }

    /// Checks `bodies` (name → serialized body) in one run.
    static func check(_ bodies: [(name: String, body: String)]) throws -> Report {
        let jar = try jar()
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("markup-epubcheck-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try write(bodies, to: root)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["java", "-jar", jar, "--mode", "exp", root.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let output = String(decoding: data, as: UTF8.self)
        let lines = output.split(separator: "\n")
        return Report(
            output: output,
            errors: lines.filter { $0.hasPrefix("ERROR") || $0.hasPrefix("FATAL") }.count,
            warnings: lines.filter { $0.hasPrefix("WARNING") }.count)
    }

    private static func write(_ bodies: [(name: String, body: String)], to root: URL) throws {
        let fm = FileManager.default
        try fm.createDirectory(at: root.appendingPathComponent("META-INF"), withIntermediateDirectories: true)
        try fm.createDirectory(at: root.appendingPathComponent("EPUB"), withIntermediateDirectories: true)
        try "application/epub+zip".write(to: root.appendingPathComponent("mimetype"), atomically: true, encoding: .utf8)
        try """
        <?xml version="1.0" encoding="UTF-8"?>
        <container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
        <rootfiles><rootfile full-path="EPUB/package.opf" media-type="application/oebps-package+xml"/></rootfiles>
        </container>
        """.write(to: root.appendingPathComponent("META-INF/container.xml"), atomically: true, encoding: .utf8)
        // A 1×1 PNG standing in for every image, as the Assets stage would bundle them.
        let png = Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==")!
        try png.write(to: root.appendingPathComponent("EPUB/image.png"))
        var manifest = "<item id=\"image\" href=\"image.png\" media-type=\"image/png\"/>\n"
        var spine = ""
        var navItems = ""
        for (index, entry) in bodies.enumerated() {
            let file = "doc\(index).xhtml"
            try MarkupTestSupport.xhtmlDocument(body: entry.body)
                .write(to: root.appendingPathComponent("EPUB/\(file)"), atomically: true, encoding: .utf8)
            manifest += "<item id=\"doc\(index)\" href=\"\(file)\" media-type=\"application/xhtml+xml\"/>\n"
            spine += "<itemref idref=\"doc\(index)\"/>\n"
            navItems += "<li><a href=\"\(file)\">\(entry.name)</a></li>"
        }
        try MarkupTestSupport.xhtmlDocument(body: "<nav epub:type=\"toc\"><ol>\(navItems)</ol></nav>")
            .write(to: root.appendingPathComponent("EPUB/nav.xhtml"), atomically: true, encoding: .utf8)
        try """
        <?xml version="1.0" encoding="UTF-8"?>
        <package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="uid" xml:lang="en">
        <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
        <dc:identifier id="uid">urn:uuid:3f0c6a2e-4f1b-4c7e-9d53-1a2b3c4d5e6f</dc:identifier>
        <dc:title>Markup test</dc:title><dc:language>en</dc:language>
        <meta property="dcterms:modified">2024-01-01T00:00:00Z</meta>
        </metadata>
        <manifest>
        <item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
        \(manifest)</manifest>
        <spine>
        \(spine)</spine>
        </package>
        """.write(to: root.appendingPathComponent("EPUB/package.opf"), atomically: true, encoding: .utf8)
    }
}
