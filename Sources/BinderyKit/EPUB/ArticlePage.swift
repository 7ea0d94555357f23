import Foundation

/// One article's XHTML page: headline, byline (source, local date and time,
/// author, link to the original), then the cleaned body as it is.
enum ArticlePage {
    static func render(_ article: Article, body: [Node], strings: BookStrings, language: String, timeZone: TimeZone, stylesheetHref: String) -> Data {
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
        var blocks: [Node] = [XMLTree.element("h1", text: article.title)]
        if !byline.isEmpty { blocks.append(XMLTree.element("p", [("class", "byline")], byline)) }
        blocks.append(XMLTree.element("div", [("class", "article-body")], body))
        let page = XHTMLPage(title: article.title, language: language, stylesheetHref: stylesheetHref, bodyClass: "article")
        return page.render(XMLTree.lines(blocks))
    }

    /// The manifest properties a page's content requires (EPUB 3.3 §5.6.2.3).
    static func manifestProperties(of nodes: [Node]) -> [String] {
        var hasSVG = false, hasMathML = false
        func visit(_ nodes: [Node]) {
            for case .element(let element) in nodes {
                switch element.name {
                case "svg": hasSVG = true
                case "math": hasMathML = true
                default: visit(element.children)
                }
            }
        }
        visit(nodes)
        return (hasMathML ? ["mathml"] : []) + (hasSVG ? ["svg"] : [])
    }
}
