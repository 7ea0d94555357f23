import Foundation
import XCTest

/// Reads a zip's local file headers straight from its bytes (APPNOTE 4.3.7),
/// so tests see exactly what readers see, and extracts entries with unzip(1).
struct ZipInspection {
    struct LocalEntry: Equatable {
        var name: String
        var flags: UInt16
        var method: UInt16
        var dosTime: UInt16
        var dosDate: UInt16
        var compressedSize: UInt32
        var extraFieldLength: UInt16
        /// The entry's bytes as stored (only meaningful for `method == 0`).
        var storedBytes: Data
    }

    let url: URL
    let entries: [LocalEntry]

    init(_ url: URL) throws {
        self.url = url
        let bytes = [UInt8](try Data(contentsOf: url))
        func u16(_ at: Int) -> UInt16 { UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8 }
        func u32(_ at: Int) -> UInt32 { UInt32(u16(at)) | UInt32(u16(at + 2)) << 16 }
        var entries: [LocalEntry] = []
        var offset = 0
        while offset + 30 <= bytes.count, u32(offset) == 0x0403_4b50 {
            let nameLength = Int(u16(offset + 26)), extraLength = Int(u16(offset + 28))
            let size = Int(u32(offset + 18))
            let nameStart = offset + 30
            let dataStart = nameStart + nameLength + extraLength
            guard dataStart + size <= bytes.count else { break }
            entries.append(LocalEntry(
                name: String(decoding: bytes[nameStart..<nameStart + nameLength], as: UTF8.self),
                flags: u16(offset + 6), method: u16(offset + 8),
                dosTime: u16(offset + 10), dosDate: u16(offset + 12),
                compressedSize: UInt32(size), extraFieldLength: UInt16(extraLength),
                storedBytes: Data(bytes[dataStart..<dataStart + size])))
            // No data descriptors are expected (flag bit 3); if one were
            // present the sizes above would be zero and the walk would stop.
            offset = dataStart + size
        }
        self.entries = entries
    }

    var names: [String] { entries.map(\.name) }

    /// The uncompressed content of `name`, via `unzip -p`.
    func contents(of name: String) throws -> Data {
        let result = try ExternalTool.run("/usr/bin/unzip", ["-p", url.path, name])
        guard result.status == 0 else {
            throw NSError(domain: "ZipInspection", code: Int(result.status),
                          userInfo: [NSLocalizedDescriptionKey: "unzip -p \(name): \(result.stderr)"])
        }
        return result.stdout
    }

    func text(of name: String) throws -> String {
        String(decoding: try contents(of: name), as: UTF8.self)
    }

    /// `unzip -t`: checks every CRC and the central directory.
    func testIntegrity() throws -> Bool {
        try ExternalTool.run("/usr/bin/unzip", ["-tq", url.path]).status == 0
    }
}

/// Runs a program and collects its output.
enum ExternalTool {
    struct Result {
        var status: Int32
        var stdout: Data
        var stderr: String
    }

    static func run(_ executable: String, _ arguments: [String], environment: [String: String]? = nil) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment { process.environment = environment }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes before waiting so a chatty tool cannot block on a full pipe.
        let errData = Collected()
        let errReader = DispatchGroup()
        DispatchQueue.global().async(group: errReader) { errData.data = err.fileHandleForReading.readDataToEndOfFile() }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        errReader.wait()
        return Result(status: process.terminationStatus, stdout: outData, stderr: String(decoding: errData.data, as: UTF8.self))
    }

    /// Written by one reader thread, read after it is joined.
    private final class Collected: @unchecked Sendable { var data = Data() }

    /// The absolute path of `name` on `PATH`, resolving symlinks, or `nil`.
    static func find(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) {
                return URL(fileURLWithPath: candidate).resolvingSymlinksInPath().path
            }
        }
        return nil
    }
}

/// A temporary folder for one test, removed afterwards.
final class TestFolder {
    let url: URL
    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("bindery-test-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    func file(_ name: String) -> URL { url.appendingPathComponent(name) }
    var contents: [String] { ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).sorted() }
    deinit { try? FileManager.default.removeItem(at: url) }
}
