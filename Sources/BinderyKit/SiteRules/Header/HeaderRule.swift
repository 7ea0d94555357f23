/// What a header rule sees besides the article: the site's rule and the
/// names of every site the rules know (reposting sources in titles).
struct HeaderContext {
    let site: SiteRule?
    /// Publisher names and aliases of all sites, longest first (so that
    /// `美国之音中文网` is tried before `美国之音`).
    let knownSources: [String]
    /// Names of the rules that changed something, in order.
    private(set) var fired: [String] = []

    mutating func fired(_ rule: String) { fired.append(rule) }
}

/// A small named rewrite of an article's header facts (title, byline),
/// run before the digest is built: chapters, contents, note names and the
/// order of notes all use the result. Rules never throw.
protocol HeaderRule: Sendable {
    func apply(to article: inout Article, in context: inout HeaderContext)
}
