/// Rewrites of the content model that keep it well-formed: what a change
/// implies for the structure around it (a link left without content goes; a
/// figure left without pictures gives way to its caption) is decided here,
/// once, rather than by each caller.
public enum ContentRewriter {
    /// `blocks` with every picture replaced by `transform(picture, captioned)`
    /// (`captioned`: it belongs to a figure with a caption), or removed when
    /// `transform` returns `nil`.
    public static func rewritePictures(_ blocks: [Block], _ transform: (Picture, _ captioned: Bool) -> Picture?) -> [Block] {
        mapBlocks(blocks) { block in
            guard case .figure(var figure) = block else { return nil }
            let captioned = !figure.caption.isEmpty
            figure.pictures = figure.pictures.compactMap { transform($0, captioned) }
            figure.caption = rewritePictures(figure.caption) { transform($0, false) }
            if !figure.pictures.isEmpty { return [.figure(figure)] }
            return figure.caption.isEmpty ? [] : [.paragraph(figure.caption)]
        } inlines: { inlines in
            rewritePictures(inlines) { transform($0, false) }
        }
    }

    /// `inlines` with pictures replaced or removed; a link whose content
    /// was only removed pictures is removed with them.
    public static func rewritePictures(_ inlines: [Inline], _ transform: (Picture) -> Picture?) -> [Inline] {
        var out: [Inline] = []
        out.reserveCapacity(inlines.count)
        for inline in inlines {
            switch inline {
            case .picture(let picture):
                if let kept = transform(picture) { out.append(.picture(kept)) }
            case .link(let href, let content):
                let rewritten = rewritePictures(content, transform)
                if !rewritten.isEmpty || content.isEmpty { out.append(.link(href: href, rewritten)) }
            case .styled(let style, let content):
                out.append(.styled(style, rewritePictures(content, transform)))
            case .language(var span):
                span.content = rewritePictures(span.content, transform)
                out.append(.language(span))
            case .ruby(let base, let annotation):
                out.append(.ruby(base: rewritePictures(base, transform), annotation: annotation))
            case .text, .code, .lineBreak, .anchor:
                out.append(inline)
            }
        }
        return out
    }

    /// `blocks` with each run of inline content a block holds directly
    /// (a paragraph's, heading's, term's or caption's) replaced by
    /// `transform(run)`; nested blocks are rewritten too.
    public static func mapInlineRuns(_ blocks: [Block], _ transform: ([Inline]) -> [Inline]) -> [Block] {
        mapBlocks(blocks, { _ in nil }, inlines: transform)
    }

    /// The general rewrite: `block` may replace a block (non-`nil`), else its
    /// children are rewritten and each inline run passed to `inlines`.
    private static func mapBlocks(_ blocks: [Block], _ replace: (Block) -> [Block]?, inlines: ([Inline]) -> [Inline]) -> [Block] {
        var out: [Block] = []
        out.reserveCapacity(blocks.count)
        for block in blocks {
            if let replacement = replace(block) {
                out += replacement
                continue
            }
            func map(_ blocks: [Block]) -> [Block] { mapBlocks(blocks, replace, inlines: inlines) }
            switch block {
            // A block whose whole content was rewritten away goes with it.
            case .paragraph(let run):
                let mapped = inlines(run)
                if !mapped.isEmpty || run.isEmpty { out.append(.paragraph(mapped)) }
            case .plain(let run):
                let mapped = inlines(run)
                if !mapped.isEmpty || run.isEmpty { out.append(.plain(mapped)) }
            case .heading(let level, let run):
                let mapped = inlines(run)
                if !mapped.isEmpty || run.isEmpty { out.append(.heading(level: level, mapped)) }
            case .list(var list):
                list.items = list.items.map(map)
                out.append(.list(list))
            case .definitions(let parts):
                out.append(.definitions(parts.map { part in
                    switch part {
                    case .term(let run): return .term(inlines(run))
                    case .description(let blocks): return .description(map(blocks))
                    }
                }))
            case .quote(let blocks): out.append(.quote(map(blocks)))
            case .figure(var figure):
                figure.caption = inlines(figure.caption)
                out.append(.figure(figure))
            case .table(var table):
                table.caption = inlines(table.caption)
                func mapRows(_ rows: [TableRow]) -> [TableRow] {
                    rows.map { row in row.map { cell -> TableCell in
                        var cell = cell
                        cell.content = map(cell.content)
                        return cell
                    } }
                }
                table.head = mapRows(table.head)
                table.bodies = table.bodies.map(mapRows)
                table.foot = mapRows(table.foot)
                out.append(.table(table))
            case .code, .rule, .embed:
                out.append(block)
            }
        }
        return out
    }
}
