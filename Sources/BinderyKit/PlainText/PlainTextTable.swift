/// Tables as aligned columns when they fit the width (header underlined
/// with `-`), else one row per line (continued with a two-space indent), cells joined by ` | `.
/// Columns are measured in display columns, so CJK cells align.
struct PlainTextTable {
    let renderer: PlainTextRenderer

    func render(_ table: Table, first: String, rest: String) -> [[String]] {
        let inline = renderer.inline
        let captions = [inline.line(table.caption)]
        let rows = table.rows.map { row in
            row.flatMap { cell in
                [inline.line(cell.content.inlineLine)] + Array(repeating: "", count: min(max(cell.columnSpan, 1), 50) - 1)
            }
        }.filter { $0.contains { !$0.isEmpty } }
        var result: [[String]] = captions.filter { !$0.isEmpty }.map {
            renderer.wrapper.wrap($0, firstIndent: first, restIndent: rest)
        }
        guard !rows.isEmpty else { return result }
        let columns = rows.map(\.count).max() ?? 0
        let padded = rows.map { $0 + Array(repeating: "", count: columns - $0.count) }
        var widths = Array(repeating: 0, count: columns)
        for row in padded {
            for (i, cell) in row.enumerated() { widths[i] = max(widths[i], DisplayWidth.of(cell)) }
        }
        let total = widths.reduce(0, +) + 2 * max(0, columns - 1) + DisplayWidth.of(rest)
        let width = renderer.wrapper.width
        let prefix = result.isEmpty ? first : rest
        if columns > 1, width == 0 || total <= width {
            var lines: [String] = []
            for (index, row) in padded.enumerated() {
                lines.append(alignedLine(row, widths: widths, indent: index == 0 ? prefix : rest))
                if index == 0, padded.count > 1 {
                    lines.append(alignedLine(widths.map { String(repeating: "-", count: max(1, $0)) }, widths: widths, indent: rest))
                }
            }
            result.append(lines)
        } else {
            var lines: [String] = []
            for (index, row) in padded.enumerated() {
                let text = row.filter { !$0.isEmpty }.joined(separator: " | ")
                lines += renderer.wrapper.wrap(text, firstIndent: index == 0 ? prefix : rest, restIndent: rest + "  ")
            }
            result.append(lines)
        }
        return result
    }

    private func alignedLine(_ cells: [String], widths: [Int], indent: String) -> String {
        var line = indent
        for (i, cell) in cells.enumerated() {
            line += cell
            if i < cells.count - 1 {
                line += String(repeating: " ", count: widths[i] - DisplayWidth.of(cell) + 2)
            }
        }
        while line.hasSuffix(" ") { line.removeLast() }
        return line
    }
}
