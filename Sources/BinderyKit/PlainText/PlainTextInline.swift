/// Collects an article's numbered links: `text [n]` in the body, the URLs
/// listed after it. A URL linked twice keeps its first number.
final class PlainTextLinks {
    private(set) var urls: [String] = []
    private var numbers: [String: Int] = [:]

    func number(for url: String) -> Int {
        if let n = numbers[url] { return n }
        urls.append(url)
        numbers[url] = urls.count
        return urls.count
    }
}

/// Inline content → plain text paragraphs, each a list of lines that line
/// breaks separate (two breaks in a row separate paragraphs). Whitespace
/// collapses as HTML renders it.
struct PlainTextInline {
    let links: PlainTextLinks

    /// Paragraphs, each a list of hard-broken segments (none empty).
    func paragraphs(_ inlines: [Inline]) -> [[String]] {
        var collector = Collector(links: links)
        collector.append(inlines, inLink: false)
        collector.endSegment()
        collector.endParagraph()
        return collector.paragraphs
    }

    /// Everything on one line (table cells, captions).
    func line(_ inlines: [Inline]) -> String {
        paragraphs(inlines).map { $0.joined(separator: " ") }.joined(separator: " ")
    }

    private struct Collector {
        let links: PlainTextLinks
        var paragraphs: [[String]] = []
        var segments: [String] = []
        var current: [UInt8] = []
        var breaks = 0

        init(links: PlainTextLinks) { self.links = links }

        mutating func text(_ s: String) {
            var s = s
            s.withUTF8 { bytes in
                var index = 0
                while index < bytes.count {
                    // Runs between whitespace are copied whole.
                    let runStart = index
                    while index < bytes.count && !bytes[index].isHTMLSpace { index += 1 }
                    if index > runStart {
                        if breaks > 0 { applyBreaks() }
                        current.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                    }
                    if index < bytes.count {
                        if let last = current.last, last != 0x20 { current.append(0x20) }
                        index += 1
                    }
                }
            }
        }

        /// Breaks count until the next visible text: one ends the line, two
        /// or more end the paragraph, none at the edges.
        mutating func applyBreaks() {
            let count = breaks
            breaks = 0
            endSegment()
            if count >= 2 { endParagraph() }
        }

        mutating func endSegment() {
            while current.last == 0x20 { current.removeLast() }
            if !current.isEmpty { segments.append(String(decoding: current, as: UTF8.self)) }
            current.removeAll(keepingCapacity: true)
        }

        mutating func endParagraph() {
            if !segments.isEmpty { paragraphs.append(segments) }
            segments = []
        }

        mutating func append(_ inlines: [Inline], inLink: Bool) {
            for inline in inlines { append(inline, inLink: inLink) }
        }

        mutating func append(_ inline: Inline, inLink: Bool) {
            switch inline {
            case .text(let s), .code(let s):
                text(s)
            case .lineBreak:
                if !current.isEmpty || !segments.isEmpty { breaks += 1 }
            case .picture(let picture):
                text(PlainTextInline.imageText(alt: picture.alt))
            case .link(let href, let content):
                guard !inLink, MarkdownLinkSyntax.isLinkable(href) else {
                    append(content, inLink: inLink)
                    return
                }
                let visible = content.plainText.trimmingSpaces()
                if visible.isEmpty || visible == href || "mailto:" + visible == href {
                    // The text already is the address.
                    text(visible.isEmpty ? href : visible)
                    return
                }
                append(content, inLink: true)
                text(" [\(links.number(for: href))]")
            case .styled(.quotation, let content):
                text("“")
                append(content, inLink: inLink)
                text("”")
            case .styled(_, let content):
                append(content, inLink: inLink)
            case .language(let span):
                append(span.content, inLink: inLink)
            case .ruby(let base, let annotation):
                append(base, inLink: inLink)
                text("(" + annotation + ")")
            case .anchor:
                break
            }
        }
    }

    static func imageText(alt: String?) -> String {
        // By scalars: a combining mark after a space is its own text, not
        // part of a white-space Character (fuzzing found " \u{031B}" dropped).
        let text = (alt ?? "").collapsingWhitespace()
        return text.isEmpty ? "[Image]" : "[Image: \(text)]"
    }
}
