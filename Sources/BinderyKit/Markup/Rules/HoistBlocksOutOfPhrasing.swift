/// Elements that may hold phrasing content only (HTML §3.2.5.2.5) must not
/// hold blocks, which tag soup often puts there (`<span><div>…`). An inline
/// element is split around its blocks, which move up to its parent (where
/// `SplitParagraphs` or this rule again deals with them); a heading or `pre`
/// keeps its place and its blocks are flattened into its text. Headings left
/// without content are dropped.
struct HoistBlocksOutOfPhrasing: ElementRule {
    private static let names: Set<String> = HTMLVocabulary.headings.names.union(HTMLVocabulary.phrasing.names).union(["pre"])
    var elementNames: Set<String>? { Self.names }

    func apply(to element: inout Element, in context: inout CleaningContext) -> [Node]? {
        let name = element.name
        let isHeading = HTMLVocabulary.headings.contains(name)
        if isHeading || name == "pre" {
            if element.children.contains(where: HTMLVocabulary.isBlock) {
                element.children = flattened(element.children, separator: name == "pre" ? "\n" : " ")
            }
            if isHeading, element.children.textContent.collapsingWhitespace().isEmpty,
                !element.children.contains(where: { $0.isElement(named: "img") })
            {
                return []
            }
            return nil
        }
        guard name != "a", name != "p", HTMLVocabulary.phrasing.contains(name),
            element.children.contains(where: HTMLVocabulary.isBlock)
        else { return nil }
        return splitAroundBlocks(element)
    }

    private func splitAroundBlocks(_ element: Element) -> [Node] {
        var isFirstPiece = true
        return element.children.wrappingRuns(keeping: HTMLVocabulary.isBlock) { run in
            var piece = element
            piece.children = run
            if !isFirstPiece { piece[attribute: "id"] = nil }
            isFirstPiece = false
            return [.element(piece)]
        }
    }

    /// Block elements replaced by their content, set apart by `separator`;
    /// links and inline elements keep their place.
    private func flattened(_ nodes: [Node], separator: String) -> [Node] {
        var out: [Node] = []
        for node in nodes {
            guard case .element(var element) = node else {
                out.append(node)
                continue
            }
            if HTMLVocabulary.blocks.contains(element.name) {
                if element.name == "hr" { continue }
                if !out.isEmpty { out.append(.text(separator)) }
                out += flattened(element.children, separator: separator)
            } else {
                element.children = flattened(element.children, separator: separator)
                out.append(.element(element))
            }
        }
        return out
    }
}
