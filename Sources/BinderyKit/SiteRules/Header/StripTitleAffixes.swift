/// A site's own name in every title (RFI's ` – 法国国际广播电台 - RFI`) says
/// nothing the byline does not: the site's `title.strip` patterns are cut
/// out wherever they match. A title is never cut to nothing.
struct StripTitleAffixes: HeaderRule {
    func apply(to article: inout Article, in context: inout HeaderContext) {
        guard let site = context.site else { return }
        for pattern in site.titleStrip {
            guard let match = pattern.firstMatch(in: article.title) else { continue }
            var title = article.title
            title.removeSubrange(match.range)
            title = title.collapsingWhitespace()
            guard !title.isEmpty else { continue }
            article.title = title
            context.fired("\(site.name): title.strip \(pattern.source)")
        }
    }
}
