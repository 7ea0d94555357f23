/// Renders a cleaned article body as wrapped plain text.
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

    private var inline: PlainTextInline { PlainTextInline(links: links) }

    /// The body's lines; blocks separated by one empty line.
    func render(_ body: [Node]) -> [String] {
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

    /// Blocks of flow content. `first` prefixes the first line of the first
    /// block (a list marker), `rest` every other line.
    func blocks(_ nodes: [Node], first: String, rest: String) -> [[String]] {
        var result: [[String]] = []
        var run: [Node] = []
        func prefixFor() -> String { result.isEmpty ? first : rest }
        func flush() {
            guard !run.isEmpty else { return }
            for paragraph in inline.paragraphs(run) {
                result.append(wrapSegments(paragraph, first: prefixFor(), rest: rest))
            }
            run = []
        }
        for node in nodes {
            guard case .element(let e) = node,
                  MarkdownBlockElements.names.contains(e.name) || (e.name != "a" && MarkdownBlockElements.containsBlock(e.children))
            else {
                run.append(node)
                continue
            }
            flush()
            result += block(e, first: prefixFor(), rest: rest)
        }
        flush()
        return result
    }

    private func wrapSegments(_ segments: [String], first: String, rest: String) -> [String] {
        var lines: [String] = []
        for (index, segment) in segments.enumerated() {
            lines += wrapper.wrap(segment, firstIndent: index == 0 ? first : rest, restIndent: rest)
        }
        return lines
    }

    private func block(_ e: Element, first: String, rest: String) -> [[String]] {
        switch e.name {
        case "ul", "ol", "menu":
            return [list(e, first: first, rest: rest)].filter { !$0.isEmpty }
        case "blockquote":
            let inner = join(blocks(e.children, first: first + "> ", rest: rest + "> "))
            // Empty lines inside the quote keep the quote mark.
            return inner.isEmpty ? [] : [inner.map { $0.isEmpty ? rest + ">" : $0 }]
        case "pre":
            return preformatted(e, first: first, rest: rest)
        case "hr":
            return [[first + "* * *"]]
        case "figure":
            return figure(e, first: first, rest: rest)
        case "table":
            return PlainTextTable(renderer: self).render(e, first: first, rest: rest)
        case "video", "audio", "iframe", "object", "noscript":
            return []
        default:
            return blocks(e.children, first: first, rest: rest)
        }
    }

    /// Items with hanging indents; a nested list follows its item's text
    /// directly. Items are separated by blank lines only when one of them
    /// holds several paragraphs.
    private func list(_ e: Element, first: String, rest: String) -> [String] {
        let ordered = e.name == "ol"
        var number = ordered ? (Int(e[attribute: "start"]?.trimmingSpaces() ?? "") ?? 1) : 1
        var items: [[String]] = []
        var loose = false
        for case .element(let li) in e.children where li.name == "li" {
            let marker = ordered ? "\(number). " : "- "
            let markerLine = (items.isEmpty ? first : rest) + marker
            let hanging = rest + String(repeating: " ", count: marker.count)
            var lines: [String] = []
            var pending: [Node] = []
            func flushPending() {
                let rendered = blocks(pending, first: lines.isEmpty ? markerLine : hanging, rest: hanging)
                pending = []
                guard !rendered.isEmpty else { return }
                if !lines.isEmpty { lines.append("") }
                if rendered.count > 1 || !lines.isEmpty { loose = true }
                lines += join(rendered)
            }
            for child in li.children {
                if case .element(let c) = child, c.name == "ul" || c.name == "ol" {
                    flushPending()
                    lines += list(c, first: lines.isEmpty ? markerLine : hanging, rest: hanging)
                } else {
                    pending.append(child)
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

    private func preformatted(_ e: Element, first: String, rest: String) -> [[String]] {
        let text = e.preformattedText
        guard !text.allSatisfy(\.isWhitespace) else { return [] }
        let lines = text.components(separatedBy: "\n").enumerated().map { index, line in
            line.isEmpty ? "" : (index == 0 ? first : rest) + "    " + line
        }
        return [lines]
    }

    /// `[Image: caption]` (the caption, else the image's alt text).
    private func figure(_ e: Element, first: String, rest: String) -> [[String]] {
        var captionNodes: [Node] = []
        var alt: String?
        var other: [Node] = []
        for child in e.children {
            if case .element(let c) = child {
                if c.name == "figcaption" { captionNodes += c.children; continue }
                if c.name == "img" { alt = alt ?? c[attribute: "alt"]; continue }
                if let nested = Self.firstImage(c) { alt = alt ?? nested[attribute: "alt"]; continue }
            }
            other.append(child)
        }
        let caption = inline.line(captionNodes)
        let label = PlainTextInline.imageText(alt: caption.isEmpty ? alt : caption)
        var result = [wrapper.wrap(label, firstIndent: first, restIndent: rest)]
        result += blocks(other, first: rest, rest: rest)
        return result
    }

    private static func firstImage(_ e: Element) -> Element? {
        for case .element(let c) in e.children {
            if c.name == "img" { return c }
            if let found = firstImage(c) { return found }
        }
        return nil
    }
}
