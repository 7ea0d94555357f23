/// An article and its body as every renderer receives it: typed content
/// (`Block`, `Inline`), made by `ArticleCleaner` from the article's HTML.
///
/// What the types cannot say, the cleaner guarantees: links are absolute
/// `http(s)`/`mailto` URLs or `#fragment`s whose `anchor` is in the body;
/// anchor ids are valid XML `ID`s, unique in the body; text holds no
/// characters XML forbids once escaped. Before the Assets stage every
/// picture is `.unbound`; after it, `.bundled` or `.missing`.
public struct CleanedArticle: Sendable {
    public var article: Article
    public var body: [Block]

    public init(article: Article, body: [Block]) {
        self.article = article
        self.body = body
    }
}
