import Foundation
import XCTest

/// The real peers tests check output with (python3 with its modules,
/// chromium, openssl …); a missing one skips the test locally and fails it
/// when `CI` is set (`.ci/install-deps` installs them all).
enum TestPeers {
    static var isCI: Bool { ProcessInfo.processInfo.environment["CI"] != nil }

    static func missing(_ reason: String, file: StaticString = #filePath, line: UInt = #line) -> Error {
        if isCI {
            XCTFail("\(reason) (CI is set: .ci/install-deps must install it)", file: file, line: line)
            return XCTSkip(reason)
        }
        return XCTSkip(reason + "; bash .ci/install-deps installs it")
    }

    /// `python3` on PATH that can import every one of `modules`.
    static func python(with modules: [String], file: StaticString = #filePath, line: UInt = #line) throws -> String {
        for candidate in [ExternalTool.find("python3"), "/usr/bin/python3"].compactMap({ $0 }) {
            let probe = try? ExternalTool.run(candidate, ["-c", "import " + modules.joined(separator: ", ")])
            if probe?.status == 0 { return candidate }
        }
        throw missing("python3 with \(modules.joined(separator: ", ")) is not installed", file: file, line: line)
    }

    /// Runs a Python program given as text; returns its stdout.
    static func runPython(_ python: String, _ program: String, _ arguments: [String]) throws -> ExternalTool.Result {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bindery-py-\(UUID().uuidString).py")
        try Data(program.utf8).write(to: folder)
        defer { try? FileManager.default.removeItem(at: folder) }
        return try ExternalTool.run(python, [folder.path] + arguments)
    }
}
