/// Tables as GFM tables (GFM spec §4.10).
///
/// GFM tables hold one line of inline content per cell and always have a
/// header row: the first row is the header, short rows are padded, cells
/// spanning columns are followed by empty cells, and block content inside a
/// cell is joined into one line. A layout table (one cell, or tables nested
/// in cells) is unwrapped into ordinary blocks instead.
struct MarkdownTableRenderer {
    let renderer: MarkdownRenderer

    func render(_ table: Table) -> [MarkdownBlock] {
        var result: [MarkdownBlock] = []
        if !table.caption.isEmpty {
            result += renderer.blocks([.paragraph([.styled(.emphasis, table.caption)])])
        }
        let rows = table.rows
        let cells = rows.joined()
        if cells.count <= 1 || cells.contains(where: { $0.content.containsTable }) {
            for cell in cells { result += renderer.blocks(cell.content) }
            return result
        }

        let inline = renderer.inline
        var grid: [[String]] = []
        for row in rows {
            var line: [String] = []
            for cell in row {
                line.append(inline.line(cell.content.inlineLine, position: .tableCell))
                line += Array(repeating: "", count: min(max(cell.columnSpan, 1), 50) - 1)
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
}
