import Foundation

/// Renders a cleaned article body as CommonMark with GFM tables.
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
    public static func render(_ nodes: [Node]) -> String {
        MarkdownRenderer().render(nodes)
    }

    /// Body → CommonMark. Ends without a newline; empty for an empty body.
    public func render(_ nodes: [Node]) -> String {
        MarkdownBlock.join(blocks(nodes)).joined(separator: "\n")
    }

    var inline: MarkdownInlineRenderer { MarkdownInlineRenderer(images: images) }

    // MARK: Block sequences

    /// Renders flow content: runs of inline nodes become paragraphs.
    /// `wrappers` are inline elements (`<b>` around `<p>`s) whose formatting
    /// applies to each paragraph inside them.
    func blocks(_ nodes: [Node], wrappers: [Element] = []) -> [MarkdownBlock] {
        var result: [MarkdownBlock] = []
        var run: [Node] = []
        func flush() {
            guard !run.isEmpty else { return }
            let wrapped = Self.wrap(run, in: wrappers)
            for paragraph in inline.paragraphs(wrapped) {
                result.append(MarkdownBlock(lines: Self.lines(paragraph), kind: .paragraph))
            }
            run = []
        }
        for node in nodes {
            guard case .element(let element) = node else {
                run.append(node)
                continue
            }
            if MarkdownBlockElements.names.contains(element.name) {
                flush()
                result += block(element, after: result.last, wrappers: wrappers)
            } else if MarkdownBlockElements.containsBlock(element.children), element.name != "a" {
                flush()
                result += blocks(element.children, wrappers: wrappers + [Element(element.name, attributes: element.attributes)])
            } else {
                run.append(node)
            }
        }
        flush()
        return result
    }

    /// A paragraph's lines (more than one only after hard breaks).
    private static func lines(_ paragraph: String) -> [String] {
        var paragraph = paragraph
        let hasBreak = paragraph.withUTF8 { $0.isEmpty ? false : memchr($0.baseAddress!, 0x0A, $0.count) != nil }
        guard hasBreak else { return [paragraph] }
        return paragraph.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
    }

    private static func wrap(_ nodes: [Node], in wrappers: [Element]) -> [Node] {
        var nodes = nodes
        for var wrapper in wrappers.reversed() {
            wrapper.children = nodes
            nodes = [.element(wrapper)]
        }
        return nodes
    }

    private func block(_ element: Element, after previous: MarkdownBlock?, wrappers: [Element]) -> [MarkdownBlock] {
        switch element.name {
        case "p":
            return blocks(element.children, wrappers: wrappers)
        case "h1", "h2", "h3", "h4", "h5", "h6":
            return heading(element, wrappers: wrappers)
        case "ul", "ol", "menu":
            return list(element, after: previous, wrappers: wrappers)
        case "blockquote":
            let inner = MarkdownBlock.join(blocks(element.children, wrappers: wrappers))
            guard !inner.isEmpty else { return [] }
            return [MarkdownBlock(lines: inner.map { $0.isEmpty ? ">" : "> " + $0 }, kind: .other)]
        case "pre":
            return codeBlock(element)
        case "hr":
            return [MarkdownBlock(lines: ["---"], kind: .other)]
        case "figure":
            return figure(element)
        case "table":
            return MarkdownTableRenderer(renderer: self).render(element)
        case "figcaption", "caption":
            return blocks([.element(Element("em", children: element.children))], wrappers: wrappers)
        case "dt", "summary":
            return blocks([.element(Element("strong", children: element.children))], wrappers: wrappers)
        case "video", "audio", "iframe", "object", "noscript":
            return []
        default:
            return blocks(element.children, wrappers: wrappers)
        }
    }

    // MARK: Headings

    private func heading(_ element: Element, wrappers: [Element]) -> [MarkdownBlock] {
        let level = min(6, Int(element.name.dropFirst()).map { $0 + headingOffset } ?? 6)
        let text = inline.line(Self.wrap(element.children, in: wrappers), position: .heading)
        guard !text.isEmpty else { return [] }
        return [MarkdownBlock(lines: [String(repeating: "#", count: level) + " " + text], kind: .other)]
    }

    // MARK: Lists

    private func list(_ element: Element, after previous: MarkdownBlock?, wrappers: [Element]) -> [MarkdownBlock] {
        let ordered = element.name == "ol"
        var variant = 0
        if case .list(let previousOrdered, let previousVariant, _)? = previous?.kind, previousOrdered == ordered {
            variant = 1 - previousVariant
        }
        // Items: `li` children; stray content between items becomes an item.
        var items: [[MarkdownBlock]] = []
        var stray: [Node] = []
        func flushStray() {
            let rendered = blocks(stray, wrappers: wrappers)
            if !rendered.isEmpty { items.append(rendered) }
            stray = []
        }
        for child in element.children {
            if case .element(let li) = child, li.name == "li" {
                flushStray()
                let rendered = blocks(li.children, wrappers: wrappers)
                if !rendered.isEmpty { items.append(rendered) }
            } else {
                stray.append(child)
            }
        }
        flushStray()
        guard !items.isEmpty else { return [] }

        // CommonMark §5.2: at most nine digits.
        let start = ordered ? min(max(Int(element[attribute: "start"]?.trimmingCharacters(in: .whitespaces) ?? "") ?? 1, 0), 999_999_999 - items.count) : 1
        let tight = items.allSatisfy(Self.fitsTightItem)
        var lines: [String] = []
        for (index, item) in items.enumerated() {
            let marker: String
            if ordered {
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
        return [MarkdownBlock(lines: lines, kind: .list(ordered: ordered, variant: variant, canInterruptParagraph: !ordered || start == 1))]
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

    private func codeBlock(_ element: Element) -> [MarkdownBlock] {
        let text = element.preformattedText
        guard !text.isBlank else { return [] }
        // §4.5: the closing fence must be at least as long as the opening
        // one, so the fence outgrows any backtick run inside.
        let fence = String(repeating: "`", count: max(3, longestBacktickRun(in: text) + 1))
        let info = Self.codeLanguage(element)
        return [MarkdownBlock(lines: [fence + info] + text.components(separatedBy: "\n") + [fence], kind: .other)]
    }

    /// `language-swift` / `lang-swift` on the `pre` or its `code`.
    private static func codeLanguage(_ pre: Element) -> String {
        var classes = pre[attribute: "class"] ?? ""
        for case .element(let child) in pre.children where child.name == "code" {
            classes += " " + (child[attribute: "class"] ?? "")
        }
        for name in classes.split(separator: " ") {
            for prefix in ["language-", "lang-"] where name.hasPrefix(prefix) {
                let language = name.dropFirst(prefix.count).filter { $0.isLetter || $0.isNumber || "+-_.#".contains($0) }
                if !language.isEmpty { return String(language) }
            }
        }
        return ""
    }

    // MARK: Figures

    /// An image, then its caption in italics.
    private func figure(_ element: Element) -> [MarkdownBlock] {
        var images: [Node] = []
        var captions: [Element] = []
        var other: [Node] = []
        for child in element.children {
            if case .element(let e) = child {
                if e.name == "figcaption" { captions.append(e); continue }
                if e.name == "img" || Self.containsImage(e) { images.append(child); continue }
            }
            other.append(child)
        }
        let hasCaption = captions.contains { !$0.children.textContent.isBlank }
        var result: [MarkdownBlock] = []
        // With a caption, an image that is not shown leaves the caption to speak.
        let shown = images.filter { !hasCaption || Self.isShown($0, images: self.images) }
        result += blocks(shown)
        result += blocks(other)
        for caption in captions {
            result += blocks([.element(Element("em", children: caption.children))])
        }
        return result
    }

    private static func containsImage(_ element: Element) -> Bool {
        element.children.contains { node in
            guard case .element(let e) = node else { return false }
            return e.name == "img" || containsImage(e)
        }
    }

    private static func isShown(_ node: Node, images: MarkdownImageMode) -> Bool {
        guard case .element(let e) = node else { return false }
        if e.name == "img" {
            return e[attribute: "src"].flatMap { MarkdownLinkSyntax.imageDestination($0, images: images) } != nil
        }
        return e.children.contains { isShown($0, images: images) }
    }
}
