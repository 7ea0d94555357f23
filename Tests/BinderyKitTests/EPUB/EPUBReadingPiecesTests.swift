import XCTest
@testable import BinderyKit

/// Summaries, page languages and the source sections of chapter pages.
final class EPUBReadingPiecesTests: XCTestCase {
    func testSummaryIsTheLeadSentenceCutAtAClause() {
        XCTAssertEqual(ArticleSummary.of([.paragraph([.text("第一句话。第二句话。")])]), "第一句话。")
        let long = String(repeating: "很长的句子", count: 8) + "，" + String(repeating: "还有更多内容", count: 8) + "。"
        XCTAssertEqual(ArticleSummary.of([.paragraph([.text(long)])]), String(repeating: "很长的句子", count: 8) + "…")
        let english = "The minister said on Friday that the talks, which began in March and ran for weeks, "
            + "would resume after the holiday once both delegations had consulted their governments at home."
        XCTAssertEqual(ArticleSummary.of([.paragraph([.text(english)])]),
                       "The minister said on Friday that the talks, which began in March and ran for weeks…")
        XCTAssertNil(ArticleSummary.of([.figure(Figure(pictures: [], caption: [.text("Caption only.")]))]))
    }

    private func cleaned(_ title: String, _ text: String) -> CleanedArticle {
        let file = SourceFile(url: URL(fileURLWithPath: "/a/x.txt"), root: URL(fileURLWithPath: "/a"), displayName: "x.txt")
        return CleanedArticle(article: Article(origin: file, title: title, url: nil, instant: nil), body: [.paragraph([.text(text)])])
    }

    func testPageLanguageMarksOnlyArticlesInTheOtherLanguage() {
        let english = cleaned("Talks resume in Geneva", "Negotiators from both sides met on Friday in Geneva.")
        let chinese = cleaned("日内瓦会谈恢复", "双方谈判代表周五在日内瓦会面（Geneva）。")
        XCTAssertEqual(PageLanguage.of(english, bookLanguage: "zh"), "en")
        XCTAssertEqual(PageLanguage.of(english, bookLanguage: "zh-Hant"), "en")
        XCTAssertNil(PageLanguage.of(chinese, bookLanguage: "zh"))
        XCTAssertEqual(PageLanguage.of(chinese, bookLanguage: "en"), "zh")
        XCTAssertNil(PageLanguage.of(english, bookLanguage: "de"), "the detector knows zh and en only")
    }

    /// The page language is counted straight from the content, piece by
    /// piece; it must count exactly what the sample as one string holds: the
    /// title, then the first 1,800 bytes of the paragraphs' text, each
    /// followed by a space, a character cut by that limit not counting, text
    /// between `<` and `>` skipped even across pieces.
    func testPageLanguageCountsWhatTheSampleAsOneStringHolds() {
        func countedAsOneString(_ cleaned: CleanedArticle) -> [Int] {
            var text = ""
            ContentWalker.walk(cleaned.body, blocks: { block in
                switch block {
                case .paragraph(let run), .plain(let run), .heading(_, let run):
                    text += run.plainText + " "
                    return .skipChildren
                case .list, .quote, .definitions: return .descend
                default: return .skipChildren
                }
            }, inlines: { _ in .skipChildren })
            let sample = String(decoding: text.utf8.prefix(PageLanguage.sampleLength * 3), as: UTF8.self)
            var han = 0, latin = 0
            for part in [cleaned.article.displayTitle, sample] {
                var insideTag = false
                for scalar in part.unicodeScalars {
                    let v = scalar.value
                    if insideTag { insideTag = v != 0x3E; continue }
                    if v == 0x3C { insideTag = true }
                    else if HeaderText.isHan(v) { han += 1 }
                    else if (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v) || (0xC0...0x24F).contains(v) { latin += 1 }
                }
            }
            return [han, latin]
        }
        var generator = SystemRandomNumberGenerator()
        let pieces = ["中文内容", "English words ", "<", ">", "一", "é", " ", "abc<tag>", "長い", "x", "𠀀"]
        for round in 0..<400 {
            var body: [Block] = []
            for _ in 0..<Int.random(in: 1...6, using: &generator) {
                var run: [Inline] = []
                for _ in 0..<Int.random(in: 1...40, using: &generator) {
                    let text = String(repeating: pieces.randomElement(using: &generator)!, count: Int.random(in: 1...30, using: &generator))
                    switch Int.random(in: 0..<8, using: &generator) {
                    case 0: run.append(.lineBreak)
                    case 1: run.append(.styled(.emphasis, [.text(text)]))
                    case 2: run.append(.ruby(base: [.text(text)], annotation: "zhù yīn"))
                    case 3: run.append(.code(text))
                    default: run.append(.text(text))
                    }
                }
                body.append(Int.random(in: 0..<4, using: &generator) == 0 ? .quote([.paragraph(run)]) : .paragraph(run))
            }
            let title = round % 2 == 0 ? "Talks <resume>" : "会谈恢复"
            let file = SourceFile(url: URL(fileURLWithPath: "/a/x.txt"), root: URL(fileURLWithPath: "/a"), displayName: "x.txt")
            let article = CleanedArticle(article: Article(origin: file, title: title, url: nil, instant: nil), body: body)
            let tally = PageLanguage.tally(of: article)
            XCTAssertEqual([tally.han, tally.latin], countedAsOneString(article), "round \(round)")
        }
    }

    func testLargeChaptersAreSplitBySourceAndReadingOrderFollows() {
        let hosts = ["a.example", "b.example", "b.example", "a.example", "b.example", "c.example"]
        let articles = hosts.enumerated().map { index, host -> Article in
            let file = SourceFile(url: URL(fileURLWithPath: "/a/\(index).txt"), root: URL(fileURLWithPath: "/a"), displayName: "\(index).txt")
            return Article(origin: file, title: "T\(index)", url: URL(string: "https://\(host)/\(index)"), instant: Date(timeIntervalSince1970: Double(index)))
        }
        let digest = Digest(chapters: [Chapter(key: "k", start: Date(timeIntervalSince1970: 0), articles: articles)], options: SelectionOptions())
        let split = BookPlan(digest: digest, layout: BookLayout(sections: .source, sectionThreshold: 6), heading: { _ in "H" }, otherSources: "Other")
        XCTAssertEqual(split.chapters[0].sections.map(\.title), ["b.example", "a.example", "c.example"])
        // Reading order: b's articles (1, 2, 4), then a's (0, 3), then c's (5).
        XCTAssertEqual((0..<6).map { split.entry(chapter: 0, index: $0)! }, [3, 0, 1, 4, 2, 5])
        XCTAssertEqual(ArticleNavigation.links(for: 3, in: split, strings: .english).map(\.href), ["a00003.xhtml", "c0001.xhtml#s2", "a00005.xhtml"])
        let small = BookPlan(digest: digest, layout: BookLayout(sections: .source, sectionThreshold: 7), heading: { _ in "H" }, otherSources: "Other")
        XCTAssertFalse(small.chapters[0].isSplit)
        let none = BookPlan(digest: digest, layout: BookLayout(sections: .none, sectionThreshold: 2), heading: { _ in "H" }, otherSources: "Other")
        XCTAssertEqual((0..<6).map { none.entry(chapter: 0, index: $0)! }, Array(0..<6))
    }
}
