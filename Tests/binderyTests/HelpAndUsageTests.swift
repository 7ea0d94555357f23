import XCTest

/// Help text on every option, and exit status 2 for every kind of usage error.
final class HelpAndUsageTests: XCTestCase {
    func testRootHelpListsEveryCommand() throws {
        let result = try BinderyProcess.run(["--help"])
        XCTAssertEqual(result.status, 0)
        for command in ["epub", "markdown", "text", "list", "serve", "send"] {
            XCTAssertTrue(result.stdout.contains(command), "help lacks \(command):\n\(result.stdout)")
        }
    }

    func testEveryOptionOfEveryCommandHasHelpText() throws {
        for command in ["epub", "markdown", "text", "list", "serve", "send"] {
            let result = try BinderyProcess.run([command, "--help"])
            XCTAssertEqual(result.status, 0, command)
            // ArgumentParser prints an option's help on its line or the next;
            // an option line with nothing after the names has no help.
            let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            for (index, line) in lines.enumerated() where line.hasPrefix("  -") {
                let hasText = line.range(of: #"\S\s{2,}\S"#, options: .regularExpression) != nil
                let nextIsText = index + 1 < lines.count && lines[index + 1].hasPrefix("        ")
                XCTAssertTrue(hasText || nextIsText, "\(command): option without help: \(line)")
            }
        }
    }

    func testVersion() throws {
        let result = try BinderyProcess.run(["--version"])
        XCTAssertEqual(result.status, 0)
        XCTAssertTrue(result.stdout.first?.isNumber ?? false, result.stdout)
    }

    func testUsageErrorsExitWithTwo() throws {
        let out = try BinderyProcess.temporaryFolder(self).appendingPathComponent("x.epub").path
        let samples = BinderyProcess.samples.path
        let cases: [[String]] = [
            ["epub", samples, "-o", out, "--week", "2024-W60"],  // no such week
            ["epub", samples, "-o", out, "--week", "lastweek"],
            ["epub", samples, "-o", out, "--since", "7 days"],
            ["epub", samples, "-o", out, "--since", "2024-02-30"],
            ["epub", samples, "-o", out, "--since", "2024-02-10", "--until", "2024-02-01"],
            ["epub", samples, "-o", out, "--time-zone", "Mars/Olympus"],
            ["epub", samples, "-o", out, "--group-by", "year"],
            ["epub", samples, "-o", out, "--language", "not a tag"],
            ["epub", "/no/such/folder", "-o", out],
            ["epub", samples, "-o", out, "--no-such-option"],
            ["frobnicate"],
        ]
        for arguments in cases {
            let result = try BinderyProcess.run(arguments)
            XCTAssertEqual(result.status, 2, "\(arguments): \(result.stderr)")
            XCTAssertFalse(result.stderr.isEmpty, "\(arguments) printed no reason")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: out))
    }
}
