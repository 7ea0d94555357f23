/// Void elements (HTML §13.1.2) never have content: what follows one in the
/// source follows it on the page. libxml2's HTML 4 parser does not know the
/// HTML 5 ones (`wbr`, `source`, `track`, `keygen`) and nests the rest of
/// their parent inside them, where the rule that drops or empties the
/// element takes that text with it (`a<wbr>b` lost `b`). Their content moves
/// out, after them — a chain of them at once, so no depth limit applies.
/// So does what sits in a `colgroup` besides its `col`s: outside a table
/// the tag means nothing, inside one such text is shown before the table.
struct HoistContentOutOfVoidElements: ElementRule {
    static let hoisted: Set<String> = [
        "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "img", "input", "keygen", "link",
        "meta", "param", "source", "track", "wbr", "colgroup",
    ]

    private static let names: Set<String> = hoisted
    var elementNames: Set<String>? { Self.names }

    func apply(to element: inout Element, in context: inout CleaningContext) -> [Node]? {
        guard !element.children.isEmpty, Self.hoisted.contains(element.name) else { return nil }
        return Self.flattened([.element(element)])
    }

    /// `nodes` with the content of each void element (and `colgroup`) moved
    /// out after it, all the way down such chains.
    static func flattened(_ nodes: [Node]) -> [Node] {
        var flat: [Node] = []
        flat.reserveCapacity(nodes.count)
        for node in nodes { hoist(node, into: &flat) }
        return flat
    }

    private static func hoist(_ node: Node, into flat: inout [Node]) {
        guard case .element(var element) = node, hoisted.contains(element.name), !element.children.isEmpty else {
            flat.append(node)
            return
        }
        let content = element.children
        element.children = []
        flat.append(.element(element))
        for child in content { hoist(child, into: &flat) }
    }
}
