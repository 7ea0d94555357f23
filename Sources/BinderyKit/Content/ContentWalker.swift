/// What a visitor wants after seeing a block or inline.
public enum WalkStep: Sendable {
    /// Go on into its children.
    case descend
    /// Go on with its next sibling, not into its children.
    case skipChildren
    /// End the walk.
    case stop
}

/// The one traversal of the content model: blocks and inlines in document
/// order, each before its children. A figure's pictures are visited as
/// `.picture` inlines before its caption; a table's caption before its cells.
///
/// Every read-only question about an article body (which pictures it shows,
/// its lead paragraph, whether a page needs a manifest property…) is asked
/// through it, so that the shape of the model is spelled out once here.
public struct ContentWalker {
    private var visitBlock: (Block) -> WalkStep
    private var visitInline: (Inline) -> WalkStep
    private var stopped = false

    private init(visitBlock: @escaping (Block) -> WalkStep, visitInline: @escaping (Inline) -> WalkStep) {
        self.visitBlock = visitBlock
        self.visitInline = visitInline
    }

    /// Visits `blocks` and everything in them. Returns `false` when a visitor stopped the walk.
    @discardableResult
    public static func walk(_ blocks: [Block], blocks visitBlock: (Block) -> WalkStep = { _ in .descend },
                            inlines visitInline: (Inline) -> WalkStep = { _ in .descend }) -> Bool {
        withoutActuallyEscaping(visitBlock) { visitBlock in
            withoutActuallyEscaping(visitInline) { visitInline in
                var walker = ContentWalker(visitBlock: visitBlock, visitInline: visitInline)
                walker.walk(blocks)
                return !walker.stopped
            }
        }
    }

    /// Visits `inlines` and everything in them.
    @discardableResult
    public static func walk(_ inlines: [Inline], inlines visitInline: (Inline) -> WalkStep) -> Bool {
        withoutActuallyEscaping(visitInline) { visitInline in
            var walker = ContentWalker(visitBlock: { _ in .descend }, visitInline: visitInline)
            walker.walk(inlines)
            return !walker.stopped
        }
    }

    private mutating func walk(_ blocks: [Block]) {
        for block in blocks {
            guard !stopped else { return }
            switch visitBlock(block) {
            case .stop: stopped = true
            case .skipChildren: continue
            case .descend: walkChildren(of: block)
            }
        }
    }

    private mutating func walkChildren(of block: Block) {
        switch block {
        case .paragraph(let inlines), .plain(let inlines), .heading(_, let inlines):
            walk(inlines)
        case .list(let list):
            for item in list.items { walk(item) }
        case .definitions(let parts):
            for part in parts {
                switch part {
                case .term(let inlines): walk(inlines)
                case .description(let blocks): walk(blocks)
                }
            }
        case .quote(let blocks):
            walk(blocks)
        case .figure(let figure):
            walk(figure.pictures.map(Inline.picture))
            walk(figure.caption)
        case .table(let table):
            walk(table.caption)
            for row in table.rows {
                for cell in row { walk(cell.content) }
            }
        case .code, .rule, .embed:
            break
        }
    }

    private mutating func walk(_ inlines: [Inline]) {
        for inline in inlines {
            guard !stopped else { return }
            switch visitInline(inline) {
            case .stop: stopped = true
            case .skipChildren: continue
            case .descend:
                switch inline {
                case .styled(_, let content), .link(_, let content): walk(content)
                case .language(let span): walk(span.content)
                case .ruby(let base, _): walk(base)
                case .text, .code, .picture, .lineBreak, .anchor: break
                }
            }
        }
    }
}

extension Array where Element == Block {
    /// Every picture, in document order (figures' and inline ones).
    public var pictures: [Picture] {
        var found: [Picture] = []
        ContentWalker.walk(self, inlines: { inline in
            if case .picture(let picture) = inline { found.append(picture) }
            return .descend
        })
        return found
    }
}
