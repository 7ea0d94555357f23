/// Some feeds write the author twice: `KONEY BAI,KONEY BAI`, `黄安伟,黄安伟`.
/// Names repeated in a byline list are shown once, in their first place;
/// different names stay (`张三、李四`).
struct CollapseDoubledByline: HeaderRule {
    static let separators: Set<Character> = [",", "，", "、", ";", "；"]

    func apply(to article: inout Article, in context: inout HeaderContext) {
        guard let author = article.author, author.contains(where: { Self.separators.contains($0) }) else { return }
        let names = author.split(whereSeparator: { Self.separators.contains($0) })
            .map { String($0).collapsingWhitespace() }.filter { !$0.isEmpty }
        var seen = Set<String>()
        let unique = names.filter { seen.insert($0.lowercased()).inserted }
        guard unique.count < names.count, !unique.isEmpty else { return }
        let separator = author.first(where: { Self.separators.contains($0) }).map { $0 == "," ? ", " : String($0) } ?? ", "
        article.author = unique.joined(separator: separator)
        context.fired("CollapseDoubledByline")
    }
}
