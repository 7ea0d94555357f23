import Foundation
import XCTest

/// What a person sees on the terminal: warnings grouped by cause, progress,
/// the conventions (version, completions), and the export report.
final class CommandLineMannersTests: XCTestCase {
    /// An archive of `articles` articles, each with `pictures` pictures at
    /// `base` (a URL nothing answers).
    private func archive(articles: Int, pictures: Int, base: String) throws -> URL {
        let folder = try BinderyProcess.temporaryFolder(self).appendingPathComponent("news")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for n in 0..<articles {
            let images = (0..<pictures).map { "<img src=\"\(base)/a\(n)/p\($0).jpg\" alt=\"Photo \($0)\">" }.joined()
            let text = "<!--\(1_705_700_343_000 + n * 60_000)-->\n[Story \(n)](https://news.example.com/\(n).html)\n------\n\n"
                + "<p>Paragraph of story \(n).</p>\(images)"
            try text.write(to: folder.appendingPathComponent(String(format: "%03d.txt", n)), atomically: true, encoding: .utf8)
        }
        return folder
    }

    /// A loopback port where nothing listens.
    private func closedPort() throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer -> Int32 in
                _ = bind(fd, pointer, length)
                return getsockname(fd, pointer, &length)
            }
        }
        return Int32(UInt16(bigEndian: address.sin_port))
    }

    func testPicturesFailingForOneCauseAreReportedOnceWithACountThatMatchesTheSummary() throws {
        let port = try closedPort()
        let input = try archive(articles: 12, pictures: 3, base: "http://127.0.0.1:\(port)")
        let folder = input.deletingLastPathComponent()
        let result = try BinderyProcess.run(["epub", input.path, "-o", folder.appendingPathComponent("book.epub").path,
                                             "--cache", folder.appendingPathComponent("cache").path, "--time-zone", "UTC"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let warnings = result.stderr.split(separator: "\n").filter { $0.hasPrefix("warning:") }
        XCTAssertLessThanOrEqual(warnings.count, 3, "a handful of lines per cause:\n\(result.stderr)")
        let counted = warnings.compactMap { line -> Int? in
            let words = line.dropFirst("warning: ".count).split(separator: " ")
            return words.first.flatMap { Int($0.replacingOccurrences(of: ",", with: "")) }
        }
        XCTAssertEqual(counted.reduce(0, +), 36, result.stderr)
        XCTAssertTrue(warnings.contains { $0.contains("pictures from 127.0.0.1 left out: host unreachable (e.g. news/000.txt") },
                      result.stderr)
        XCTAssertTrue(result.stderr.contains("(36 missing)"), "the summary's count: \(result.stderr)")

        let verbose = try BinderyProcess.run(["epub", input.path, "-o", folder.appendingPathComponent("book2.epub").path,
                                              "--cache", folder.appendingPathComponent("cache2").path, "--time-zone", "UTC", "--verbose"])
        XCTAssertEqual(verbose.stderr.split(separator: "\n").filter { $0.hasPrefix("warning:") }.count, 36, "--verbose: every one")
    }

    func testProgressIsRedrawnOnATerminalAndAbsentFromLogs() throws {
        let script = try ExternalTool.require("script")
        let folder = try BinderyProcess.temporaryFolder(self)
        let book = folder.appendingPathComponent("samples.epub").path
        let command = [BinderyProcess.executable.path, "epub", BinderyProcess.samples.path, "-o", book, "--time-zone", "Asia/Shanghai",
                       "--offline", "--cache", folder.appendingPathComponent("cache").path]
            .map { "'" + $0 + "'" }.joined(separator: " ")
        // util-linux script(1) runs the command on a pseudo-terminal and copies what it shows.
        let terminal = try ExternalTool.run(script, ["-qec", command, "/dev/null"], environment: ["TERM": "xterm", "NO_COLOR": "1"])
        XCTAssertEqual(terminal.status, 0, terminal.stdout)
        XCTAssertTrue(terminal.stdout.contains("\rBinding "), "a line redrawn in place: \(terminal.stdout.debugDescription)")
        XCTAssertTrue(terminal.stdout.contains("articles"), terminal.stdout)
        XCTAssertTrue(terminal.stdout.contains("\r\u{1B}[K"), "cleared before the summary")
        XCTAssertFalse(terminal.stdout.contains("\u{1B}[1;33m"), "NO_COLOR: no colour")

        let log = try BinderyProcess.run(["epub", BinderyProcess.samples.path, "-o", book, "--time-zone", "Asia/Shanghai", "--offline",
                                          "--cache", folder.appendingPathComponent("cache").path])
        XCTAssertEqual(log.status, 0, log.stderr)
        XCTAssertFalse(log.stderr.contains("\r"), "no carriage returns in a log: \(log.stderr.debugDescription)")
        XCTAssertFalse(log.stdout.contains("Binding"), "never progress on stdout")
    }

    func testVersionNamesTheLibrariesItWasBuiltWith() throws {
        let result = try BinderyProcess.run(["--version"])
        for library in ["libxml2 ", "libzip ", "libdeflate ", "libcurl ", "libvips "] {
            XCTAssertTrue(result.stdout.contains(library), "\(library) missing: \(result.stdout)")
        }
    }

    func testCompletionScriptsKnowEverySubcommand() throws {
        let help = try BinderyProcess.run(["help"]).stdout
        let subcommands = ["epub", "markdown", "text", "list", "fetch", "serve", "send"]
        for name in subcommands { XCTAssertTrue(help.contains(name), "help lists \(name)") }
        for shell in ["bash", "zsh", "fish"] {
            let script = try BinderyProcess.run(["--generate-completion-script", shell])
            XCTAssertEqual(script.status, 0, script.stderr)
            for name in subcommands { XCTAssertTrue(script.stdout.contains(name), "\(shell) completion lacks \(name)") }
            XCTAssertTrue(script.stdout.contains("--time-zone"), "\(shell) completion lacks options")
        }
    }

    func testUnknownTimeZoneSuggestsTheNearestNames() throws {
        let result = try BinderyProcess.run(["list", BinderyProcess.samples.path, "--time-zone", "Shanghai"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("did you mean Asia/Shanghai?"), result.stderr)
    }

    func testAFolderWithoutArticlesSaysWhatItLookedFor() throws {
        let folder = try BinderyProcess.temporaryFolder(self)
        try "just notes".write(to: folder.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        let result = try BinderyProcess.run(["text", folder.path, "-o", "-"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("no articles in \(folder.path)"), result.stderr)
        XCTAssertTrue(result.stderr.contains("start with an `[Title](URL)` link"), result.stderr)
    }

    func testEpubWithoutOutputWritesTheDigestsNameIntoTheCurrentFolder() throws {
        let folder = try BinderyProcess.temporaryFolder(self)
        let result = try BinderyProcess.run(["epub", BinderyProcess.samples.path, "--time-zone", "Asia/Shanghai", "--offline",
                                             "--cache", folder.appendingPathComponent("cache").path], in: folder)
        XCTAssertEqual(result.status, 0, result.stderr)
        let books = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".epub") }
        XCTAssertEqual(books.count, 1, "\(books)")
        XCTAssertTrue(result.stderr.contains(books.first ?? "?"), "the summary names the file: \(result.stderr)")
    }

    func testExportReportSaysWhatWasReadSkippedDeduplicatedAndLeftOut() throws {
        let folder = try BinderyProcess.temporaryFolder(self)
        let input = folder.appendingPathComponent("news")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        let article = { (n: Int, body: String) in
            "<!--1705700343000-->\n[Story](https://news.example.com/story.html)\n------\n\n\(body)"
        }
        try article(1, "<p>Loading…</p>").write(to: input.appendingPathComponent("a_stub.txt"), atomically: true, encoding: .utf8)
        try article(2, "<p>" + String(repeating: "The full text. ", count: 50) + "</p><img src=\"missing.png\" alt=\"gone\">")
            .write(to: input.appendingPathComponent("b_full.txt"), atomically: true, encoding: .utf8)
        try "".write(to: input.appendingPathComponent("empty.txt"), atomically: true, encoding: .utf8)
        let report = folder.appendingPathComponent("report.json")
        let result = try BinderyProcess.run(["epub", input.path, "-o", folder.appendingPathComponent("book.epub").path,
                                             "--report", report.path, "--time-zone", "UTC", "--offline",
                                             "--cache", folder.appendingPathComponent("cache").path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: report)) as? [String: Any])
        XCTAssertEqual(json["filesRead"] as? Int, 3)
        XCTAssertEqual((json["skipped"] as? [[String: Any]])?.first?["file"] as? String, "news/empty.txt")
        let duplicate = try XCTUnwrap((json["duplicates"] as? [[String: Any]])?.first)
        XCTAssertEqual(duplicate["kept"] as? String, "news/b_full.txt")
        XCTAssertEqual(duplicate["dropped"] as? [String], ["news/a_stub.txt"])
        let pictures = try XCTUnwrap(json["pictures"] as? [String: Any])
        XCTAssertEqual((pictures["missing"] as? [[String: Any]])?.first?["source"] as? String, "missing.png")
        let output = try XCTUnwrap(json["output"] as? [String: Any])
        XCTAssertEqual(output["articles"] as? Int, 1)
        XCTAssertGreaterThan(output["bytes"] as? Int ?? 0, 1000)
        // Deterministic: the same run, the same report.
        let again = folder.appendingPathComponent("again.json")
        _ = try BinderyProcess.run(["epub", input.path, "-o", folder.appendingPathComponent("book.epub").path,
                                    "--report", again.path, "--time-zone", "UTC", "--offline",
                                    "--cache", folder.appendingPathComponent("cache").path])
        XCTAssertEqual(try Data(contentsOf: report), try Data(contentsOf: again))
    }
}
