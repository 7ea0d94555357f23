/// A link with nothing to click (no text, no image) is invisible in a book;
/// an `id` it carried moves onto an empty `span` so links to it still work.
struct DropEmptyLinks: ElementRule {
    var elementNames: Set<String>? { ["a"] }

    func apply(to element: inout Element, in context: inout CleaningContext) -> [Node]? {
        guard element.name == "a", !hasContent(element.children) else {
            return nil
        }
        guard let id = element[attribute: "id"] else { return element.children }
        return [.element(Element("span", attributes: [Attribute("id", id)], children: element.children))]
    }

    private func hasContent(_ nodes: [Node]) -> Bool {
        nodes.contains { node in
            switch node {
            case .text: return !node.isWhitespaceText
            case .element(let e): return e.name == "img" || hasContent(e.children)
            }
        }
    }
}
