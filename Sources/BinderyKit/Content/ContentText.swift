/// Content reduced to what fits on one line or in one string: table cells in
/// formats whose cells hold one line, captions, summaries.
extension Array where Element == Block {
    /// The blocks' inline content as one run, blocks set apart by spaces
    /// (a list's items, a quote's paragraphs). Pictures stay; code becomes
    /// its text; a rule or embed adds nothing.
    public var inlineLine: [Inline] {
        var line: [Inline] = []
        func separate() { if !line.isEmpty { line.append(.text(" ")) } }
        ContentWalker.walk(self, blocks: { block in
            switch block {
            case .paragraph(let run), .plain(let run), .heading(_, let run):
                separate()
                line += run
                return .skipChildren
            case .code(let text):
                separate()
                line.append(.text(text))
                return .skipChildren
            case .figure(let figure):
                separate()
                line += figure.pictures.map(Inline.picture)
                if !figure.captionWithCredit.isEmpty { line += [.text(" ")] + figure.captionWithCredit }
                return .skipChildren
            case .definitions(let parts):
                for part in parts {
                    separate()
                    switch part {
                    case .term(let run): line += run
                    case .description(let blocks): line += blocks.inlineLine
                    }
                }
                return .skipChildren
            case .table(let table):
                if !table.caption.isEmpty {
                    separate()
                    line += table.caption
                }
                return .descend
            case .list, .quote, .rule, .embed:
                return .descend
            }
        }, inlines: { _ in .skipChildren })
        return line
    }

    /// Whether a table sits anywhere in these blocks.
    public var containsTable: Bool {
        !ContentWalker.walk(self, blocks: { block in
            if case .table = block { return .stop }
            return .descend
        }, inlines: { _ in .skipChildren })
    }
}

extension Array where Element == Inline {
    /// The text a reader sees, as one string: text and code as written, a
    /// line break as a space, a picture as nothing; whitespace not collapsed.
    public var plainText: String {
        var text = ""
        visitPlainText { text += $0; return true }
        return text
    }

    /// The pieces of `plainText`, in order, for a reader that may stop
    /// early (`visit` returns `false`); `false` when it stopped.
    @discardableResult
    func visitPlainText(_ visit: (String) -> Bool) -> Bool {
        ContentWalker.walk(self) { inline in
            switch inline {
            case .text(let string), .code(let string):
                if !visit(string) { return .stop }
            case .lineBreak:
                if !visit(" ") { return .stop }
            case .ruby(let base, let annotation):
                guard base.visitPlainText(visit), visit("("), visit(annotation), visit(")") else { return .stop }
                return .skipChildren
            case .picture, .anchor, .styled, .link, .language: break
            }
            return .descend
        }
    }
}
