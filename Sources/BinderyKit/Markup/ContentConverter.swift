/// Converts a cleaned tree (see `ArticleCleaner`) into the typed content
/// model — the last step of cleaning, and the only place that maps HTML
/// element names onto `Block` and `Inline`.
///
/// The cleaning rules have already made the tree valid XHTML flow content;
/// this keeps its meaning and lets its packaging go: `div`s dissolve into
/// their blocks (a `div`'s own text becomes a paragraph), `b`/`i`-style
/// elements become the style they show, attributes no output uses (`title`,
/// `cite`, list `type`) are dropped, `id`s that fragment links need become
/// anchors, and `lang`/`dir` become language spans. An inline element that
/// wraps blocks (`<a href><div>…</div></a>`) applies to each run of text in
/// them.
enum ContentConverter {
    static func blocks(_ body: [Node]) -> [Block] {
        flow(body, looseText: .paragraph)
    }

    /// How inline content found directly in a container is kept.
    private enum LooseText {
        /// In the body or a `div`: a paragraph of its own.
        case paragraph
        /// In a list item, cell, quote or description: plain, as the container's text.
        case plain
    }

    // MARK: - Blocks

    private static func flow(_ nodes: [Node], looseText: LooseText) -> [Block] {
        var blocks: [Block] = []
        var run: [Node] = []
        func flush() {
            guard !run.isEmpty else { return }
            let content = inlines(run)
            run.removeAll()
            guard content.hasVisibleContent else { return }
            blocks.append(looseText == .paragraph ? .paragraph(content) : .plain(content))
        }
        for node in nodes {
            guard case .element(let element) = node, holdsBlocks(element) else {
                run.append(node)
                continue
            }
            flush()
            blocks += block(element)
        }
        flush()
        return blocks
    }

    /// Whether `element` is a block, or an inline element wrapping blocks.
    private static func holdsBlocks(_ element: Element) -> Bool {
        HTMLVocabulary.blocks.contains(element.name) || element.children.contains { node in
                if case .element(let child) = node { return holdsBlocks(child) }
                return false
            }
    }

    private static func block(_ element: Element) -> [Block] {
        var blocks: [Block]
        switch element.name {
        case "p":
            let content = inlines(element.children)
            blocks = content.hasVisibleContent ? [.paragraph(content)] : []
        case "h1", "h2", "h3", "h4", "h5", "h6":
            let content = inlines(element.children)
            let level = Int(element.name.dropFirst()) ?? 6
            blocks = content.hasVisibleContent ? [.heading(level: level, content)] : []
        case "ul", "ol":
            blocks = list(element)
        case "dl":
            blocks = definitions(element)
        case "blockquote":
            let content = flow(element.children, looseText: .plain)
            blocks = content.isEmpty ? [] : [.quote(content)]
        case "pre":
            let text = element.preformattedText
            blocks = text.isBlank ? [] : [.code(text)]
        case "hr":
            blocks = [.rule]
        case "figure":
            blocks = figure(element)
        case "table":
            blocks = [table(element)]
        case HTMLVocabulary.embedElement:
            blocks = [embed(element)]
        default:
            if HTMLVocabulary.blocks.contains(element.name) {
                // `div` and parts outside their parents (which the cleaner
                // already renamed): their content stands on its own.
                blocks = flow(element.children, looseText: .paragraph)
            } else {
                // An inline element around blocks: its meaning applies to
                // every run of text inside them.
                let wrapped = flow(element.children, looseText: .paragraph)
                return ContentRewriter.mapInlineRuns(wrapped) { run in
                    var wrapper = element
                    wrapper.attributes.removeAll { $0.name == "id" }
                    return inline(wrapper, content: run)
                }.prependingAnchor(element[attribute: "id"])
            }
        }
        if let language = languageSpan(element, content: []) {
            blocks = ContentRewriter.mapInlineRuns(blocks) { run in
                var span = language
                span.content = run
                return [.language(span)]
            }
        }
        return blocks.prependingAnchor(element[attribute: "id"])
    }

    private static func list(_ element: Element) -> [Block] {
        var items: [[Block]] = []
        for case .element(let item) in element.children {
            // The cleaner leaves only `li`s in a list.
            items.append(flow(item.children, looseText: .plain).prependingAnchor(item[attribute: "id"]))
        }
        guard !items.isEmpty else { return [] }
        let ordered = element.name == "ol"
        let start = ordered ? element[attribute: "start"].flatMap { Int($0) } ?? 1 : 1
        return [.list(ListBlock(ordered: ordered, start: start, items: items))]
    }

    private static func definitions(_ element: Element) -> [Block] {
        var parts: [Definition] = []
        for case .element(let child) in element.children {
            switch child.name {
            case "dt": parts.append(.term(inlines(child.children).prependingAnchor(child[attribute: "id"])))
            default: parts.append(.description(flow(child.children, looseText: .plain).prependingAnchor(child[attribute: "id"])))
            }
        }
        return parts.isEmpty ? [] : [.definitions(parts)]
    }

    /// `NormalizeFigures` leaves an `img` (more after a first are moved out)
    /// and at most one `figcaption`.
    private static func figure(_ element: Element) -> [Block] {
        var pictures: [Picture] = []
        var caption: [Inline] = []
        var rest: [Node] = []
        for node in element.children {
            if case .element(let child) = node {
                if child.name == "img" {
                    pictures.append(picture(child))
                    continue
                }
                if child.name == "figcaption" {
                    caption += inlines(child.children)
                    continue
                }
            }
            rest.append(node)
        }
        let others = flow(rest, looseText: .paragraph)
        guard !pictures.isEmpty else {
            return (caption.hasVisibleContent ? [.paragraph(caption)] : []) + others
        }
        return [.figure(Figure(pictures: pictures, caption: caption.hasVisibleContent ? caption : []))] + others
    }

    /// `RepairTables` leaves `caption`, `thead`, `tbody`s and `tfoot`, rows
    /// of cells (rows straight in the table, as hand-made trees have them,
    /// form a body of their own).
    private static func table(_ element: Element) -> Block {
        var table = Table(bodies: [])
        var looseRows: [Node] = []
        func flushRows() {
            if !looseRows.isEmpty { table.bodies.append(rows(Element("tbody", children: looseRows))) }
            looseRows.removeAll()
        }
        for case .element(let part) in element.children {
            if part.name == "tr" {
                looseRows.append(.element(part))
                continue
            }
            flushRows()
            switch part.name {
            case "caption": table.caption = inlines(part.children)
            case "thead": table.head = rows(part)
            case "tfoot": table.foot = rows(part)
            default: table.bodies.append(rows(part))
            }
        }
        flushRows()
        return .table(table)
    }

    private static func rows(_ group: Element) -> [TableRow] {
        group.children.compactMap { node -> TableRow? in
            guard case .element(let row) = node else { return nil }
            return row.children.compactMap { node -> TableCell? in
                guard case .element(let cell) = node else { return nil }
                return TableCell(isHeader: cell.name == "th",
                                 columnSpan: cell[attribute: "colspan"].flatMap { Int($0) } ?? 1,
                                 rowSpan: cell[attribute: "rowspan"].flatMap { Int($0) } ?? 1,
                                 content: flow(cell.children, looseText: .plain).prependingAnchor(cell[attribute: "id"]))
            }
        }
    }

    private static func embed(_ element: Element) -> Block {
        let kind = element[attribute: HTMLVocabulary.embedKindAttribute].flatMap(Embed.Kind.init(rawValue:)) ?? .page
        let title = element[attribute: "title"].map { $0.collapsingWhitespace() }
        return .embed(Embed(kind: kind, url: element[attribute: HTMLVocabulary.embedURLAttribute],
                            title: title?.isEmpty == false ? title : nil))
    }

    // MARK: - Inlines

    static func inlines(_ nodes: [Node]) -> [Inline] {
        var out: [Inline] = []
        out.reserveCapacity(nodes.count)
        for node in nodes {
            switch node {
            case .text(let text):
                out.append(.text(text))
            case .element(let element):
                out += inline(element, content: nil)
            }
        }
        return out
    }

    /// `element` as inlines; `content`, when given, replaces its converted children.
    private static func inline(_ element: Element, content given: [Inline]?) -> [Inline] {
        func content() -> [Inline] { given ?? inlines(element.children) }
        var result: [Inline]
        switch element.name {
        case "br": return [.lineBreak]
        case "wbr": return []
        case "img": return [.picture(picture(element))]
        case "a":
            guard let href = element[attribute: "href"] else { return content().prependingAnchor(element[attribute: "id"]) }
            result = [.link(href: href, content())]
        case "code", "kbd", "samp":
            let text = element.children.textContent(lineBreak: " ")
            result = text.isEmpty ? [] : [.code(text)]
        case "ruby":
            result = ruby(element.children)
        default:
            if let style = styles[element.name] {
                result = [.styled(style, content())]
            } else if HTMLVocabulary.blocks.contains(element.name) {
                // A block where only text can go (a heading's or a cell's
                // line): its text, set apart.
                result = [.text(" ")] + content() + [.text(" ")]
            } else {
                result = content() // `span`, `abbr`, `bdi`, `rt`/`rp` outside ruby…
            }
        }
        if let span = languageSpan(element, content: result) { result = [.language(span)] }
        return result.prependingAnchor(element[attribute: "id"])
    }

    private static let styles: [String: InlineStyle] = [
        "em": .emphasis, "i": .emphasis, "cite": .emphasis, "var": .emphasis, "dfn": .emphasis,
        "strong": .strong, "b": .strong, "del": .strikethrough, "s": .strikethrough,
        "u": .underline, "ins": .underline, "sup": .superscripted, "sub": .subscripted,
        "small": .small, "mark": .highlight, "q": .quotation,
    ]

    /// `lang`/`dir` of `element` around `content`, or `nil` when it has neither.
    /// `bdo` and `bdi` isolate their direction even without `dir`.
    private static func languageSpan(_ element: Element, content: [Inline]) -> LanguageSpan? {
        let language = element[attribute: "lang"].flatMap { $0.isEmpty ? nil : $0 }
        var direction = element[attribute: "dir"].flatMap(TextDirection.init(rawValue:))
        if direction == nil, element.name == "bdi" { direction = .auto }
        guard language != nil || direction != nil else { return nil }
        return LanguageSpan(language: language, direction: direction, content: content)
    }

    /// Ruby content: each base run with the `rt` after it; `rp` (the
    /// parentheses for readers without ruby support) goes.
    private static func ruby(_ children: [Node]) -> [Inline] {
        var out: [Inline] = []
        var base: [Node] = []
        for node in children {
            guard case .element(let element) = node, element.name == "rt" || element.name == "rp" else {
                base.append(node)
                continue
            }
            guard element.name == "rt" else { continue }
            let annotation = element.children.textContent.collapsingWhitespace()
            let converted = inlines(base)
            base.removeAll()
            if annotation.isEmpty { out += converted } else { out.append(.ruby(base: converted, annotation: annotation)) }
        }
        return out + inlines(base)
    }

    private static func picture(_ image: Element) -> Picture {
        Picture(source: image[attribute: "src"] ?? "", alt: image[attribute: "alt"] ?? "",
                width: image[attribute: "width"].flatMap { Int($0) }, height: image[attribute: "height"].flatMap { Int($0) })
    }
}

extension Array where Element == Inline {
    /// Something worth a block: text other than white space, a picture, or
    /// an anchor a link points to.
    var hasVisibleContent: Bool {
        !ContentWalker.walk(self) { inline in
            switch inline {
            case .text(let text): return text.isHTMLWhitespace ? .descend : .stop
            case .code, .picture, .ruby, .anchor: return .stop
            case .lineBreak, .styled, .link, .language: return .descend
            }
        }
    }

    func prependingAnchor(_ id: String?) -> [Inline] {
        guard let id else { return self }
        return [.anchor(id: id)] + self
    }
}

extension Array where Element == Block {
    /// These blocks with `.anchor(id)` at the start of the first one that
    /// holds text, or in a block of its own when none does.
    func prependingAnchor(_ id: String?) -> [Block] {
        guard let id else { return self }
        var blocks = self
        if let first = blocks.first {
            switch first {
            case .paragraph(let run): blocks[0] = .paragraph(run.prependingAnchor(id)); return blocks
            case .plain(let run): blocks[0] = .plain(run.prependingAnchor(id)); return blocks
            case .heading(let level, let run): blocks[0] = .heading(level: level, run.prependingAnchor(id)); return blocks
            default: break
            }
        }
        return [.plain([.anchor(id: id)])] + blocks
    }
}
