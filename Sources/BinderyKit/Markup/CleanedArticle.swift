import Foundation

/// An article's body after parsing and cleaning: the tree every renderer walks.
///
/// Contract for renderers:
/// - only elements valid in EPUB 3.3 XHTML flow content remain, with valid
///   attributes; ids are unique within the body;
/// - `img` elements carry a `src` and an `alt`. Before asset resolution the
///   `src` is an absolute `http(s):` URL, a base64 `data:` URI of a raster
///   image, or a relative path exactly as the article wrote it (the Assets
///   stage decides whether it names a file inside the input folder); after
///   it, a bundled path — or the image was replaced by its text;
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
