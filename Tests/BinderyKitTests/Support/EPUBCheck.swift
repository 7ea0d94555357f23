import Foundation
import XCTest

/// What epubcheck said about a book.
struct EPUBCheckResult {
    struct Message: CustomStringConvertible {
        var severity: String
        var id: String
        var text: String
        var locations: [String]
        var description: String { "\(severity) \(id): \(text) \(locations.joined(separator: ", "))" }
    }

    /// Fatal errors and errors.
    var errors: Int
    var warnings: Int
    var messages: [Message]

    /// Errors and warnings, one per line, for assertion messages.
    var report: String {
        messages.filter { ["FATAL", "ERROR", "WARNING"].contains($0.severity) }
            .map(\.description).joined(separator: "\n")
    }
}

/// Runs epubcheck (4.2.6 on the build machines) on a book.
///
/// Skips the calling test when java or epubcheck is missing and `CI` is unset;
/// fails it when `CI` is set, so a CI without the tool cannot pass silently.
enum EPUBCheck {
    /// `epubcheck` is installed as an executable jar; run it with java so
    /// that a wrapper script or a bare jar both work.
    static func run(_ epub: URL, file: StaticString = #filePath, line: UInt = #line) throws -> EPUBCheckResult {
        guard let java = ExternalTool.find("java"), let jar = ExternalTool.find("epubcheck") else {
            let reason = "epubcheck tests need `java` and `epubcheck` on PATH (apt-get install epubcheck)"
            if ProcessInfo.processInfo.environment["CI"] != nil {
                XCTFail(reason, file: file, line: line)
                throw EPUBCheckError(reason: reason)
            }
            throw XCTSkip(reason)
        }
        // epubcheck decides the mode from the extension; `.epub` is required.
        let result = try ExternalTool.run(java, ["-jar", jar, epub.path, "--json", "-"])
        return try parse(result.stdout, stderr: result.stderr)
    }

    static func parse(_ json: Data, stderr: String) throws -> EPUBCheckResult {
        // epubcheck may print progress lines before the report: start at the first `{`.
        let start = json.firstIndex(of: UInt8(ascii: "{")) ?? json.startIndex
        guard let root = try? JSONSerialization.jsonObject(with: json[start...]) as? [String: Any],
              let checker = root["checker"] as? [String: Any] else {
            throw EPUBCheckError(reason: "epubcheck printed no JSON report; stdout: \(String(decoding: json.prefix(2000), as: UTF8.self)) stderr: \(stderr)")
        }
        var messages: [EPUBCheckResult.Message] = []
        for case let item as [String: Any] in root["messages"] as? [Any] ?? [] {
            let locations = (item["locations"] as? [[String: Any]] ?? []).map { location in
                "\(location["path"] as? String ?? "?"):\(location["line"] as? Int ?? -1):\(location["column"] as? Int ?? -1)"
            }
            messages.append(.init(severity: item["severity"] as? String ?? "?", id: item["ID"] as? String ?? "?",
                                  text: item["message"] as? String ?? "", locations: locations))
        }
        let errors = (checker["nFatal"] as? Int ?? 0) + (checker["nError"] as? Int ?? 0)
        return EPUBCheckResult(errors: errors, warnings: checker["nWarning"] as? Int ?? 0, messages: messages)
    }

    struct EPUBCheckError: Error, CustomStringConvertible {
        var reason: String
        var description: String { reason }
    }
}
