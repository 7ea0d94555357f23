/// Renderers rely on a `figure` holding one `img` and at most one
/// `figcaption` (see `CleanedArticle`). Captions are merged, other content
/// (extra images, credits outside the caption) follows the figure, a figure
/// without image gives way to its content, and an image without alt text
/// takes the caption's.
struct NormalizeFigures: ElementRule {
    func apply(to element: inout Element, in context: inout CleaningContext) -> [Node]? {
        guard element.name == "figure" else { return nil }
        var parts = Parts()
        parts.collect(element.children)
        if parts.rest.allSatisfy(\.isWhitespaceText) { parts.rest = [] }
        guard var image = parts.images.first else {
            return parts.captions.isEmpty ? parts.rest : parts.rest + [.element(Element("div", children: parts.captions))]
        }
        var figure = element
        figure.children = [.element(image)]
        let captionText = parts.captions.textContent.collapsingWhitespace()
        if !captionText.isEmpty {
            figure.children.append(.element(Element("figcaption", children: parts.captions)))
            if image[attribute: "alt"]?.isEmpty ?? true {
                image[attribute: "alt"] = captionText
                figure.children[0] = .element(image)
            }
        }
        return [.element(figure)] + parts.images.dropFirst().map(Node.element) + parts.rest
    }

    private struct Parts {
        var images: [Element] = []
        var captions: [Node] = []
        var rest: [Node] = []

        /// Pulls images and captions out of `nodes`; what else has text stays in `rest`.
        mutating func collect(_ nodes: [Node]) {
            for node in nodes {
                guard case .element(var element) = node else {
                    rest.append(node)
                    continue
                }
                switch element.name {
                case "img": images.append(element)
                case "figcaption": captions += element.children
                default:
                    var inner = Parts()
                    inner.collect(element.children)
                    images += inner.images
                    captions += inner.captions
                    element.children = inner.rest
                    if !inner.rest.allSatisfy(\.isWhitespaceText) { rest.append(.element(element)) }
                }
            }
        }
    }
}
