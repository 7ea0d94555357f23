/// How often each rule changed something, over the articles of an export:
/// what `bindery rules` prints, so that users can see what the built-in
/// rules do to their archive and check rules of their own. Made from what
/// the rules recorded while cleaning (`CleanedArticle.firedRules`), without
/// running anything again.
public struct RuleReport: Sendable {
    public struct Entry: Sendable, Equatable {
        /// `DropFeedPluginFooter`, or `SITE: FIELD SELECTOR-OR-PATTERN`.
        public var rule: String
        /// Articles it changed.
        public var articles: Int
        /// Changes in all (a rule may act several times in one article).
        public var times: Int
    }

    public private(set) var articleCount = 0
    /// Articles that any rule changed.
    public private(set) var changedArticleCount = 0
    /// Site rule name → articles it covered.
    public private(set) var articlesBySite: [String: Int] = [:]
    private var counts: [String: (articles: Int, times: Int)] = [:]

    public init() {}

    /// Counts `cleaned`, an article of the site named `site` (if any).
    public mutating func add(_ cleaned: CleanedArticle, site: String?) {
        articleCount += 1
        if let site { articlesBySite[site, default: 0] += 1 }
        if !cleaned.firedRules.isEmpty { changedArticleCount += 1 }
        for (rule, times) in cleaned.firedRules {
            var entry = counts[rule] ?? (0, 0)
            entry.articles += 1
            entry.times += times
            counts[rule] = entry
        }
    }

    /// Every rule that fired, most articles first, then by name.
    public var entries: [Entry] {
        counts.map { Entry(rule: $0.key, articles: $0.value.articles, times: $0.value.times) }
            .sorted { $0.articles != $1.articles ? $0.articles > $1.articles : $0.rule < $1.rule }
    }
}
