/// Offers lines of the cleaned body to the line rules: the generic feed
/// footers (`DropFeedPluginFooter`, `DropAppearedFirstOn`,
/// `DropShareLinkRows`) and the site's `lines`. From the end, then from the
/// start, lines go one after another as long as a rule takes the edge line
/// (a footer is several lines, with an `<hr>` before it); rules that look
/// anywhere then see every line. A dropped line is gone; a credit is kept
/// as a closing line, an original-language link beside the article's link.
///
/// Runs on the cleaned tree, where paragraphs are split and loose text is
/// wrapped, before ids are checked (a removed line may have held one).
struct ApplyLineRules: BodyRule {
    let generic: [any LineRecognizer]

    func apply(to body: inout [Node], in context: inout CleaningContext) {
        var recognizers = generic
        if let site = context.site, !site.lines.isEmpty { recognizers.append(SiteLineRecognizer(site: site)) }

        func judge(_ line: BodyLine, at position: LineRule.Position, credits: inout [String]) -> Bool {
            for recognizer in recognizers where recognizer.positions.contains(position) {
                guard let (verdict, rule) = recognizer.recognize(line, at: position) else { continue }
                switch verdict {
                case .drop:
                    context.removed(line.text, by: rule)
                case .credit:
                    context.fired(rule)
                    credits.append(line.text)
                case .originalVersion(let href, let language):
                    // The line's words go; its link is kept beside the article's.
                    context.removed(line.text, by: rule)
                    if context.findings.originalVersion == nil {
                        context.findings.originalVersion = OriginalVersion(href: href, language: language)
                    }
                }
                return true
            }
            return false
        }

        var closing: [String] = []
        while BodyLines.take(.end, from: &body, { judge($0, at: .end, credits: &closing) }) {}
        var opening: [String] = []
        while BodyLines.take(.start, from: &body, { judge($0, at: .start, credits: &opening) }) {}
        var anywhere: [String] = []
        if recognizers.contains(where: { $0.positions.contains(.anywhere) }) {
            BodyLines.removeEach(from: &body) { judge($0, at: .anywhere, credits: &anywhere) }
        }
        // Credits in the order they stood: the opening ones before those
        // taken from elements (`ApplySiteSelectors`), the end read backwards.
        let earlier = context.findings.credits
        context.findings.credits = []
        for credit in opening + earlier + anywhere + closing.reversed() { context.findings.addCredit(credit) }
    }
}
