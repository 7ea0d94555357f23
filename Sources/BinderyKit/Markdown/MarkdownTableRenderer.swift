/// HTML tables as GFM tables (GFM spec §4.10).
///
/// GFM tables hold one line of inline content per cell and always have a
/// header row: the first row is the header, short rows are padded, cells
/// spanning columns are followed by empty cells, and block content inside a
/// cell is joined into one line. A layout table (one cell, or tables nested
/// in cells) is unwrapped into ordinary blocks instead.
struct MarkdownTableRenderer {
    let renderer: MarkdownRenderer

    func render(_ table: Element) -> [MarkdownBlock] {
        var captions: [Element] = []
        var headRows: [Element] = []
        var bodyRows: [Element] = []
        collectRows(table.children, captions: &captions, head: &headRows, body: &bodyRows, inHead: false)
        let rows = headRows + bodyRows
        var result: [MarkdownBlock] = []
        for caption in captions {
            result += renderer.blocks([.element(Element("em", children: caption.children))])
        }
        let cells = rows.map { $0.children.compactMap { node -> Element? in
            guard case .element(let e) = node, e.name == "td" || e.name == "th" else { return nil }
            return e
        } }
        let cellCount = cells.reduce(0) { $0 + $1.count }
        if cellCount <= 1 || cells.joined().contains(where: { Self.containsTable($0.children) }) {
            for cell in cells.joined() { result += renderer.blocks(cell.children) }
            return result
        }

        let inline = renderer.inline
        var grid: [[String]] = []
        for row in cells {
            var line: [String] = []
            for cell in row {
                line.append(inline.line(Self.flattenBlocks(cell.children), position: .tableCell))
                let span = min(max(Int(cell[attribute: "colspan"] ?? "") ?? 1, 1), 50)
                line += Array(repeating: "", count: span - 1)
            }
            grid.append(line)
        }
        let columns = grid.map(\.count).max() ?? 0
        guard columns > 0 else { return result }
        var lines: [String] = []
        for (index, row) in grid.enumerated() {
            let padded = row + Array(repeating: "", count: columns - row.count)
            lines.append("| " + padded.joined(separator: " | ") + " |")
            if index == 0 {
                lines.append("|" + Array(repeating: " --- |", count: columns).joined())
            }
        }
        result.append(MarkdownBlock(lines: lines, kind: .other))
        return result
    }

    private func collectRows(_ nodes: [Node], captions: inout [Element], head: inout [Element], body: inout [Element], inHead: Bool) {
        for case .element(let e) in nodes {
            switch e.name {
            case "caption": captions.append(e)
            case "thead": collectRows(e.children, captions: &captions, head: &head, body: &body, inHead: true)
            case "tbody", "tfoot": collectRows(e.children, captions: &captions, head: &head, body: &body, inHead: false)
            case "tr":
                if inHead { head.append(e) } else { body.append(e) }
            default: break
            }
        }
    }

    private static func containsTable(_ nodes: [Node]) -> Bool {
        nodes.contains { node in
            guard case .element(let e) = node else { return false }
            return e.name == "table" || containsTable(e.children)
        }
    }

    /// Block boundaries inside a cell become spaces (a cell is one line).
    static func flattenBlocks(_ nodes: [Node]) -> [Node] {
        var result: [Node] = []
        for node in nodes {
            if case .element(var e) = node {
                if MarkdownBlockElements.names.contains(e.name) {
                    result.append(.text(" "))
                    result += flattenBlocks(e.children)
                    result.append(.text(" "))
                } else {
                    e.children = flattenBlocks(e.children)
                    result.append(.element(e))
                }
            } else {
                result.append(node)
            }
        }
        return result
    }
}
