/// What cleaning learns about an article besides its body: the credits,
/// tags and original-language link the rules took out of it, and which
/// rules fired how often (for `bindery rules`). Ends up in `CleanedArticle`.
struct CleaningFindings {
    /// Credit lines, in the order they stood in the article.
    var credits: [String] = []
    /// In order of appearance, without repeats.
    var tags: [String] = []
    var originalVersion: OriginalVersion?
    /// Rule name → times it changed something in this article.
    var firedRules: [String: Int] = [:]
    /// The text each rule took out of the article (not what it kept
    /// elsewhere, such as credits), in the order removed.
    var removed: [RemovedText] = []

    mutating func addTag(_ raw: String) {
        let tag = raw.collapsingWhitespace()
        if !tag.isEmpty, !tags.contains(tag) { tags.append(tag) }
    }

    mutating func addCredit(_ raw: String) {
        let credit = raw.collapsingWhitespace()
        if !credit.isEmpty, !credits.contains(credit) { credits.append(credit) }
    }
}

extension CleaningContext {
    /// Records that the rule `name` changed something (`times` times).
    mutating func fired(_ name: String, times: Int = 1) {
        findings.firedRules[name, default: 0] += times
    }

    /// Records that the rule `name` took `text` out of the article (and fired).
    mutating func removed(_ text: String, by name: String) {
        fired(name)
        let text = text.collapsingWhitespace()
        if !text.isEmpty { findings.removed.append(RemovedText(rule: name, text: text)) }
    }
}
