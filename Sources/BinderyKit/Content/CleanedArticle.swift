/// An article and its body as every renderer receives it: typed content
/// (`Block`, `Inline`), made by `ArticleCleaner` from the article's HTML.
///
/// What the types cannot say, the cleaner guarantees: links are absolute
/// `http(s)`/`mailto` URLs or `#fragment`s whose `anchor` is in the body;
/// anchor ids are valid XML `ID`s, unique in the body; text holds no
/// control characters but tab and line feed, nor anything else XML forbids
/// once escaped. Before the Assets stage every
/// picture is `.unbound`; after it, `.bundled` or `.missing`.
public struct CleanedArticle: Sendable {
    public var article: Article
    public var body: [Block]
    /// Who translated, edited or contributed (`编译 王五;审校 赵六`), as the
    /// site rules found it: closing lines, in the order they stood.
    public var credits: [String]
    /// The site's own tags for the article (`rel="tag"` links and the site
    /// rules' `tags`), in order of appearance.
    public var tags: [String]
    /// The article in its original language, when the site links to it.
    public var originalVersion: OriginalVersion?
    /// Which cleaning and header rules changed something, and how often
    /// (`bindery rules` adds these up).
    public var firedRules: [String: Int]
    /// The text the site and boilerplate rules took out of the body, each
    /// with the rule that did (`bindery rules --removed` shows them).
    public var removed: [RemovedText]

    public init(article: Article, body: [Block], credits: [String] = [], tags: [String] = [],
                originalVersion: OriginalVersion? = nil, firedRules: [String: Int] = [:], removed: [RemovedText] = []) {
        self.article = article
        self.body = body
        self.credits = credits
        self.tags = tags
        self.originalVersion = originalVersion
        self.firedRules = firedRules
        self.removed = removed
    }
}

/// Text a rule took out of an article, as the reader would have seen it.
public struct RemovedText: Sendable, Hashable {
    /// The rule's name, as reports show it.
    public var rule: String
    /// White space collapsed.
    public var text: String

    public init(rule: String, text: String) {
        self.rule = rule
        self.text = text
    }
}
