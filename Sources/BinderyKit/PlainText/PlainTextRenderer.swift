/// Renders an article's content as wrapped plain text.
///
/// Layout: paragraphs separated by blank lines; lists with hanging indents
/// (`- ` and `1. `, nested lists indented under their item's text); quotes
/// prefixed with `> ` (as in e-mail, so they stay visible when re-wrapped);
/// code indented four spaces and never wrapped; images as
/// `[Image: caption]`; links as `text [n]` (the numbered URLs follow the
/// article); tables aligned in columns when they fit, else one row per line
/// with cells separated by ` | `.
struct PlainTextRenderer {
    let wrapper: LineWrapper
    let links: PlainTextLinks

    var inline: PlainTextInline { PlainTextInline(links: links) }

    /// The body's lines; blocks separated by one empty line.
    func render(_ body: [Block]) -> [String] {
        join(blocks(body, first: "", rest: ""))
    }

    private func join(_ blocks: [[String]]) -> [String] {
        var lines: [String] = []
        for (index, block) in blocks.enumerated() {
            if index > 0 { lines.append("") }
            lines += block
        }
        return lines
    }

    /// Each block's lines. `first` prefixes the first line of the first
    /// block (a list marker), `rest` every other line.
    func blocks(_ blocks: [Block], first: String, rest: String) -> [[String]] {
        var result: [[String]] = []
        for block in blocks {
            result += render(block, first: result.isEmpty ? first : rest, rest: rest)
        }
        return result
    }

    private func render(_ block: Block, first: String, rest: String) -> [[String]] {
        switch block {
        case .paragraph(let inlines), .plain(let inlines):
            return paragraphs(inlines, first: first, rest: rest)
        case .heading(_, let inlines):
            return paragraphs(inlines, first: first, rest: rest)
        case .list(let list):
            return [self.list(list, first: first, rest: rest)].filter { !$0.isEmpty }
        case .definitions(let parts):
            var result: [[String]] = []
            for part in parts {
                let prefix = result.isEmpty ? first : rest
                switch part {
                case .term(let inlines): result += paragraphs(inlines, first: prefix, rest: rest)
                case .description(let content): result += blocks(content, first: prefix, rest: rest)
                }
            }
            return result
        case .quote(let content):
            let inner = join(blocks(content, first: first + "> ", rest: rest + "> "))
            // Empty lines inside the quote keep the quote mark.
            return inner.isEmpty ? [] : [inner.map { $0.isEmpty ? rest + ">" : $0 }]
        case .code(let text):
            return preformatted(text, first: first, rest: rest)
        case .figure(let figure):
            return self.figure(figure, first: first, rest: rest)
        case .table(let table):
            return PlainTextTable(renderer: self).render(table, first: first, rest: rest)
        case .rule:
            return [[first + "* * *"]]
        case .embed(let embed):
            return paragraphs(embed.placeholderInlines, first: first, rest: rest)
        }
    }

    private func paragraphs(_ inlines: [Inline], first: String, rest: String) -> [[String]] {
        var result: [[String]] = []
        for paragraph in inline.paragraphs(inlines) {
            var lines: [String] = []
            for (index, segment) in paragraph.enumerated() {
                let firstIndent = index == 0 ? (result.isEmpty ? first : rest) : rest
                lines += wrapper.wrap(segment, firstIndent: firstIndent, restIndent: rest)
            }
            result.append(lines)
        }
        return result
    }

    /// Items with hanging indents; a nested list follows its item's text
    /// directly. Items are separated by blank lines only when one of them
    /// holds several paragraphs.
    private func list(_ list: ListBlock, first: String, rest: String) -> [String] {
        var number = list.ordered ? list.start : 1
        var items: [[String]] = []
        var loose = false
        for item in list.items {
            let marker = list.ordered ? "\(number). " : "- "
            let markerLine = (items.isEmpty ? first : rest) + marker
            let hanging = rest + String(repeating: " ", count: marker.count)
            var lines: [String] = []
            var pending: [Block] = []
            func flushPending() {
                let rendered = blocks(pending, first: lines.isEmpty ? markerLine : hanging, rest: hanging)
                pending = []
                guard !rendered.isEmpty else { return }
                if !lines.isEmpty { lines.append("") }
                if rendered.count > 1 || !lines.isEmpty { loose = true }
                lines += join(rendered)
            }
            for block in item {
                if case .list(let nested) = block {
                    flushPending()
                    lines += self.list(nested, first: lines.isEmpty ? markerLine : hanging, rest: hanging)
                } else {
                    pending.append(block)
                }
            }
            flushPending()
            guard !lines.isEmpty else { continue }
            items.append(lines)
            number += 1
        }
        var lines: [String] = []
        for (index, item) in items.enumerated() {
            if index > 0, loose { lines.append("") }
            lines += item
        }
        return lines
    }

    private func preformatted(_ text: String, first: String, rest: String) -> [[String]] {
        guard !text.unicodeScalars.allSatisfy(\.properties.isWhitespace) else { return [] }
        let lines = text.components(separatedBy: "\n").enumerated().map { index, line in
            line.isEmpty ? "" : (index == 0 ? first : rest) + "    " + line
        }
        return [lines]
    }

    /// `[Image: caption (credit)]` (the caption, else the first picture's alt text).
    private func figure(_ figure: Figure, first: String, rest: String) -> [[String]] {
        var shown = figure
        if shown.caption.isEmpty, let alt = figure.pictures.first?.alt, !alt.isEmpty { shown.caption = [.text(alt)] }
        let caption = inline.line(shown.captionWithCredit)
        let label = PlainTextInline.imageText(alt: caption.isEmpty ? nil : caption)
        return [wrapper.wrap(label, firstIndent: first, restIndent: rest)]
    }
}
