/// A link marked `rel="tag"` names one of the article's tags (the rel-tag
/// microformat WordPress writes, FORMAT.md: China Digital Times' `Post tags:`).
/// Its text is collected for `CleanedArticle.tags` — before the footer that
/// usually holds it is dropped — and the link stays where it is.
struct CollectRelTags: ElementRule {
    var elementNames: Set<String>? { ["a"] }

    func apply(to element: inout Element, in context: inout CleaningContext) -> [Node]? {
        guard element.name == "a", let rel = element[attribute: "rel"],
              Selector.words(rel).contains(where: { $0.lowercased() == "tag" }) else { return nil }
        let tag = element.children.readableText
        if !tag.isEmpty {
            context.findings.addTag(tag)
            context.fired("CollectRelTags")
        }
        return nil
    }
}
