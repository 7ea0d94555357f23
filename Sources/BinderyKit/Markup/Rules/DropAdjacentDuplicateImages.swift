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

    /// `nodes` itself when nothing is dropped (the usual case): a new list
    /// is built only from the first repeated image on.
    static func deduplicated(_ nodes: [Node]) -> [Node] {
        var out: [Node] = []
        var copying = false
        var previousSource: String?
        for (index, node) in nodes.enumerated() {
            if case .element(let e) = node, e.name == "img", let src = e[attribute: "src"] {
                if src == previousSource {
                    if !copying {
                        out = Array(nodes[..<index])
                        copying = true
                    }
                    continue
                }
                previousSource = src
            } else if !node.isWhitespaceText {
                previousSource = nil
            }
            if copying { out.append(node) }
        }
        return copying ? out : nodes
    }
}
