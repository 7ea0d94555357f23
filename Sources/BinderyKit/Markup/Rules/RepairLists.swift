/// `ul`/`ol` may hold only `li` (HTML §4.4.5–4.4.7): stray content is wrapped
/// into an item, whitespace between items dropped. A `dl` must be groups of
/// `dt`s then `dd`s (§4.4.9); one that is not, even after wrapping strays in
/// `dd`, becomes plain `div`s so its text stays without breaking validity.
struct RepairLists: ElementRule {
    var elementNames: Set<String>? { ["ul", "ol", "dl"] }

    func apply(to element: inout Element, in context: inout CleaningContext) -> [Node]? {
        switch element.name {
        case "ul", "ol": element.children = element.children.wrappingStrays(allowed: ["li"]) { .element(Element("li", children: $0)) }
        case "dl":
            element.children = unwrapGroups(element.children).wrappingStrays(allowed: ["dt", "dd"]) { .element(Element("dd", children: $0)) }
            if !isTermGroups(element.children) { return [.element(divs(element))] }
        default: break
        }
        return nil
    }

    /// `(dt+, dd+)*`, as the HTML schema epubcheck uses spells it: with only
    /// `dt`/`dd` items, that is "starts with a `dt`, ends with a `dd`".
    private func isTermGroups(_ items: [Node]) -> Bool {
        guard let first = items.first, let last = items.last else { return true }
        return first.isElement(named: "dt") && last.isElement(named: "dd")
    }

    private func divs(_ list: Element) -> Element {
        var div = list.renamed("div")
        div.children = list.children.map { node in
            guard case .element(let item) = node else { return node }
            return .element(item.renamed("div"))
        }
        return div
    }

    /// `<div>` groups inside `dl` are newer than the schema EPUB checkers use.
    private func unwrapGroups(_ nodes: [Node]) -> [Node] {
        nodes.flatMap { node -> [Node] in
            if case .element(let e) = node, e.name == "div" { return e.children }
            return [node]
        }
    }
}
