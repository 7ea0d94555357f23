/// Inline nodes → Markdown paragraphs (one string each, hard breaks as `\`
/// line ends).
struct MarkdownInlineRenderer {
    let images: MarkdownImageMode

    func paragraphs(_ nodes: [Node], position: MarkdownInlinePosition = .paragraph) -> [String] {
        if let text = Self.plainText(nodes) {
            // Only text (most paragraphs): what the builder and normalizer
            // would make of it is the text with whitespace collapsed and trimmed.
            let collapsed = HTMLWhitespace.collapsedAndTrimmed(text)
            return collapsed.isEmpty ? [] : [MarkdownInlineWriter(position: position).write([.text(collapsed)])]
        }
        var builder = MarkdownInlineBuilder(images: images)
        builder.append(nodes)
        let writer = MarkdownInlineWriter(position: position)
        return MarkdownInlineNormalizer.paragraphs(builder.finish(), position: position).map(writer.write)
    }

    /// The nodes' text when they are all text nodes, else `nil`.
    private static func plainText(_ nodes: [Node]) -> String? {
        guard case .text(let first)? = nodes.first else { return nil }
        var text = first
        for node in nodes.dropFirst() {
            guard case .text(let more) = node else { return nil }
            text += more
        }
        return text
    }

    /// One line (headings, table cells): paragraph breaks become spaces.
    func line(_ nodes: [Node], position: MarkdownInlinePosition) -> String {
        paragraphs(nodes, position: position).joined(separator: " ")
    }
}
