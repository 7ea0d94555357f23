import Foundation

/// The pages Bindery writes before the articles: cover and title page.
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

    /// Sources named on the title page before "and N more".
    static let namedSourceCount = 5

    /// Title (one line per ` · ` part, so it breaks where the language
    /// would), date range, article count and the first few sources.
    static func titlePage(title: String, dateRange: String?, articleCount: Int, sources: [String],
                          strings: BookStrings, language: String, stylesheetHref: String) -> Data {
        var parts: [Node] = []
        for part in title.components(separatedBy: " · ") where !part.isEmpty {
            if !parts.isEmpty { parts.append(.text(" ")) }
            parts.append(XMLTree.element("span", [("class", "title-part")], text: part))
        }
        var blocks: [Node] = [XMLTree.element("h1", [("class", "book-title")], parts)]
        if let dateRange { blocks.append(XMLTree.element("p", [("class", "date-range")], text: dateRange)) }
        blocks.append(XMLTree.element("p", [("class", "article-count")], text: strings.articleCount(articleCount)))
        if let line = sourcesLine(sources, strings: strings) {
            blocks.append(XMLTree.element("p", [("class", "sources")], text: line))
        }
        let section = XMLTree.element("section", [("epub:type", "titlepage"), ("class", "titlepage")], XMLTree.lines(blocks))
        let page = XHTMLPage(title: title, language: language, stylesheetHref: stylesheetHref, bodyClass: "titlepage")
        return page.render(XMLTree.lines([section]))
    }

    /// `来源：美国之音、BBC 中文等 4 个来源` / `Sources: VOA, BBC and 4 more`; `nil` without sources.
    static func sourcesLine(_ sources: [String], strings: BookStrings) -> String? {
        guard !sources.isEmpty else { return nil }
        var line = strings.sourcesLabel + sources.prefix(namedSourceCount).joined(separator: strings.listSeparator)
        if sources.count > namedSourceCount {
            let more = strings.moreSources(sources.count - namedSourceCount)
            line += more.hasPrefix("等") ? more : " " + more
        }
        return line
    }
}
