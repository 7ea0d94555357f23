/// Gives tables the structure HTML §4.9 requires: `table` holds an optional
/// `caption`, an optional `thead`, `tbody`s (loose `tr`s are wrapped in one)
/// and an optional `tfoot`; row groups hold only `tr`; rows hold only cells.
/// Content stranded between rows is moved in front of the table; a table
/// without rows is replaced by its content.
struct RepairTables: ElementRule {
    func apply(to element: inout Element, in context: inout CleaningContext) -> [Node]? {
        switch element.name {
        case "table": return repairTable(element)
        case "thead", "tbody", "tfoot": element.children = wrapStrays(element.children, allowed: ["tr"], wrapper: "tr")
        case "tr": element.children = wrapStrays(element.children, allowed: ["td", "th"], wrapper: "td")
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

    /// Stray content of a row group becomes a one-cell row, of a row a cell.
    /// (Cells outside rows were already turned into `div`s by `RepairOrphanedParts`.)
    private func wrapStrays(_ nodes: [Node], allowed: Set<String>, wrapper: String) -> [Node] {
        var out: [Node] = []
        var strays: [Node] = []
        func flush() {
            if strays.contains(where: { !$0.isWhitespaceText }) {
                let cell = Node.element(Element("td", children: strays))
                out.append(wrapper == "tr" ? .element(Element("tr", children: [cell])) : cell)
            }
            strays.removeAll()
        }
        for node in nodes {
            if case .element(let e) = node, allowed.contains(e.name) {
                flush()
                out.append(node)
            } else {
                strays.append(node)
            }
        }
        flush()
        return out
    }
}
