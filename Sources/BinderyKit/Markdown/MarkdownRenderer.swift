import Foundation

/// Renders an article's content as CommonMark with GFM tables.
///
/// Raw HTML is written only for what Markdown cannot say (superscripts,
/// emphasis no delimiter run can express). Nothing is hard-wrapped.
public struct MarkdownRenderer: Sendable {
    public var images: MarkdownImageMode
    /// Added to body heading levels (capped at 6), so that a body's `h1`
    /// sits below the headings of a digest note.
    public var headingOffset: Int

    public init(images: MarkdownImageMode = .attachments, headingOffset: Int = 0) {
        self.images = images
        self.headingOffset = headingOffset
    }

    /// Body → CommonMark, with default options. Ends without a newline.
    public static func render(_ body: [Block]) -> String {
        MarkdownRenderer().render(body)
    }

    /// Body → CommonMark. Ends without a newline; empty for an empty body.
    public func render(_ body: [Block]) -> String {
        MarkdownBlock.join(blocks(body)).joined(separator: "\n")
    }

    var inline: MarkdownInlineRenderer { MarkdownInlineRenderer(images: images) }

    // MARK: Blocks

    func blocks(_ blocks: [Block]) -> [MarkdownBlock] {
        var result: [MarkdownBlock] = []
        for block in blocks {
            result += render(block, after: result.last)
        }
        return result
    }

    private func render(_ block: Block, after previous: MarkdownBlock?) -> [MarkdownBlock] {
        switch block {
        case .paragraph(let inlines), .plain(let inlines):
            return paragraphs(inlines)
        case .heading(let level, let inlines):
            let text = inline.line(inlines, position: .heading)
            guard !text.isEmpty else { return [] }
            return [MarkdownBlock(lines: [String(repeating: "#", count: min(6, level + headingOffset)) + " " + text], kind: .other)]
        case .list(let list):
            return self.list(list, after: previous)
        case .definitions(let parts):
            return parts.flatMap { part -> [MarkdownBlock] in
                switch part {
                case .term(let inlines): return paragraphs([.styled(.strong, inlines)])
                case .description(let blocks): return self.blocks(blocks)
                }
            }
        case .quote(let content):
            let inner = MarkdownBlock.join(blocks(content))
            guard !inner.isEmpty else { return [] }
            return [MarkdownBlock(lines: inner.map { $0.isEmpty ? ">" : "> " + $0 }, kind: .other)]
        case .code(let text):
            return codeBlock(text)
        case .figure(let figure):
            return self.figure(figure)
        case .table(let table):
            return MarkdownTableRenderer(renderer: self).render(table)
        case .rule:
            return [MarkdownBlock(lines: ["---"], kind: .other)]
        case .embed(let embed):
            return paragraphs(embed.placeholderInlines)
        }
    }

    private func paragraphs(_ inlines: [Inline]) -> [MarkdownBlock] {
        inline.paragraphs(inlines).map { MarkdownBlock(lines: Self.lines($0), kind: .paragraph) }
    }

    /// A paragraph's lines (more than one only after hard breaks).
    private static func lines(_ paragraph: String) -> [String] {
        var paragraph = paragraph
        let hasBreak = paragraph.withUTF8 { $0.isEmpty ? false : memchr($0.baseAddress!, 0x0A, $0.count) != nil }
        guard hasBreak else { return [paragraph] }
        return paragraph.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
    }

    // MARK: Lists

    private func list(_ list: ListBlock, after previous: MarkdownBlock?) -> [MarkdownBlock] {
        var variant = 0
        if case .list(let previousOrdered, let previousVariant, _)? = previous?.kind, previousOrdered == list.ordered {
            variant = 1 - previousVariant
        }
        let items = list.items.map(blocks).filter { !$0.isEmpty }
        guard !items.isEmpty else { return [] }

        // CommonMark §5.2: at most nine digits.
        let start = list.ordered ? min(max(list.start, 0), 999_999_999 - items.count) : 1
        let tight = items.allSatisfy(Self.fitsTightItem)
        var lines: [String] = []
        for (index, item) in items.enumerated() {
            let marker: String
            if list.ordered {
                marker = "\(start + index)" + (variant == 0 ? "." : ")")
            } else {
                marker = variant == 0 ? "-" : "*"
            }
            let indent = String(repeating: " ", count: marker.count + 1)
            let content = tight ? item.flatMap(\.lines) : MarkdownBlock.join(item)
            if index > 0, !tight { lines.append("") }
            for (lineIndex, line) in content.enumerated() {
                if lineIndex == 0 {
                    lines.append(marker + " " + line)
                } else {
                    lines.append(line.isEmpty ? "" : indent + line)
                }
            }
        }
        // An ordered list interrupts a paragraph only when it starts at 1 (§5.3).
        return [MarkdownBlock(lines: lines, kind: .list(ordered: list.ordered, variant: variant,
                                                        canInterruptParagraph: !list.ordered || start == 1))]
    }

    /// Blocks that can sit in an item without a blank line between them:
    /// one block, or a paragraph and a list that may interrupt it.
    private static func fitsTightItem(_ blocks: [MarkdownBlock]) -> Bool {
        if blocks.count <= 1 { return true }
        guard blocks.count == 2, blocks[0].kind == .paragraph,
              case .list(_, _, let interrupts) = blocks[1].kind else { return false }
        return interrupts
    }

    // MARK: Code blocks

    private func codeBlock(_ text: String) -> [MarkdownBlock] {
        guard !text.isBlank else { return [] }
        // §4.5: the closing fence must be at least as long as the opening
        // one, so the fence outgrows any backtick run inside.
        let fence = String(repeating: "`", count: max(3, longestBacktickRun(in: text) + 1))
        return [MarkdownBlock(lines: [fence] + text.components(separatedBy: "\n") + [fence], kind: .other)]
    }

    // MARK: Figures

    /// The pictures, then the caption in italics. With a caption, a picture
    /// that is not shown leaves the caption to speak.
    private func figure(_ figure: Figure) -> [MarkdownBlock] {
        let hasCaption = !figure.caption.isEmpty
        var result: [MarkdownBlock] = []
        for picture in figure.pictures
        where !hasCaption || MarkdownLinkSyntax.imageDestination(picture, images: images) != nil {
            result += paragraphs([.picture(picture)])
        }
        if hasCaption { result += paragraphs([.styled(.emphasis, figure.caption)]) }
        return result
    }
}
