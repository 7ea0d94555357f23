import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import XCTest

/// `bindery serve`, `bindery send` and `bindery epub --library/--send` as a
/// user runs them.
final class DeliveryCommandTests: XCTestCase {
    /// 2024-01-22 05:06 UTC, a Monday (13:06 in Shanghai): "last week" is 2024-W03.
    static let monday = ["SOURCE_DATE_EPOCH": "1705900000"]

    func testServePrintsItsAddressesServesAndStopsOnSIGTERM() throws {
        let library = try BinderyProcess.temporaryFolder(self)
        let export = try BinderyProcess.run(["epub", BinderyProcess.samples.path, "--library", library.path, "--week", "last",
                                             "--time-zone", "Asia/Shanghai", "-q"], environment: Self.monday)
        XCTAssertEqual(export.status, 0, export.stderr)

        let process = Process()
        process.executableURL = BinderyProcess.executable
        process.arguments = ["serve", library.path, "--host", "127.0.0.1", "--port", "0"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { process.terminate() } }
        var printed = ""
        while !printed.contains("Press Ctrl-C") {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            printed += String(decoding: chunk, as: UTF8.self)
        }
        XCTAssertTrue(printed.contains("Serving 1 book from"), printed)
        let match = try XCTUnwrap(printed.range(of: #"OPDS catalog: http://127\.0\.0\.1:\d+/opds"#, options: .regularExpression), printed)
        let url = try XCTUnwrap(URL(string: String(printed[match].dropFirst("OPDS catalog: ".count))))
        let (data, status) = try Self.get(url)
        XCTAssertEqual(status, 200)
        XCTAssertTrue(String(decoding: data, as: UTF8.self).contains("<feed"))
        let (page, _) = try Self.get(URL(string: "/", relativeTo: url)!)
        XCTAssertTrue(String(decoding: page, as: UTF8.self).contains("bindery-2024-W03.epub"))

        kill(process.processIdentifier, SIGTERM)
        let stopped = Date()
        process.waitUntilExit()
        XCTAssertLessThan(Date().timeIntervalSince(stopped), 8)
        XCTAssertEqual(process.terminationStatus, 0)
        let log = printed + String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        XCTAssertTrue(log.contains("127.0.0.1 \"GET /opds\" 200 "), log)
    }

    func testServeTakesNoPasswordOnTheCommandLine() throws {
        let library = try BinderyProcess.temporaryFolder(self)
        let flag = try BinderyProcess.run(["serve", library.path, "--user", "me", "--password", "secret"])
        XCTAssertEqual(flag.status, 2)
        let none = try BinderyProcess.run(["serve", library.path, "--user", "me"], environment: ["BINDERY_SERVE_PASSWORD": ""])
        XCTAssertEqual(none.status, 2)
        XCTAssertTrue(none.stderr.contains("BINDERY_SERVE_PASSWORD"), none.stderr)
        let missing = try BinderyProcess.run(["serve", library.appendingPathComponent("nope").path])
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.stderr.contains("no such folder"), missing.stderr)
    }

    func testSendExplainsWhatIsMissingAndSendsNothingOnFailure() throws {
        let folder = try BinderyProcess.temporaryFolder(self)
        let book = folder.appendingPathComponent("book.epub")
        XCTAssertEqual(try BinderyProcess.run(["epub", BinderyProcess.samples.path, "-o", book.path, "-q"]).status, 0)
        let clean = ["BINDERY_SMTP_URL": "", "BINDERY_SMTP_USER": "", "BINDERY_SMTP_PASSWORD": "", "BINDERY_SMTP_FROM": ""]
        let noRecipient = try BinderyProcess.run(["send", book.path], environment: clean)
        XCTAssertEqual(noRecipient.status, 2)
        XCTAssertTrue(noRecipient.stderr.contains("--to"), noRecipient.stderr)
        let noServer = try BinderyProcess.run(["send", book.path, "--to", "me@kindle.com"], environment: clean)
        XCTAssertEqual(noServer.status, 2)
        XCTAssertTrue(noServer.stderr.contains("BINDERY_SMTP_URL"), noServer.stderr)
        XCTAssertEqual(try BinderyProcess.run(["send", book.path, "--to", "me@kindle.com", "--smtp-password", "x"], environment: clean).status, 2)

        // A server that is not there: exit 1, and the user is told nothing was sent.
        var env = clean
        env["BINDERY_SMTP_URL"] = "smtp://127.0.0.1:9"
        env["BINDERY_SMTP_USER"] = "me@example.org"
        env["BINDERY_SMTP_PASSWORD"] = "secret"
        let refused = try BinderyProcess.run(["send", book.path, "--to", "me@kindle.com"], environment: env)
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.stderr.contains("cannot connect to 127.0.0.1:9"), refused.stderr)
        XCTAssertTrue(refused.stderr.contains("nothing was sent"), refused.stderr)
        let tooLarge = try BinderyProcess.run(["send", book.path, "--to", "me@kindle.com", "--size-limit", "0.01"], environment: env)
        XCTAssertEqual(tooLarge.status, 2, "a size limit is whole megabytes")
    }

    func testEpubWritesTheWeekIntoTheLibraryAndSendsIt() throws {
        let python = try Self.python(with: ["aiosmtpd"])
        let outbox = try BinderyProcess.temporaryFolder(self)
        let server = Process()
        server.executableURL = URL(fileURLWithPath: python)
        server.arguments = [BinderyProcess.packageRoot.appendingPathComponent("Tests/Support/smtp_test_server.py").path,
                            "starttls", outbox.path, "me@example.org", "secret"]
        let input = Pipe(), ready = Pipe()
        server.standardInput = input
        server.standardOutput = ready
        server.standardError = FileHandle.nullDevice
        try server.run()
        defer {
            try? input.fileHandleForWriting.close()
            server.waitUntilExit()
        }
        var line = ""
        while !line.hasSuffix("\n") {
            let byte = ready.fileHandleForReading.readData(ofLength: 1)
            if byte.isEmpty { break }
            line += String(decoding: byte, as: UTF8.self)
        }
        let fields = line.split(separator: " ").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        guard fields.count == 3, fields[0] == "READY" else { return XCTFail("SMTP test server: \(line)") }

        let library = try BinderyProcess.temporaryFolder(self)
        let password = library.appendingPathComponent(".password")
        try Data("secret\n".utf8).write(to: password)
        var env = Self.monday
        env["BINDERY_SMTP_URL"] = "smtp://127.0.0.1:\(fields[1])"
        let result = try BinderyProcess.run([
            "epub", BinderyProcess.samples.path, "--week", "last", "--time-zone", "Asia/Shanghai", "--library", library.path,
            "--send", "reader@kindle.example.com", "--smtp-user", "me@example.org", "--smtp-password-file", password.path,
            "--smtp-ca-file", fields[2],
        ], environment: env)
        XCTAssertEqual(result.status, 0, result.stderr)
        let book = library.appendingPathComponent("bindery-2024-W03.epub")
        XCTAssertTrue(FileManager.default.fileExists(atPath: book.path), result.stderr)
        XCTAssertTrue(result.stderr.contains("Sent bindery-2024-W03.epub"), result.stderr)
        let messages = try FileManager.default.contentsOfDirectory(atPath: outbox.path).filter { $0.hasSuffix(".eml") }
        XCTAssertEqual(messages.count, 1)
        let raw = try String(contentsOf: outbox.appendingPathComponent(messages[0]), encoding: .utf8)
        XCTAssertTrue(raw.contains("filename=\"bindery-2024-W03.epub\""), raw)
        let base64 = raw.components(separatedBy: "Content-Transfer-Encoding: base64\r\n\r\n").last!
            .components(separatedBy: "\r\n--").first!.replacingOccurrences(of: "\r\n", with: "")
        XCTAssertEqual(Data(base64Encoded: base64), try Data(contentsOf: book))
    }

    // MARK: - Helpers

    static func get(_ url: URL) throws -> (Data, Int) {
        final class Box: @unchecked Sendable { var data = Data(); var status = 0; var error: Error? }
        let box = Box(), done = DispatchSemaphore(value: 0)
        URLSession.shared.dataTask(with: url) { data, response, error in
            box.data = data ?? Data()
            box.status = (response as? HTTPURLResponse)?.statusCode ?? 0
            box.error = error
            done.signal()
        }.resume()
        _ = done.wait(timeout: .now() + 20)
        if let error = box.error { throw error }
        return (box.data, box.status)
    }

    static func python(with modules: [String]) throws -> String {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for candidate in path.split(separator: ":").map({ "\($0)/python3" }) + ["/usr/bin/python3"]
        where FileManager.default.isExecutableFile(atPath: candidate) {
            let probe = Process()
            probe.executableURL = URL(fileURLWithPath: candidate)
            probe.arguments = ["-c", "import " + modules.joined(separator: ", ")]
            probe.standardError = FileHandle.nullDevice
            try probe.run()
            probe.waitUntilExit()
            if probe.terminationStatus == 0 { return candidate }
        }
        let reason = "python3 with \(modules.joined(separator: ", ")) is not installed"
        if ProcessInfo.processInfo.environment["CI"] != nil { XCTFail(reason + " (CI is set: .ci/install-deps must install it)") }
        throw XCTSkip(reason)
    }
}
