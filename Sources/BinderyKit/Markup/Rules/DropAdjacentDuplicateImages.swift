/// An image directly followed by the same image (a lazy-loaded `img` and its
/// `noscript` fallback, once both resolved) is shown once.
struct DropAdjacentDuplicateImages: ElementRule, BodyRule {
    func apply(to element: inout Element, in context: inout CleaningContext) -> [Node]? {
        if element.children.count > 1 { element.children = Self.deduplicated(element.children) }
        return nil
    }

    func apply(to body: inout [Node], in context: inout CleaningContext) {
        body = Self.deduplicated(body)
    }

    static func deduplicated(_ nodes: [Node]) -> [Node] {
        var out: [Node] = []
        var previousSource: String?
        var changed = false
        for node in nodes {
            if case .element(let e) = node, e.name == "img", let src = e[attribute: "src"] {
                if src == previousSource {
                    changed = true
                    continue
                }
                previousSource = src
            } else if !node.isWhitespaceText {
                previousSource = nil
            }
            out.append(node)
        }
        return changed ? out : nodes
    }
}
