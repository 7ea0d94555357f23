import Foundation
@testable import BinderyKit

/// A small digest built by hand: two days, three articles (two with the same title).
enum MarkdownExportFixtures {
    static let timeZone = TimeZone(secondsFromGMT: 8 * 3600)!
    static let origin = SourceFile(url: URL(fileURLWithPath: "/archive/a.txt"), root: URL(fileURLWithPath: "/archive"), displayName: "a.txt")

    static func article(_ title: String, _ epoch: TimeInterval?, url: String = "https://www.example.com/story") -> Article {
        Article(origin: origin, title: title, url: URL(string: url), instant: epoch.map { Date(timeIntervalSince1970: $0) })
    }

    static let first = article("Markets: \"rally\" [live]", 1_705_700_639, url: "https://www.example.com/a")
    static let second = article("Same title", 1_705_787_000, url: "https://news.example.org/b")
    static let third = article("same TITLE", 1_705_790_000, url: "https://news.example.org/c")
    static let undated = article("No date", nil, url: "https://example.net/d")

    static var digest: Digest {
        Digest(chapters: [
            Chapter(key: "2024-01-20", start: Date(timeIntervalSince1970: 1_705_680_000), articles: [first]),
            Chapter(key: "2024-01-21", start: Date(timeIntervalSince1970: 1_705_766_400), articles: [second, third]),
            Chapter(key: "undated", start: nil, articles: [undated]),
        ], options: SelectionOptions(timeZone: timeZone))
    }

    static var metadata: BookMetadata {
        BookMetadata(title: "Week 3: News", language: "en", creators: ["example.com"], publisher: nil,
                     identifier: "urn:uuid:00000000-0000-0000-0000-000000000000",
                     modified: Date(timeIntervalSince1970: 1_706_000_000), dateRange: nil, timeZone: timeZone, grouping: .day)
    }

    static let image = Asset(fileName: "0123456789abcdef.png", type: .png, data: Data([0x89, 0x50, 0x4E, 0x47, 1, 2, 3]))

    static var source: ArticleList {
        let body1: [Node] = [
            MarkdownTestTree.el("figure", MarkdownTestTree.img("attachments/0123456789abcdef.png", alt: "chart"), MarkdownTestTree.el("figcaption", MarkdownTestTree.t("The chart"))),
            MarkdownTestTree.p(MarkdownTestTree.t("Stocks rose on Friday. Then they fell.")),
        ]
        let body2: [Node] = [MarkdownTestTree.p(MarkdownTestTree.t("第一句话。第二句话。")), MarkdownTestTree.p(MarkdownTestTree.img("attachments/0123456789abcdef.png", alt: "again"))]
        return ArticleList([
            BoundArticle(chapterIndex: 0, cleaned: CleanedArticle(article: first, body: ContentTestSupport.blocks(body1)), newAssets: [image]),
            BoundArticle(chapterIndex: 1, cleaned: CleanedArticle(article: second, body: ContentTestSupport.blocks(body2))),
            BoundArticle(chapterIndex: 1, cleaned: CleanedArticle(article: third, body: ContentTestSupport.blocks([MarkdownTestTree.p(MarkdownTestTree.t("Third."))]))),
            BoundArticle(chapterIndex: 2, cleaned: CleanedArticle(article: undated, body: [])),
        ])
    }

    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("bindery-md-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
