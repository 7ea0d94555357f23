/// Parses an article body with libxml2, applies the cleaning rules to the
/// tree and converts the result into the typed content every renderer
/// writes (`CleanedArticle`, `ContentConverter`).
///
/// Order matters in three places: the archiver's boilerplate is recognised on
/// the raw tree (before attributes and wrappers are rewritten); element rules
/// run in one traversal (`RuleWalker`); body-wide rules that need the whole
/// cleaned tree (paragraph wrapping, ids and fragment links) run last.
public struct ArticleCleaner: Sendable {
    public init() {}

    private static let rawBodyRules: [any BodyRule] = [RemoveDateLine(), RemoveFeedFooter(), CaptionLeadImage()]

    private static let walker = RuleWalker(
        before: [
            DropNonContent(), KeepNoscriptImages(), ReplaceEmbedsWithLinks(), RenameObsoleteElements(),
            UnwrapFormControls(), ChooseImageSource(), UnwrapUnknownElements(), SanitizeLinks(),
            FilterAttributes(), DemoteHeadings(), RepairOrphanedParts(),
        ],
        after: [
            RepairLists(), RepairTables(), NormalizeFigures(), DropAdjacentDuplicateImages(), DropEmptyLinks(),
            SplitParagraphs(), HoistBlocksOutOfPhrasing(),
        ])

    private static let cleanBodyRules: [any BodyRule] = [
        DropAdjacentDuplicateImages(), WrapLooseInlineContent(), MakeIDsUniqueAndValid(),
    ]

    /// Never throws: problems become diagnostics naming the article's file.
    public func clean(_ article: Article, html: String) -> (CleanedArticle, [Diagnostic]) {
        let (tree, diagnostics) = cleanTree(article, html: html)
        return (CleanedArticle(article: article, body: ContentConverter.blocks(tree)), diagnostics)
    }

    /// The cleaned HTML tree, before its conversion into content: what the
    /// cleaning rules make of `html` (their tests look at it).
    func cleanTree(_ article: Article, html: String) -> ([Node], [Diagnostic]) {
        var context = CleaningContext(article: article)
        var body = HTMLParser.parseFragment(html)
        for rule in Self.rawBodyRules { rule.apply(to: &body, in: &context) }
        body = Self.walker.walk(body, in: &context)
        for rule in Self.cleanBodyRules { rule.apply(to: &body, in: &context) }
        if body.isEmpty, html.utf8.contains(where: { $0 > 0x20 }) {
            context.report("the article body has no readable content")
        }
        return (body, context.diagnostics)
    }
}
