import Foundation
import XCTest
@testable import BinderyKit

/// `Samples/` read, selected and cleaned the way every export does it, with
/// a pinned clock and time zone so outputs can be compared with golden files.
enum ExportSamplesFixture {
    static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        return url
    }()

    static var samples: URL { packageRoot.appendingPathComponent("Samples") }
    static var goldenFolder: URL { packageRoot.appendingPathComponent("Tests/BinderyKitTests/Export/Golden") }
    static let clock = BuildClock(now: Date(timeIntervalSince1970: 1_706_745_600)) // 2024-02-01T00:00:00Z

    static func digest() -> (Digest, BookMetadata) {
        let scan = ArchiveReader().scan([samples])
        let options = SelectionOptions(timeZone: TimeZone(identifier: "Asia/Shanghai")!)
        let digest = DigestBuilder(options: options).build(scan.articles)
        return (digest, BookMetadata.make(for: digest, clock: clock))
    }

    /// Every sample article, cleaned, images left as written.
    static func cleanedArticles() throws -> [BoundArticle] {
        let (digest, _) = digest()
        var items: [BoundArticle] = []
        try ArticlePipeline(digest: digest, binding: nil, log: DiagnosticLog()).forEachArticle { items.append($0) }
        return items
    }

    /// The text runs a reader sees in `body`, in order, each without whitespace.
    static func textRuns(_ body: [Block]) -> [String] {
        var runs: [String] = []
        ContentWalker.walk(body, inlines: { inline in
            switch inline {
            case .text(let text), .code(let text):
                let run = withoutWhitespace(text)
                if !run.isEmpty { runs.append(run) }
            default: break
            }
            return .descend
        })
        return runs
    }

    static func withoutWhitespace(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { !$0.properties.isWhitespace && $0 != "\u{200B}" }))
    }

    /// Fails unless every run occurs in `text`, in order, without overlapping.
    static func assertRunsAppearInOrder(_ runs: [String], in text: String, _ label: String,
                                        file: StaticString = #filePath, line: UInt = #line) {
        let haystack = withoutWhitespace(text)
        var position = haystack.startIndex
        for run in runs {
            guard let found = haystack.range(of: run, range: position..<haystack.endIndex) else {
                let context = haystack[position...].prefix(160)
                XCTFail("\(label): lost or reordered text \"\(run.prefix(80))\"; output continues: \"\(context)\"", file: file, line: line)
                return
            }
            position = found.upperBound
        }
    }
}
