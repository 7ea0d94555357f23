/// The body is a sequence of blocks: lead text outside any element and other
/// inline content at the top level is wrapped in paragraphs (split at `<br><br>`
/// like any paragraph); whitespace between blocks is dropped.
struct WrapLooseInlineContent: BodyRule {
    func apply(to body: inout [Node], in context: inout CleaningContext) {
        body = body.wrappingRuns(keeping: HTMLVocabulary.isBlock) { SplitParagraphs.split($0, into: Element("p")) }
    }
}
