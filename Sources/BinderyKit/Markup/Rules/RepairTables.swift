/// Gives tables the structure HTML §4.9 requires: `table` holds an optional
/// `caption`, an optional `thead`, `tbody`s (loose `tr`s are wrapped in one)
/// and an optional `tfoot`; row groups hold only `tr`; rows hold only cells.
/// Content stranded between rows is moved in front of the table; a table
/// without rows is replaced by its content.
struct RepairTables: ElementRule {
    var elementNames: Set<String>? { ["table", "thead", "tbody", "tfoot", "tr"] }

    func apply(to element: inout Element, in context: inout CleaningContext) -> [Node]? {
        switch element.name {
        case "table": return repairTable(element)
        case "thead", "tbody", "tfoot":
            // Stray content of a row group becomes a one-cell row, of a row a cell.
            // (Cells outside rows were already turned into `div`s by `RepairOrphanedParts`.)
            element.children = element.children.wrappingStrays(allowed: ["tr"]) {
                .element(Element("tr", children: [.element(Element("td", children: $0))]))
            }
        case "tr":
            element.children = element.children.wrappingStrays(allowed: ["td", "th"]) { .element(Element("td", children: $0)) }
        default: break
        }
        return nil
    }

    private func repairTable(_ table: Element) -> [Node] {
        var stranded: [Node] = []
        var caption: Element?
        var head: Element?
        var foot: Element?
        var bodies: [Element] = []
        var looseRows: [Node] = []
        func flushRows() {
            if !looseRows.isEmpty { bodies.append(Element("tbody", children: looseRows)) }
            looseRows.removeAll()
        }
        for node in table.children {
            guard case .element(let child) = node else {
                if !node.isWhitespaceText { stranded.append(node) }
                continue
            }
            switch child.name {
            case "caption" where caption == nil: caption = child
            case "thead" where head == nil: head = child
            case "tfoot" where foot == nil: foot = child
            case "thead", "tbody", "tfoot":
                flushRows()
                bodies.append(child.renamed("tbody"))
            case "tr": looseRows.append(node)
            case "caption": stranded += child.children
            default: stranded.append(node)
            }
        }
        flushRows()
        let groups = [head].compactMap { $0 } + bodies + [foot].compactMap { $0 }
        let hasRows = groups.contains { !$0.children.isEmpty }
        guard hasRows else {
            return stranded + (caption.map { [.element($0.renamed("div"))] } ?? [])
        }
        var repaired = table
        repaired.children = ([caption].compactMap { $0 } + groups).map(Node.element)
        return stranded + [.element(repaired)]
    }
}
