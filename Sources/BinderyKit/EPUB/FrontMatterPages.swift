import Foundation

/// The pages Bindery writes around the articles: cover, title page and one
/// opener per chapter.
enum FrontMatterPages {
    /// The cover image alone on its page (EPUB 3.3 §D.4.1 `cover` semantics).
    static func cover(imageHref: String, title: String, strings: BookStrings, language: String, stylesheetHref: String) -> Data {
        let page = XHTMLPage(title: strings.cover, language: language, stylesheetHref: stylesheetHref, bodyClass: "cover")
        return page.render(XMLTree.lines([
            XMLTree.indented(XMLTree.element("section", [("epub:type", "cover"), ("class", "cover")], [
                XMLTree.element("img", [("src", imageHref), ("alt", title)]),
            ])),
        ]))
    }

    /// Title, date range, article count and sources.
    static func titlePage(title: String, dateRange: String?, articleCount: Int, sources: [String],
                          strings: BookStrings, language: String, stylesheetHref: String) -> Data {
        var blocks: [Node] = [XMLTree.element("h1", [("class", "book-title")], text: title)]
        if let dateRange { blocks.append(XMLTree.element("p", [("class", "date-range")], text: dateRange)) }
        blocks.append(XMLTree.element("p", [("class", "article-count")], text: strings.articleCount(articleCount)))
        if !sources.isEmpty {
            blocks.append(XMLTree.element("p", [("class", "sources")],
                                          text: strings.sourcesLabel + sources.joined(separator: strings.listSeparator)))
        }
        let section = XMLTree.element("section", [("epub:type", "titlepage"), ("class", "titlepage")], XMLTree.lines(blocks))
        let page = XHTMLPage(title: title, language: language, stylesheetHref: stylesheetHref, bodyClass: "titlepage")
        return page.render(XMLTree.lines([section]))
    }

    /// The chapter's date heading and its articles, each linked to its page.
    static func chapterOpener(heading: String, articles: [(title: String, source: String?, href: String)],
                              strings: BookStrings, language: String, stylesheetHref: String) -> Data {
        let items: [Node] = articles.map { article in
            var children: [Node] = [XMLTree.element("a", [("href", article.href)], text: article.title)]
            if let source = article.source {
                children.append(.text(" "))
                children.append(XMLTree.element("span", [("class", "source")], text: source))
            }
            return XMLTree.element("li", [], children)
        }
        let blocks: [Node] = [
            XMLTree.element("h1", [("class", "chapter-heading")], text: heading),
            XMLTree.indented(XMLTree.element("ol", [("class", "chapter-contents")], items)),
        ]
        let section = XMLTree.element("section", [("epub:type", "chapter"), ("class", "chapter-opener")], XMLTree.lines(blocks))
        let page = XHTMLPage(title: heading, language: language, stylesheetHref: stylesheetHref, bodyClass: "chapter-opener")
        return page.render(XMLTree.lines([section]))
    }
}
