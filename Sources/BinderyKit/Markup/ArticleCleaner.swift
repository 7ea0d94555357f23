import CLibXML2
import Foundation

/// Parses an article body with libxml2 and applies the cleaning rules.
/// (Skeleton: the Markup work replaces this with the real parser and rules.)
public struct ArticleCleaner: Sendable {
    public init() {}

    /// Never throws: problems become diagnostics naming the article's file.
    public func clean(_ article: Article, html: String) -> (CleanedArticle, [Diagnostic]) {
        (CleanedArticle(article: article, body: [.element(Element("p", children: [.text(html)]))]), [])
    }
}

let libxml2Version = LIBXML_DOTTED_VERSION
