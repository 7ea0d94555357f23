import Foundation

/// What a chapter page and the contents page show of an article, known
/// once the article has been cleaned.
struct ListedArticle: Sendable {
    var title: String
    var source: String?
    /// `21:23`, or `1月9日 21:23` in a chapter of several days.
    var time: String?
    var summary: String?
    /// The article's own language when it is not the book's (`PageLanguage`).
    var language: String?
}

/// A chapter's page, as a newspaper section's front: the date heading, the
/// article count, then every article with its title (linked), source, time
/// and one-line summary — under source headings when the chapter is split —
/// and links to the book's contents and the next chapter.
enum ChapterPage {
    static func render(_ chapter: BookPlan.PlannedChapter, plan: BookPlan, listed: [Int: ListedArticle],
                       nextChapter: BookPlan.PlannedChapter?, contentsHref: String,
                       strings: BookStrings, language: String, stylesheetHref: String) -> Data {
        var blocks: [Node] = [
            XMLTree.element("h1", [("class", "chapter-heading")], text: chapter.heading),
            XMLTree.element("p", [("class", "chapter-count")], text: strings.articleCount(chapter.entryIndices.count)),
        ]
        if chapter.isSplit {
            // The sections at a glance: a tap away on a small screen.
            var index: [Node] = []
            for section in chapter.sections {
                guard let title = section.title, let anchor = section.anchor else { continue }
                if !index.isEmpty { index.append(.text(strings.bylineSeparator)) }
                index.append(XMLTree.element("a", [("href", "#" + anchor)], text: "\(title) (\(section.entries.count))"))
            }
            blocks.append(XMLTree.element("p", [("class", "section-index")], index))
        }
        for section in chapter.sections {
            if let title = section.title, let anchor = section.anchor {
                blocks.append(XMLTree.element("h2", [("class", "section-heading"), ("id", anchor)], text: title))
            }
            let items = section.entries.map { entry in
                item(href: ArticleNavigation.fileName(plan.entries[entry].href), listed[entry], showsSource: !chapter.isSplit, strings: strings)
            }
            blocks.append(XMLTree.indented(XMLTree.element("ul", [("class", "chapter-contents")], items)))
        }
        var links = [ArticleNavigation.Link(text: "‹ " + strings.contents, href: contentsHref, rel: nil)]
        if let nextChapter {
            links.append(.init(text: strings.nextChapter, href: ArticleNavigation.fileName(nextChapter.href), rel: "next"))
        }
        blocks.append(ArticleNavigation.node(links, separator: strings.bylineSeparator))
        let section = XMLTree.element("section", [("epub:type", "chapter"), ("class", "chapter-page")], XMLTree.lines(blocks))
        let page = XHTMLPage(title: chapter.heading, language: language, stylesheetHref: stylesheetHref, bodyClass: "chapter-page")
        return page.render(XMLTree.lines([section]))
    }

    private static func item(href: String, _ listed: ListedArticle?, showsSource: Bool, strings: BookStrings) -> Node {
        let listed = listed ?? ListedArticle(title: href)
        var children: [Node] = [XMLTree.element("p", [("class", "entry-title")], [XMLTree.element("a", [("href", href)], text: listed.title)])]
        let meta = [showsSource ? listed.source : nil, listed.time].compactMap { $0 }
        if !meta.isEmpty {
            children.append(XMLTree.element("p", [("class", "entry-meta")], text: meta.joined(separator: strings.bylineSeparator)))
        }
        if let summary = listed.summary {
            children.append(XMLTree.element("p", [("class", "entry-summary")], text: summary))
        }
        var attributes = [("class", "entry")]
        if let language = listed.language { attributes += [("lang", language), ("xml:lang", language)] }
        return XMLTree.element("li", attributes, children)
    }
}

extension ListedArticle {
    init(title: String) { self.init(title: title, source: nil, time: nil, summary: nil, language: nil) }
}

extension ChapterPage {
    /// An article's time on its chapter page: `21:23` in a chapter of one
    /// day; `1月9日 21:23` / `9 January 21:23` in one of several.
    static func listedTime(_ instant: Date, withDay: Bool, language: String, timeZone: TimeZone) -> String {
        let local = CivilCalendar.local(instant, in: timeZone)
        let time = "\(Period.pad(local.secondOfDay / 3600, 2)):\(Period.pad(local.secondOfDay / 60 % 60, 2))"
        guard withDay else { return time }
        let day = CivilCalendar.civilDay(local.day)
        return DateText.isChinese(language) ? "\(day.month)月\(day.day)日 \(time)"
            : "\(day.day) \(DateText.englishMonths[day.month - 1]) \(time)"
    }
}

extension Chapter {
    /// Whether the chapter holds the articles of a single day.
    func isOneDay(_ grouping: Grouping) -> Bool {
        switch grouping {
        case .day: return true
        case .auto: return end == nil
        case .week, .month: return false
        }
    }
}
