import Foundation

/// An article's body after parsing and cleaning: the tree every renderer walks.
///
/// Contract for renderers:
/// - only elements valid in EPUB 3.3 XHTML flow content remain, with valid
///   attributes; ids are unique within the body;
/// - `img` elements carry a `src` (absolute `http(s):` URL, or a `file:` URL
///   inside the article's input folder, until asset resolution rewrites it to
///   a bundled path or replaces the image by its text) and an `alt`;
/// - `figure` holds an `img` and optionally a `figcaption`;
/// - links are absolute `http(s):`/`mailto:` URLs or `#fragment`s that exist.
public struct CleanedArticle: Sendable {
    public var article: Article
    /// The body's block-level content.
    public var body: [Node]

    public init(article: Article, body: [Node]) {
        self.article = article
        self.body = body
    }
}
