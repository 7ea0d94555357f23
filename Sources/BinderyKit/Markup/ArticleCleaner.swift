/// Parses an article body with libxml2, applies the cleaning rules to the
/// tree and converts the result into the typed content every renderer
/// writes (`CleanedArticle`, `ContentConverter`).
///
/// Order matters in four places: the archiver's boilerplate and the site's
/// element rules (`ApplySiteSelectors`) are recognised on the raw tree
/// (before attributes and wrappers are rewritten); element rules run in one
/// traversal (`RuleWalker`); lines are judged by their text on the cleaned
/// tree (`ApplyLineRules`), where paragraphs are split and loose text is
/// wrapped; ids and fragment links are checked last.
public struct ArticleCleaner: Sendable {
    /// The site rules bodies are cleaned with (the built-in ones unless
    /// the caller brings others).
    public var siteRules: SiteRules
    /// Whether the generic boilerplate rules run (`LabelScreenReaderText`
    /// and the feed-footer line rules); off only to see what they change.
    let boilerplateRules: Bool

    public init(siteRules: SiteRules = .builtIn) {
        self.init(siteRules: siteRules, boilerplateRules: true)
    }

    init(siteRules: SiteRules, boilerplateRules: Bool) {
        self.siteRules = siteRules
        self.boilerplateRules = boilerplateRules
    }

    private static let rawBodyRules: [any BodyRule] = [
        RemoveDateLine(), RemoveFeedFooter(), ApplySiteSelectors(), CaptionLeadImage(),
    ]

    private static func walker(boilerplate: Bool) -> RuleWalker {
        RuleWalker(
            before: [HoistContentOutOfVoidElements()] + (boilerplate ? [LabelScreenReaderText()] : []) + [
                CollectRelTags(), DropNonContent(), KeepNoscriptImages(), ReplaceEmbedsWithLinks(), RenameObsoleteElements(),
                UnwrapFormControls(), ChooseImageSource(), UnwrapUnknownElements(), SanitizeLinks(),
                FilterAttributes(), DemoteHeadings(), RepairOrphanedParts(),
            ],
            after: [
                RepairLists(), RepairTables(), NormalizeFigures(), DropAdjacentDuplicateImages(), DropEmptyLinks(),
                SplitParagraphs(), HoistBlocksOutOfPhrasing(),
            ])
    }

    private static let walker = walker(boilerplate: true)
    private static let walkerWithoutBoilerplate = walker(boilerplate: false)

    private static func cleanBodyRules(boilerplate: Bool) -> [any BodyRule] {
        let lines = ApplyLineRules(generic: boilerplate ? [DropFeedPluginFooter(), DropAppearedFirstOn(), DropShareLinkRows()] : [])
        return [DropAdjacentDuplicateImages(), WrapLooseInlineContent(), lines, MakeIDsUniqueAndValid()]
    }

    private static let cleanBodyRules = cleanBodyRules(boilerplate: true)
    private static let cleanBodyRulesWithoutBoilerplate = cleanBodyRules(boilerplate: false)

    /// Never throws: problems become diagnostics naming the article's file.
    public func clean(_ article: Article, html: String) -> (CleanedArticle, [Diagnostic]) {
        converted(article, cleanDocument(article, parsing: HTMLParser.parseFragment(html), hasText: Self.holdsText(html.utf8)))
    }

    /// An article's body as `ArchiveReader.readBody(of:)` gives it.
    public func clean(_ article: Article, body: ArticleBody) -> (CleanedArticle, [Diagnostic]) {
        converted(article, cleanDocument(article, parsing: HTMLParser.parseFragment(body), hasText: Self.holdsText(body.utf8)))
    }

    private func converted(_ article: Article, _ cleaning: ([Node], CleaningContext)) -> (CleanedArticle, [Diagnostic]) {
        let (tree, context) = cleaning
        let findings = context.findings
        var fired = findings.firedRules
        for rule in article.appliedRules { fired[rule, default: 0] += 1 }
        let cleaned = CleanedArticle(article: article, body: ContentConverter.blocks(tree), credits: findings.credits,
                                     tags: findings.tags, originalVersion: findings.originalVersion, firedRules: fired,
                                     removed: findings.removed)
        return (cleaned, context.diagnostics)
    }

    /// The cleaned HTML tree, before its conversion into content: what the
    /// cleaning rules make of `html` (their tests look at it).
    func cleanTree(_ article: Article, html: String) -> ([Node], [Diagnostic]) {
        let (tree, context) = cleanDocument(article, parsing: HTMLParser.parseFragment(html), hasText: Self.holdsText(html.utf8))
        return (tree, context.diagnostics)
    }

    /// The HTML holds more than white space and control bytes.
    private static func holdsText<Bytes: Sequence<UInt8>>(_ utf8: Bytes) -> Bool {
        utf8.contains { $0 > 0x20 }
    }

    /// The cleaned tree of the body `parse` gives and what the rules found on
    /// the way; `hasText`: the HTML holds text (`holdsText`), asked only of an empty result.
    private func cleanDocument(_ article: Article, parsing parse: @autoclosure () -> [Node], hasText: @autoclosure () -> Bool)
        -> ([Node], CleaningContext) {
        var context = CleaningContext(article: article, site: siteRules.site(for: article.url))
        // Parsed here, not passed in: a tree the caller still held would be
        // copied by the rules' first change, list by list, instead of changed in place.
        var body = parse()
        for rule in Self.rawBodyRules { rule.apply(to: &body, in: &context) }
        (boilerplateRules ? Self.walker : Self.walkerWithoutBoilerplate).walk(&body, in: &context)
        for rule in boilerplateRules ? Self.cleanBodyRules : Self.cleanBodyRulesWithoutBoilerplate {
            rule.apply(to: &body, in: &context)
        }
        if body.isEmpty, hasText() {
            context.report("the article body has no readable content")
        }
        return (body, context)
    }
}
