import Foundation

/// One article's XHTML page: headline, byline (publisher, local date and
/// time, author, reposting source, link to the original and to its
/// original-language version), the article's content, its credits, then
/// the links to the articles before and after it and to its chapter.
/// `pageLanguage`: the article's own language when it is not the book's.
enum ArticlePage {
    static func render(_ cleaned: CleanedArticle, content: ContentXHTML, strings: BookStrings, language: String,
                       pageLanguage: String? = nil, navigation: Node? = nil,
                       timeZone: TimeZone, stylesheetHref: String) -> Data {
        let article = cleaned.article
        var byline: [Node] = []
        func appendPart(_ node: Node) {
            if !byline.isEmpty { byline.append(.text(strings.bylineSeparator)) }
            byline.append(node)
        }
        if let source = article.publisherName {
            appendPart(XMLTree.element("span", [("class", "source")], text: source))
        }
        if let instant = article.instant {
            appendPart(XMLTree.element("time", [("datetime", W3CDateTime.string(instant, timeZone: timeZone))],
                                       text: DateText.articleDateTime(instant, language: language, timeZone: timeZone)))
        }
        if let author = article.author, !author.isEmpty {
            appendPart(XMLTree.element("span", [("class", "author")], text: author))
        }
        if let via = article.via {
            appendPart(XMLTree.element("span", [("class", "via")], text: strings.via(via)))
        }
        if let url = article.url, let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https" {
            appendPart(XMLTree.element("a", [("class", "original"), ("href", url.absoluteString)], text: strings.originalArticle))
        }
        if let version = cleaned.originalVersion {
            appendPart(XMLTree.element("a", [("class", "original-version"), ("href", version.href), ("hreflang", version.language)],
                                       text: strings.originalVersion(version.language)))
        }
        var head: [Node] = [XMLTree.element("h1", text: article.displayTitle)]
        // The byline's words are the book's, also on a page in another language.
        let bylineLanguage = pageLanguage == nil ? [] : [("lang", language), ("xml:lang", language)]
        if !byline.isEmpty { head.append(XMLTree.element("p", [("class", "byline")] + bylineLanguage, byline)) }
        // Closing lines in small type (the stylesheet may style `.credit`).
        let credits = cleaned.credits.map { XMLTree.element("p", [("class", "credit")], [XMLTree.element("small", text: $0)]) }
        let page = XHTMLPage(title: article.displayTitle, language: pageLanguage ?? language, stylesheetHref: stylesheetHref,
                             bodyClass: "article")
        return page.render { out in
            for node in XMLTree.lines(head) { XHTMLSerializer.write(node, into: &out) }
            out.append(contentsOf: "<div class=\"article-body\">".utf8)
            content.write(cleaned.body, into: &out)
            out.append(contentsOf: "</div>\n".utf8)
            for node in XMLTree.lines(credits + (navigation.map { [$0] } ?? [])) { XHTMLSerializer.write(node, into: &out) }
        }
    }
}
