import Foundation
@testable import BinderyKit

/// A small hand-made book: two chapters of dated articles (plus optionally
/// an undated one), one image inside an article, a cover.
enum EPUBTestBook {
    static let redPixel = Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGM4IScHAAK2AQU0pnWqAAAAAElFTkSuQmCC")!
    static let blueCover = Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAAMAAAAECAIAAADETxJQAAAAEElEQVR4nGMQsTkBQQx4WQD+OA0hIQe59wAAAABJRU5ErkJggg==")!
    static let photo = Asset(fileName: "3f2a9c0d1e2b4a5c.png", type: .png, data: redPixel)
    static let cover = Asset(fileName: "c0ffee0000000001.png", type: .png, data: blueCover)

    static let shanghai = TimeZone(identifier: "Asia/Shanghai")!

    static func article(_ n: Int, title: String, host: String, instant: TimeInterval?) -> Article {
        let root = URL(fileURLWithPath: "/archive")
        return Article(origin: SourceFile(url: root.appendingPathComponent("\(n).txt"), root: root, displayName: "archive/\(n).txt"),
                       title: title, url: URL(string: "https://www.\(host)/news/\(n).html?a=1&b=2"),
                       instant: instant.map { Date(timeIntervalSince1970: $0) }, author: n == 2 ? "Reporter <Name>" : nil)
    }

    static func body(_ n: Int, language: String, withImage: Bool) -> [Block] {
        let lead = language == "zh" ? "这是第\(n)篇文章的导语，包含“引号”和 English words。" : "Lead of article \(n) with <angle> & ampersand."
        var nodes: [Node] = [
            .text(lead),
            .element(Element("p", children: [
                .text(language == "zh" ? "第一段。" : "First paragraph with a "),
                .element(Element("a", attributes: [Attribute("href", "https://example.com/x?y=1&z=2")], children: [.text("link")])),
                .text("."),
            ])),
        ]
        if withImage {
            nodes.append(.element(Element("figure", children: [
                .element(Element("img", attributes: [Attribute("src", EPUBWriter.imageLinkPrefix + photo.fileName), Attribute("alt", "A red pixel")])),
                .element(Element("figcaption", children: [.text(language == "zh" ? "图片说明" : "Caption")])),
            ])))
        }
        nodes.append(.element(Element("blockquote", children: [.element(Element("p", children: [.text("Quote \(n)")]))])))
        nodes.append(.element(Element("table", children: [.element(Element("tbody", children: [
            .element(Element("tr", children: [.element(Element("td", children: [.text("cell")]))])),
        ]))])))
        return ContentTestSupport.blocks(nodes)
    }

    struct Book {
        var metadata: BookMetadata
        var digest: Digest
        var articles: [BoundArticle]
    }

    /// Chapters: 2024-01-19 (articles 1, 2 — 2 brings the image), 2024-01-20 (article 3),
    /// and, when `undated`, a last chapter with article 4.
    static func make(language: String, undated: Bool = false) -> Book {
        let zh = language == "zh"
        let a1 = article(1, title: zh ? "第一篇：美国与中国" : "First: US & China", host: "voachinese.com", instant: 1_705_620_000)
        let a2 = article(2, title: zh ? "第二篇 <测试> & 标题" : "Second <test> & title", host: "bbc.com", instant: 1_705_640_000)
        let a3 = article(3, title: zh ? "第三篇" : "Third", host: "voachinese.com", instant: 1_705_720_000)
        var chapters = [
            Chapter(key: "2024-01-19", start: Date(timeIntervalSince1970: 1_705_593_600), articles: [a1, a2]),
            Chapter(key: "2024-01-20", start: Date(timeIntervalSince1970: 1_705_680_000), articles: [a3]),
        ]
        var bound = [
            BoundArticle(chapterIndex: 0, cleaned: CleanedArticle(article: a1, body: body(1, language: language, withImage: false))),
            BoundArticle(chapterIndex: 0, cleaned: CleanedArticle(article: a2, body: body(2, language: language, withImage: true)), newAssets: [photo]),
            BoundArticle(chapterIndex: 1, cleaned: CleanedArticle(article: a3, body: body(3, language: language, withImage: true))),
        ]
        if undated {
            let a4 = article(4, title: zh ? "无日期" : "No date", host: "rfi.fr", instant: nil)
            chapters.append(Chapter(key: "undated", start: nil, articles: [a4]))
            bound.append(BoundArticle(chapterIndex: 2, cleaned: CleanedArticle(article: a4, body: body(4, language: language, withImage: false))))
        }
        let options = SelectionOptions(timeZone: shanghai, grouping: .day)
        let digest = Digest(chapters: chapters, options: options)
        let metadata = BookMetadata(
            title: zh ? "新闻 2024年1月" : "News & Views, January 2024", language: language,
            creators: ["voachinese.com", "bbc.com"], publisher: "Bindery",
            identifier: "urn:uuid:6f1c2a7e-2f6b-4c1a-9a57-0d8f3f9b1c2d",
            modified: Date(timeIntervalSince1970: 1_706_000_000), dateRange: digest.dateRange,
            timeZone: shanghai, grouping: .day)
        return Book(metadata: metadata, digest: digest, articles: bound)
    }

    /// Writes `book` to `url` and returns the summary.
    @discardableResult
    static func write(_ book: Book, to url: URL, cover: Bool = true) throws -> EPUBSummary {
        let writer = try EPUBWriter(destination: url, metadata: book.metadata, digest: book.digest, stylesheet: DefaultStylesheet.css)
        if cover { try writer.setCover(EPUBTestBook.cover) }
        try ArticleList(book.articles).forEachArticle { try writer.add($0) }
        return try writer.finish()
    }
}
