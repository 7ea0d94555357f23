/// Inline content → Markdown paragraphs (one string each, hard breaks as `\`
/// line ends).
struct MarkdownInlineRenderer {
    let images: MarkdownImageMode

    func paragraphs(_ inlines: [Inline], position: MarkdownInlinePosition = .paragraph) -> [String] {
        if let text = Self.plainText(inlines) {
            // Only text (most paragraphs): what the builder and normalizer
            // would make of it is the text with whitespace collapsed and trimmed.
            let collapsed = HTMLWhitespace.collapsedAndTrimmed(text)
            return collapsed.isEmpty ? [] : [MarkdownInlineWriter(position: position).write([.text(collapsed)])]
        }
        var builder = MarkdownInlineBuilder(images: images)
        builder.append(inlines)
        let writer = MarkdownInlineWriter(position: position)
        return MarkdownInlineNormalizer.paragraphs(builder.finish(), position: position).map(writer.write)
    }

    /// The text when `inlines` are all text, else `nil`.
    private static func plainText(_ inlines: [Inline]) -> String? {
        guard case .text(let first)? = inlines.first else { return nil }
        var text = first
        for inline in inlines.dropFirst() {
            guard case .text(let more) = inline else { return nil }
            text += more
        }
        return text
    }

    /// One line (headings, table cells): paragraph breaks become spaces.
    func line(_ inlines: [Inline], position: MarkdownInlinePosition) -> String {
        paragraphs(inlines, position: position).joined(separator: " ")
    }
}
