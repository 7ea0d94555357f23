import Foundation
import XCTest

/// `Tests/Support/smtp_test_server.py` (aiosmtpd) running on loopback for
/// one test, with its own certificate authority.
final class LoopbackSMTPServer {
    enum Mode: String { case starttls, implicit, plain }

    let port: Int
    /// The PEM file of the test's certificate authority.
    let caFile: String
    let outbox: TestFolder
    private let process: Process
    private let input: Pipe

    init(_ mode: Mode, user: String = "reader", password: String = "pa55 word") throws {
        let python = try TestPeers.python(with: ["aiosmtpd"])
        guard ExternalTool.find("openssl") != nil else { throw TestPeers.missing("the openssl command is not installed") }
        outbox = try TestFolder()
        process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [ExportSamplesFixture.packageRoot.appendingPathComponent("Tests/Support/smtp_test_server.py").path,
                             mode.rawValue, outbox.url.path, user, password]
        input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        // The first line: READY PORT CA_FILE.
        var line = Data()
        while line.last != UInt8(ascii: "\n") {
            let byte = output.fileHandleForReading.readData(ofLength: 1)
            if byte.isEmpty { break }
            line.append(byte)
        }
        let fields = String(decoding: line, as: UTF8.self).split(separator: " ").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        guard fields.count == 3, fields[0] == "READY", let port = Int(fields[1]) else {
            process.terminate()
            throw XCTSkip("the SMTP test server did not start")
        }
        self.port = port
        caFile = fields[2]
    }

    /// The raw messages received, in order.
    var messages: [URL] {
        outbox.contents.filter { $0.hasSuffix(".eml") }.map(outbox.file)
    }

    deinit {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }
}
