/// Inline nodes → Markdown paragraphs (one string each, hard breaks as `\`
/// line ends).
struct MarkdownInlineRenderer {
    let images: MarkdownImageMode

    func paragraphs(_ nodes: [Node], position: MarkdownInlinePosition = .paragraph) -> [String] {
        var builder = MarkdownInlineBuilder(images: images)
        builder.append(nodes)
        let writer = MarkdownInlineWriter(position: position)
        return MarkdownInlineNormalizer.paragraphs(builder.finish(), position: position).map(writer.write)
    }

    /// One line (headings, table cells): paragraph breaks become spaces.
    func line(_ nodes: [Node], position: MarkdownInlinePosition) -> String {
        paragraphs(nodes, position: position).joined(separator: " ")
    }
}
