import Foundation

/// Writes the content model as the XHTML of an article page's body
/// (EPUB 3.3 §6.1): one element per block or styled run, text escaped, no
/// whitespace added (it could put stray spaces into running CJK text).
///
/// Pictures bundled with the book point into the book's image folder; a
/// picture that is not in the book is never referenced: its alt text takes
/// its place (EPUB 3.3 §3.6, no remote resources); a figure's missing
/// picture is marked (`［图片未能载入］caption`) unless pictures were left
/// out on purpose. Embedded players become a localized line linking to the
/// original, the link reading as its title or host rather than a raw URL.
public struct ContentXHTML {
    /// How pages reach the book's images, e.g. `../images/`.
    var imageFolder: String
    /// Whether a bundled picture's file is in the book (the writer's last
    /// safeguard; `nil`: trust the binding).
    var isInBook: ((String) -> Bool)?
    /// The book's words for placeholders.
    var strings: BookStrings
    /// Whether a figure's picture that is not in the book is marked as not
    /// loaded (`false` when pictures were left out on purpose).
    var marksMissingPictures: Bool

    public init(imageFolder: String = EPUBWriter.imageLinkPrefix) {
        self.init(imageFolder: imageFolder, isInBook: nil, strings: .english)
    }

    init(imageFolder: String, isInBook: ((String) -> Bool)?, strings: BookStrings, marksMissingPictures: Bool = true) {
        self.imageFolder = imageFolder
        self.isInBook = isInBook
        self.strings = strings
        self.marksMissingPictures = marksMissingPictures
    }

    /// The blocks as XHTML body content.
    public func string(_ blocks: [Block]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        write(blocks, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    func write(_ blocks: [Block], into out: inout [UInt8]) {
        for block in blocks { write(block, into: &out) }
    }

    /// The picture's file in the book, or `nil` when it is not there.
    func bundledFile(_ picture: Picture) -> String? {
        guard case .bundled(let fileName) = picture.binding, isInBook?(fileName) ?? true else { return nil }
        return fileName
    }

    // MARK: - Blocks

    private func write(_ block: Block, into out: inout [UInt8]) {
        switch block {
        case .paragraph(let inlines):
            element("p", into: &out) { write(inlines, into: &$0) }
        case .plain(let inlines):
            write(inlines, into: &out)
        case .heading(let level, let inlines):
            element(Self.headingNames[min(max(level, 1), 6) - 1], into: &out) { write(inlines, into: &$0) }
        case .list(let list):
            let attributes = list.ordered && list.start != 1 ? [("start", String(list.start))] : []
            element(list.ordered ? "ol" : "ul", attributes, into: &out) { out in
                for item in list.items { element("li", into: &out) { write(item, into: &$0) } }
            }
        case .definitions(let parts):
            element("dl", into: &out) { out in
                for part in parts {
                    switch part {
                    case .term(let inlines): element("dt", into: &out) { write(inlines, into: &$0) }
                    case .description(let blocks): element("dd", into: &out) { write(blocks, into: &$0) }
                    }
                }
            }
        case .quote(let blocks):
            element("blockquote", into: &out) { write(blocks, into: &$0) }
        case .code(let text):
            element("pre", into: &out) { XHTMLSerializer.appendEscaped(text, into: &$0, quote: false) }
        case .figure(let figure):
            writeFigure(figure, into: &out)
        case .table(let table):
            writeTable(table, into: &out)
        case .rule:
            out.append(contentsOf: "<hr/>".utf8)
        case .embed(let embed):
            element("p", [("class", "embed")], into: &out) { write(embedLine(embed), into: &$0) }
        }
    }

    private static let headingNames = ["h1", "h2", "h3", "h4", "h5", "h6"]

    private func writeFigure(_ figure: Figure, into out: inout [UInt8]) {
        let caption = figure.captionWithCredit
        var missing = false
        element("figure", into: &out) { out in
            for picture in figure.pictures {
                if let file = bundledFile(picture) {
                    writeImage(picture, file: file, into: &out)
                    continue
                }
                missing = true
                guard caption.isEmpty else { continue }
                if marksMissingPictures {
                    element("p", [("class", "picture-missing")], into: &out) { out in
                        writeMissingMark(into: &out)
                        XHTMLSerializer.appendEscaped(picture.alt.collapsingWhitespace(), into: &out, quote: false)
                    }
                } else {
                    writeImageText(picture.alt, into: &out)
                }
            }
            if !caption.isEmpty {
                element("figcaption", into: &out) { out in
                    if missing && marksMissingPictures { writeMissingMark(into: &out) }
                    write(caption, into: &out)
                }
            }
        }
    }

    /// `［图片未能载入］` / `[Picture not loaded]`, before what the picture showed.
    private func writeMissingMark(into out: inout [UInt8]) {
        element("span", [("class", "missing-mark")], into: &out) { XHTMLSerializer.appendEscaped(strings.missingPicture, into: &$0, quote: false) }
    }

    /// `▶ 视频：标题` linked to where it plays; without a title the link
    /// reads as the site's host, not the whole URL.
    private func embedLine(_ embed: Embed) -> [Inline] {
        let label = "▶ " + strings.embed(embed.kind)
        let colon = strings.listSeparator == "、" ? "：" : ": "
        guard let url = embed.url else { return [.text(label + (embed.title.map { colon + $0 } ?? ""))] }
        let host = URL(string: url)?.host.map { $0.hasPrefix("www.") ? String($0.dropFirst(4)) : $0 }
        return [.text(label + colon), .link(href: url, [.text(embed.title ?? host ?? url)])]
    }

    private func writeTable(_ table: Table, into out: inout [UInt8]) {
        element("table", into: &out) { out in
            if !table.caption.isEmpty { element("caption", into: &out) { write(table.caption, into: &$0) } }
            if !table.head.isEmpty { writeRows(table.head, group: "thead", into: &out) }
            for rows in table.bodies { writeRows(rows, group: "tbody", into: &out) }
            if !table.foot.isEmpty { writeRows(table.foot, group: "tfoot", into: &out) }
        }
    }

    private func writeRows(_ rows: [TableRow], group: String, into out: inout [UInt8]) {
        element(group, into: &out) { out in
            for row in rows {
                element("tr", into: &out) { out in
                    for cell in row {
                        var attributes: [(String, String)] = []
                        if cell.columnSpan != 1 { attributes.append(("colspan", String(cell.columnSpan))) }
                        if cell.rowSpan != 1 { attributes.append(("rowspan", String(cell.rowSpan))) }
                        element(cell.isHeader ? "th" : "td", attributes, into: &out) { write(cell.content, into: &$0) }
                    }
                }
            }
        }
    }

    // MARK: - Inlines

    private func write(_ inlines: [Inline], into out: inout [UInt8]) {
        for inline in inlines { write(inline, into: &out) }
    }

    private func write(_ inline: Inline, into out: inout [UInt8]) {
        switch inline {
        case .text(let text):
            XHTMLSerializer.appendEscaped(text, into: &out, quote: false)
        case .styled(let style, let content):
            element(HTMLVocabulary.element(for: style), into: &out) { write(content, into: &$0) }
        case .code(let text):
            element("code", into: &out) { XHTMLSerializer.appendEscaped(text, into: &$0, quote: false) }
        case .link(let href, let content):
            element("a", [("href", href)], into: &out) { write(content, into: &$0) }
        case .picture(let picture):
            if let file = bundledFile(picture) {
                writeImage(picture, file: file, into: &out)
            } else {
                writeImageText(picture.alt, into: &out)
            }
        case .lineBreak:
            out.append(contentsOf: "<br/>".utf8)
        case .language(let span):
            var attributes: [(String, String)] = []
            if let language = span.language { attributes.append(("lang", language)) }
            if let direction = span.direction { attributes.append(("dir", direction.rawValue)) }
            element("span", attributes, into: &out) { write(span.content, into: &$0) }
        case .ruby(let base, let annotation):
            // `rp` gives readers without ruby support "base(annotation)".
            element("ruby", into: &out) { out in
                write(base, into: &out)
                out.append(contentsOf: "<rp>(</rp>".utf8)
                element("rt", into: &out) { XHTMLSerializer.appendEscaped(annotation, into: &$0, quote: false) }
                out.append(contentsOf: "<rp>)</rp>".utf8)
            }
        case .anchor(let id):
            element("span", [("id", id)], into: &out) { _ in }
        }
    }

    private func writeImage(_ picture: Picture, file: String, into out: inout [UInt8]) {
        var attributes = [("src", imageFolder + file), ("alt", picture.alt)]
        if let width = picture.width { attributes.append(("width", String(width))) }
        if let height = picture.height { attributes.append(("height", String(height))) }
        out.append(UInt8(ascii: "<"))
        out.append(contentsOf: "img".utf8)
        Self.appendAttributes(attributes, into: &out)
        out.append(contentsOf: "/>".utf8)
    }

    /// What a picture that is not in the book showed, marked as such.
    private func writeImageText(_ alt: String, into out: inout [UInt8]) {
        let text = alt.collapsingWhitespace()
        guard !text.isEmpty else { return }
        element("span", [("class", "image-text")], into: &out) { XHTMLSerializer.appendEscaped(text, into: &$0, quote: false) }
    }

    // MARK: - Markup

    private func element(_ name: String, _ attributes: [(String, String)] = [], into out: inout [UInt8],
                         _ content: (inout [UInt8]) -> Void) {
        out.append(UInt8(ascii: "<"))
        out.append(contentsOf: name.utf8)
        Self.appendAttributes(attributes, into: &out)
        out.append(UInt8(ascii: ">"))
        content(&out)
        out.append(contentsOf: "</".utf8)
        out.append(contentsOf: name.utf8)
        out.append(UInt8(ascii: ">"))
    }

    private static func appendAttributes(_ attributes: [(String, String)], into out: inout [UInt8]) {
        for (name, value) in attributes {
            out.append(UInt8(ascii: " "))
            out.append(contentsOf: name.utf8)
            out.append(contentsOf: "=\"".utf8)
            XHTMLSerializer.appendEscaped(value, into: &out, quote: true)
            out.append(UInt8(ascii: "\""))
        }
    }
}
