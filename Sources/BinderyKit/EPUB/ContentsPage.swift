import Foundation

/// The book's own contents page: one row per chapter — its heading
/// (linked), article count and the titles of a few of its first articles —
/// so that a week fits a screen or two. Every article is listed in the
/// navigation document and the NCX, which readers show in their menu.
enum ContentsPage {
    /// Titles shown under each chapter's row.
    static let topTitleCount = 3

    static func render(_ plan: BookPlan, listed: [Int: ListedArticle], title: String,
                       strings: BookStrings, language: String, stylesheetHref: String) -> Data {
        let rows: [Node] = plan.chapters.map { chapter in
            var row: [Node] = [XMLTree.element("p", [("class", "contents-chapter")], [
                XMLTree.element("a", [("href", ArticleNavigation.fileName(chapter.href))], text: chapter.heading),
                .text(" "),
                XMLTree.element("span", [("class", "contents-count")], text: strings.articleCount(chapter.entryIndices.count)),
            ])]
            var top: [Node] = []
            for entry in topEntries(chapter) {
                if !top.isEmpty { top.append(.text(strings.bylineSeparator)) }
                let text = listed[entry]?.title ?? ""
                var attributes = [("href", ArticleNavigation.fileName(plan.entries[entry].href))]
                if let language = listed[entry]?.language { attributes += [("lang", language), ("xml:lang", language)] }
                top.append(XMLTree.element("a", attributes, text: text))
            }
            if !top.isEmpty { row.append(XMLTree.element("p", [("class", "contents-top")], top)) }
            return XMLTree.element("li", [], row)
        }
        let blocks: [Node] = [
            XMLTree.element("h1", [("class", "contents-title")], text: strings.contents),
            XMLTree.indented(XMLTree.element("ol", [("class", "book-contents")], rows)),
        ]
        let section = XMLTree.element("section", [("class", "contents-page")], XMLTree.lines(blocks))
        let page = XHTMLPage(title: strings.contents, language: language, stylesheetHref: stylesheetHref, bodyClass: "contents-page")
        return page.render(XMLTree.lines([section]))
    }

    /// The first article of each of the first sections, or the chapter's
    /// first articles when it is not split.
    static func topEntries(_ chapter: BookPlan.PlannedChapter) -> [Int] {
        let picks = chapter.isSplit ? chapter.sections.compactMap(\.entries.first) : chapter.entryIndices
        return Array(picks.prefix(topTitleCount))
    }
}
