import Foundation

/// Points each `img` at its bundled file, or replaces it by its text so that
/// no broken or remote reference is left (EPUB 3.3, 3.6: no remote core media
/// in the content documents Bindery writes).
///
/// An image that cannot be had: inside a `figure` that has a `figcaption`,
/// the `img` is dropped and the caption stays; elsewhere it becomes
/// `<span>ALT</span>`, or nothing when the alt text is empty. A dropped
/// image (a tracking pixel) goes without a trace and is not counted.
struct ImageRewriter {
    let linkPrefix: String
    /// True for a `src` to leave out silently.
    let isDropped: (String) -> Bool
    /// The bundled file name for a `src`, or `nil` when it cannot be had.
    let fileName: (String) -> String?
    /// How many images were replaced by text.
    private(set) var replaced = 0

    init(linkPrefix: String, isDropped: @escaping (String) -> Bool = { _ in false }, fileName: @escaping (String) -> String?) {
        self.linkPrefix = linkPrefix
        self.isDropped = isDropped
        self.fileName = fileName
    }

    mutating func rewrite(_ nodes: [Node], captioned: Bool = false) -> [Node] {
        var out: [Node] = []
        out.reserveCapacity(nodes.count)
        for node in nodes {
            guard case .element(var element) = node else {
                out.append(node)
                continue
            }
            if element.name == "img" {
                out.append(contentsOf: rewriteImage(element, captioned: captioned))
                continue
            }
            let hasCaption = captioned
                || (element.name == "figure" && element.children.contains { $0.element?.name == "figcaption" })
            let hadChildren = !element.children.isEmpty
            element.children = rewrite(element.children, captioned: hasCaption)
            // A link or picture that only wrapped a dropped image would be left
            // empty (an invisible link): drop it too.
            if hadChildren, element.children.isEmpty, element.name == "a" || element.name == "picture" { continue }
            out.append(.element(element))
        }
        return out
    }

    private mutating func rewriteImage(_ image: Element, captioned: Bool) -> [Node] {
        if let src = image[attribute: "src"], isDropped(src) { return [] }
        if let src = image[attribute: "src"], let name = fileName(src) {
            var bound = image
            bound[attribute: "src"] = linkPrefix + name
            if bound[attribute: "alt"] == nil { bound[attribute: "alt"] = "" }
            return [.element(bound)]
        }
        replaced += 1
        let alt = (image[attribute: "alt"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if captioned || alt.isEmpty { return [] }
        return [.element(Element("span", children: [.text(alt)]))]
    }
}
