/// Turns inline content into `MarkdownInlinePiece`s.
///
/// Whitespace is collapsed as HTML renders it; leading and trailing
/// whitespace of an emphasis or link is moved outside it (CommonMark §6.2:
/// a delimiter run next to whitespace cannot open or close).
struct MarkdownInlineBuilder {
    let images: MarkdownImageMode
    private(set) var pieces: [MarkdownInlinePiece] = []
    private var pendingText = ""
    private var activeEmphasis: [MarkdownEmphasisKind] = []
    private var linkDepth = 0

    init(images: MarkdownImageMode) {
        self.images = images
    }

    mutating func finish() -> [MarkdownInlinePiece] {
        flushText()
        return pieces
    }

    mutating func append(_ inlines: [Inline]) {
        for inline in inlines { append(inline) }
    }

    mutating func appendText(_ text: String) {
        var afterSpace = pendingText.utf8.last == 0x20
        pendingText += HTMLWhitespace.collapse(text, afterSpace: &afterSpace)
    }

    private mutating func flushText() {
        if !pendingText.isEmpty {
            pieces.append(.text(pendingText))
            pendingText = ""
        }
    }

    private mutating func appendPiece(_ piece: MarkdownInlinePiece) {
        flushText()
        pieces.append(piece)
    }

    mutating func append(_ inline: Inline) {
        switch inline {
        case .text(let text):
            appendText(text)
        case .styled(let style, let content):
            appendStyled(style, content)
        case .code(let text):
            appendCode(text)
        case .link(let href, let content):
            appendLink(href: href, content)
        case .picture(let picture):
            appendPicture(picture)
        case .lineBreak:
            appendPiece(.hardBreak)
        case .language(let span):
            append(span.content)
        case .ruby(let base, let annotation):
            // Markdown has no ruby: the reading follows its text, as `rp` shows it.
            append(base)
            appendText("(" + annotation + ")")
        case .anchor:
            break  // fragments point at ids a note does not keep
        }
    }

    private mutating func appendStyled(_ style: InlineStyle, _ content: [Inline]) {
        switch style {
        case .emphasis: appendEmphasis(.emphasis, content)
        case .strong: appendEmphasis(.strong, content)
        case .strikethrough: appendEmphasis(.strikethrough, content)
        case .superscripted, .subscripted:
            // Markdown has no superscript: keep the meaning with inline HTML.
            let name = HTMLVocabulary.element(for: style)
            appendPiece(.syntax("<\(name)>"))
            append(content)
            appendPiece(.syntax("</\(name)>"))
        case .quotation:
            appendText("“")
            append(content)
            appendText("”")
        case .underline, .small, .highlight:
            append(content)
        }
    }

    // MARK: Emphasis

    private mutating func appendEmphasis(_ kind: MarkdownEmphasisKind, _ children: [Inline]) {
        // `<em><em>x</em></em>` is one emphasis; a nested run would only confuse.
        if activeEmphasis.contains(kind) {
            append(children)
            return
        }
        flushText()
        let start = pieces.count
        activeEmphasis.append(kind)
        append(children)
        flushText()
        activeEmphasis.removeLast()
        wrapContent(from: start, open: .open(kind), close: .close(kind))
    }

    /// Wraps `pieces[start...]` in `open`/`close`, moving edge whitespace
    /// outside; drops the wrapper around nothing.
    private mutating func wrapContent(from start: Int, open: MarkdownInlinePiece, close: MarkdownInlinePiece) {
        var content = Array(pieces[start...])
        pieces.removeSubrange(start...)
        let leading = Self.takeLeadingWhitespace(&content)
        let trailing = Self.takeTrailingWhitespace(&content)
        pieces += leading
        if content.contains(where: { !$0.isMarker }) {
            pieces.append(open)
            pieces += content
            pieces.append(close)
        }
        pieces += trailing
    }

    private static func takeLeadingWhitespace(_ content: inout [MarkdownInlinePiece]) -> [MarkdownInlinePiece] {
        var moved: [MarkdownInlinePiece] = []
        while let first = content.first {
            if first == .hardBreak {
                moved.append(first)
                content.removeFirst()
            } else if case .text(let text) = first, text.unicodeScalars.first == " " {
                moved.append(.text(" "))
                let rest = String(text.unicodeScalars.dropFirst())
                if rest.isEmpty { content.removeFirst() } else { content[0] = .text(rest) }
            } else {
                break
            }
        }
        return moved
    }

    private static func takeTrailingWhitespace(_ content: inout [MarkdownInlinePiece]) -> [MarkdownInlinePiece] {
        var moved: [MarkdownInlinePiece] = []
        while let last = content.last {
            if last == .hardBreak {
                moved.insert(last, at: 0)
                content.removeLast()
            } else if case .text(let text) = last, text.unicodeScalars.last == " " {
                moved.insert(.text(" "), at: 0)
                let rest = String(text.unicodeScalars.dropLast())
                if rest.isEmpty { content.removeLast() } else { content[content.count - 1] = .text(rest) }
            } else {
                break
            }
        }
        return moved
    }

    // MARK: Code

    private mutating func appendCode(_ text: String) {
        // CommonMark §6.1: line endings inside a code span are spaces anyway.
        let content = String(String.UnicodeScalarView(text.unicodeScalars.map { $0 == "\n" || $0 == "\r" ? " " : $0 }))
        if content.isEmpty { return }
        if content.unicodeScalars.allSatisfy({ $0 == " " }) {
            appendText(content)
            return
        }
        appendPiece(.code(content))
    }

    // MARK: Links and images

    private mutating func appendLink(href: String, _ content: [Inline]) {
        // Links cannot contain links (CommonMark §6.3); fragments point at ids
        // a note does not keep.
        guard linkDepth == 0, MarkdownLinkSyntax.isLinkable(href) else {
            append(content)
            return
        }
        flushText()
        let start = pieces.count
        linkDepth += 1
        append(content)
        flushText()
        linkDepth -= 1
        var content = Array(pieces[start...])
        pieces.removeSubrange(start...)
        let leading = Self.takeLeadingWhitespace(&content)
        let trailing = Self.takeTrailingWhitespace(&content)
        pieces += leading
        if let autolink = MarkdownLinkSyntax.autolink(href: href, text: Self.plainText(content), hasImage: content.contains(where: Self.isImageOpen)) {
            pieces.append(.syntax(autolink))
        } else if content.contains(where: { !$0.isMarker }) {
            pieces.append(.linkOpen("["))
            pieces += content
            pieces.append(.linkClose("](\(MarkdownLinkSyntax.destination(href)))"))
        } else {
            pieces.append(.linkOpen("["))
            var afterSpace = false
            pieces.append(.text(HTMLWhitespace.collapse(href, afterSpace: &afterSpace)))
            pieces.append(.linkClose("](\(MarkdownLinkSyntax.destination(href)))"))
        }
        pieces += trailing
    }

    private static func isImageOpen(_ piece: MarkdownInlinePiece) -> Bool {
        if case .linkOpen(let s) = piece { return s == "![" }
        return false
    }

    private static func plainText(_ pieces: [MarkdownInlinePiece]) -> String {
        var text = ""
        for piece in pieces {
            switch piece {
            case .text(let s), .code(let s): text += s
            case .hardBreak: text += " "
            default: break
            }
        }
        return text
    }

    private mutating func appendPicture(_ picture: Picture) {
        let alt = picture.alt
        guard let destination = MarkdownLinkSyntax.imageDestination(picture, images: images) else {
            // An image that cannot be shown says what it showed (unless images are off).
            if images != .none { appendText(alt) }
            return
        }
        appendPiece(.linkOpen("!["))
        var altBuilder = MarkdownInlineBuilder(images: images)
        altBuilder.appendText(alt)
        let altPieces = altBuilder.finish()
        for case .text(let text) in altPieces {
            let trimmed = text.trimmingSpaces()
            if !trimmed.isEmpty { pieces.append(.text(trimmed)) }
        }
        pieces.append(.linkClose("](\(MarkdownLinkSyntax.destination(destination)))"))
    }
}
