import XCTest
@testable import BinderyKit

/// The Samples digest as one Markdown note and as plain text, compared with
/// the files in `Golden/`. After an intended change of output, regenerate
/// them with `BINDERY_UPDATE_GOLDEN=1 swift test --filter ExportGoldenTests`
/// and review the diff.
final class ExportGoldenTests: XCTestCase {
    func testSamplesAsOneMarkdownNote() throws {
        let (digest, metadata) = ExportSamplesFixture.digest()
        let folder = try TestFolder()
        let note = folder.file("Samples.md")
        let pipeline = ArticlePipeline(digest: digest, binding: nil, log: DiagnosticLog())
        _ = try MarkdownExporter(options: MarkdownExportOptions(layout: .singleFile, images: .remote),
                                 metadata: metadata, digest: digest).export(pipeline, to: note)
        try compare(note, with: "Samples.md")
    }

    func testSamplesAsPlainText() throws {
        let (digest, metadata) = ExportSamplesFixture.digest()
        let folder = try TestFolder()
        let text = folder.file("Samples.txt")
        let pipeline = ArticlePipeline(digest: digest, binding: nil, log: DiagnosticLog())
        try PlainTextExporter(metadata: metadata, digest: digest).export(pipeline, to: .file(text))
        try compare(text, with: "Samples.txt")
    }

    private func compare(_ output: URL, with goldenName: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let golden = ExportSamplesFixture.goldenFolder.appendingPathComponent(goldenName)
        let actual = try String(contentsOf: output, encoding: .utf8)
        if ProcessInfo.processInfo.environment["BINDERY_UPDATE_GOLDEN"] != nil {
            try FileManager.default.createDirectory(at: ExportSamplesFixture.goldenFolder, withIntermediateDirectories: true)
            try actual.write(to: golden, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        if actual != expected {
            let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let first = (0..<min(a.count, e.count)).first(where: { a[$0] != e[$0] }) ?? min(a.count, e.count)
            XCTFail("""
                \(goldenName) differs from the golden file at line \(first + 1):
                expected: \(first < e.count ? String(e[first]) : "<end>")
                actual:   \(first < a.count ? String(a[first]) : "<end>")
                (regenerate with BINDERY_UPDATE_GOLDEN=1 if the change is intended)
                """, file: file, line: line)
        }
    }
}
