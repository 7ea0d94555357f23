/// Reposting sites start a title with the source they took it from:
/// `美国之音 | …`, `德国之声｜…`, `联合国新闻 | …`. That is worth keeping — as
/// "via 美国之音" (`Article.via`), not as the first words of the headline.
///
/// A prefix counts when the site's `title.via` patterns match at the start
/// (the first capture group is the source), or when it is the name of a
/// site the rules know (a publisher or alias) followed by `|` or `｜`. A
/// title naming its own publisher that way just loses the prefix.
struct TitleViaPrefix: HeaderRule {
    static let separators: Set<Character> = ["|", "｜"]

    func apply(to article: inout Article, in context: inout HeaderContext) {
        if let site = context.site {
            for pattern in site.titleVia {
                guard let match = pattern.firstMatch(in: article.title), match.range.lowerBound == article.title.startIndex else { continue }
                let source = (match.groups.first ?? nil) ?? String(article.title[match.range])
                if take(source.trimmingCharacters(in: Self.separatorsAndSpaces), rest: article.title[match.range.upperBound...], into: &article, context) {
                    context.fired("\(site.name): title.via \(pattern.source)")
                    return
                }
            }
        }
        let title = article.title.utf8
        // Byte-wise: titles are compared with every name the rules know.
        for name in context.knownSources where title.starts(with: name.utf8) {
            guard let afterName = String(title.dropFirst(name.utf8.count)) else { continue }
            let spaced = afterName.drop(while: { $0.isWhitespace })
            guard let bar = spaced.first, Self.separators.contains(bar) else { continue }
            if take(name, rest: spaced.dropFirst(), into: &article, context) {
                context.fired("TitleViaPrefix")
            }
            return
        }
    }

    private static let separatorsAndSpaces: Set<Character> = separators.union([" ", "\u{3000}", "\u{A0}"])

    /// Sets the title to `rest` and `via` to `source` (unless it names the
    /// article's own site); `false` when that would empty the title.
    private func take(_ source: String, rest: Substring, into article: inout Article, _ context: HeaderContext) -> Bool {
        let title = String(rest).collapsingWhitespace()
        guard !title.isEmpty, !source.isEmpty else { return false }
        article.title = title
        let ownNames = [context.site?.publisher].compactMap { $0 } + (context.site?.aliases ?? [])
        if !ownNames.contains(source) { article.via = source }
        return true
    }
}

extension String {
    /// Without leading and trailing characters from `set`.
    func trimmingCharacters(in set: Set<Character>) -> String {
        var slice = Substring(self)
        while let first = slice.first, set.contains(first) { slice.removeFirst() }
        while let last = slice.last, set.contains(last) { slice.removeLast() }
        return String(slice)
    }
}
