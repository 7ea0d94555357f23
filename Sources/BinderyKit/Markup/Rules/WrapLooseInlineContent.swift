/// The body is a sequence of blocks: lead text outside any element and other
/// inline content at the top level is wrapped in paragraphs (split at `<br><br>`
/// like any paragraph); whitespace between blocks is dropped.
struct WrapLooseInlineContent: BodyRule {
    func apply(to body: inout [Node], in context: inout CleaningContext) {
        var out: [Node] = []
        out.reserveCapacity(body.count)
        var run: [Node] = []
        func flush() {
            if !run.isEmpty { out += SplitParagraphs.split(run, into: Element("p")) }
            run.removeAll()
        }
        for node in body {
            if HTMLVocabulary.isBlock(node) {
                flush()
                out.append(node)
            } else {
                run.append(node)
            }
        }
        flush()
        body = out
    }
}
