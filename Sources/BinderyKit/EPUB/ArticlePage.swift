import Foundation

/// One article's XHTML page: headline, byline (source, local date and time,
/// author, link to the original), then the article's content.
enum ArticlePage {
    static func render(_ article: Article, body: [Block], content: ContentXHTML, strings: BookStrings, language: String,
                       timeZone: TimeZone, stylesheetHref: String) -> Data {
        var byline: [Node] = []
        func appendPart(_ node: Node) {
            if !byline.isEmpty { byline.append(.text(strings.bylineSeparator)) }
            byline.append(node)
        }
        if let source = article.source {
            appendPart(XMLTree.element("span", [("class", "source")], text: source))
        }
        if let instant = article.instant {
            appendPart(XMLTree.element("time", [("datetime", W3CDateTime.string(instant, timeZone: timeZone))],
                                       text: DateText.articleDateTime(instant, language: language, timeZone: timeZone)))
        }
        if let author = article.author, !author.isEmpty {
            appendPart(XMLTree.element("span", [("class", "author")], text: author))
        }
        if let url = article.url, let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https" {
            appendPart(XMLTree.element("a", [("class", "original"), ("href", url.absoluteString)], text: strings.originalArticle))
        }
        var head: [Node] = [XMLTree.element("h1", text: article.title)]
        if !byline.isEmpty { head.append(XMLTree.element("p", [("class", "byline")], byline)) }
        let page = XHTMLPage(title: article.title, language: language, stylesheetHref: stylesheetHref, bodyClass: "article")
        return page.render { out in
            for node in XMLTree.lines(head) { XHTMLSerializer.write(node, into: &out) }
            out.append(contentsOf: "<div class=\"article-body\">".utf8)
            content.write(body, into: &out)
            out.append(contentsOf: "</div>\n".utf8)
        }
    }
}
