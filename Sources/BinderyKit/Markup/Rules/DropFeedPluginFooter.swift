/// WordPress feed plugins end each item with their own lines (FORMAT.md,
/// "Site boilerplate"): Better Feed's
/// `© AUTHOR for SITE, get_post_time('Y'). |Permalink |No comment |Add to del.icio.us`
/// and `Post tags: TAG, …` (the tags are collected before, by
/// `CollectRelTags`), then `Feed enhanced by Better Feed from Ozh`. Such
/// lines at the end of the body go.
struct DropFeedPluginFooter: LineRecognizer {
    /// Footer lines are short; a long line is the article's (UTF-8 bytes).
    static let maximumLength = 1500

    var positions: Set<LineRule.Position> { [.end] }

    static let prefixes = ["Feed enhanced by", "Post tags:", "©"]

    func recognize(_ line: BodyLine, at position: LineRule.Position) -> (verdict: LineVerdict, rule: String)? {
        // Every one of these lines links somewhere (and most lines do not).
        guard !line.links.isEmpty, Self.prefixes.contains(where: line.starts(with:)) else { return nil }
        let text = line.text
        guard text.utf8.count <= Self.maximumLength else { return nil }
        let isFooter: Bool
        if text.hasPrefix("Feed enhanced by") {
            isFooter = text.contains(" from ")
        } else if text.hasPrefix("Post tags:") {
            // Nothing but the label, the tags and the commas between them.
            isFooter = line.textOutsideLinks.dropFirst("Post tags:".count).allSatisfy { $0.isPunctuation || $0.isWhitespace }
        } else if text.hasPrefix("©") {
            isFooter = text.contains("Permalink")
                && (text.contains("del.icio.us") || text.contains("No comment") || text.contains("comment") || text.contains("get_post_time"))
        } else {
            isFooter = false
        }
        return isFooter ? (.drop, "DropFeedPluginFooter") : nil
    }
}
