/// Keeps pages self-contained (EPUB 3.3 §3.6: no remote resources without
/// the `remote-resources` property; every resource in the manifest): an
/// `img` whose `src` is not an image of this book is replaced by its alt
/// text. The asset stage normally leaves none; this is the last safeguard.
enum UnboundImages {
    /// The `src` values in `nodes` that `isBundled` rejects, in document order.
    static func find(in nodes: [Node], isBundled: (String) -> Bool) -> [String] {
        var found: [String] = []
        func visit(_ nodes: [Node]) {
            for case .element(let element) in nodes {
                if element.name == "img", !isBundled(element[attribute: "src"] ?? "") {
                    found.append(element[attribute: "src"] ?? "")
                }
                visit(element.children)
            }
        }
        visit(nodes)
        return found
    }

    /// `nodes` with each rejected `img` replaced by a `span` of its alt text
    /// (dropped when the alt is empty). A `span` is phrasing content, valid
    /// wherever the `img` was.
    static func replace(in nodes: [Node], isBundled: (String) -> Bool) -> [Node] {
        nodes.compactMap { node -> Node? in
            guard case .element(var element) = node else { return node }
            if element.name == "img", !isBundled(element[attribute: "src"] ?? "") {
                let alt = element[attribute: "alt"] ?? ""
                return alt.isEmpty ? nil : XMLTree.element("span", [("class", "image-text")], text: alt)
            }
            element.children = replace(in: element.children, isBundled: isBundled)
            return .element(element)
        }
    }
}
