/// Renderers rely on a `figure` holding one `img`, at most one
/// `figcaption` and at most one credit (see `CleanedArticle`). Captions are
/// merged, credits marked by `LabelScreenReaderText` are gathered (their
/// text, after the caption), other content (extra images, text outside the
/// caption) follows the figure, a figure without image gives way to its
/// content, and an image without alt text takes the caption's.
struct NormalizeFigures: ElementRule {
    var elementNames: Set<String>? { ["figure"] }

    func apply(to element: inout Element, in context: inout CleaningContext) -> [Node]? {
        guard element.name == "figure" else { return nil }
        var parts = Parts()
        parts.collect(element.children)
        if parts.rest.allSatisfy(\.isWhitespaceText) { parts.rest = [] }
        let credit = parts.credits.readableText
        guard var image = parts.images.first else {
            // No picture: caption and credit stay as text of their own.
            var nodes = parts.rest
            if !parts.captions.isEmpty { nodes.append(.element(Element("div", children: parts.captions))) }
            if !credit.isEmpty { nodes.append(.element(Element("div", children: [.text(credit)]))) }
            return nodes
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
        if !credit.isEmpty { figure.children.append(.element(Element(HTMLVocabulary.creditElement, children: [.text(credit)]))) }
        return [.element(figure)] + parts.images.dropFirst().map(Node.element) + parts.rest
    }

    private struct Parts {
        var images: [Element] = []
        var captions: [Node] = []
        /// Credits (`HTMLVocabulary.creditElement`), wherever they sat, their text only.
        var credits: [Node] = []
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
                case "figcaption":
                    var inner = Parts()
                    inner.collectCredits(element.children)
                    captions += inner.rest
                    credits += inner.credits
                case HTMLVocabulary.creditElement:
                    if !credits.isEmpty { credits.append(.text(" ")) }
                    credits += element.children
                default:
                    var inner = Parts()
                    inner.collect(element.children)
                    images += inner.images
                    captions += inner.captions
                    credits += inner.credits
                    element.children = inner.rest
                    if !inner.rest.allSatisfy(\.isWhitespaceText) { rest.append(.element(element)) }
                }
            }
        }

        /// A caption's content: its credits out, the rest kept in `rest`.
        mutating func collectCredits(_ nodes: [Node]) {
            for node in nodes {
                guard case .element(var element) = node else {
                    rest.append(node)
                    continue
                }
                if element.name == HTMLVocabulary.creditElement {
                    if !credits.isEmpty { credits.append(.text(" ")) }
                    credits += element.children
                    continue
                }
                var inner = Parts()
                inner.collectCredits(element.children)
                credits += inner.credits
                element.children = inner.rest
                rest.append(.element(element))
            }
        }
    }
}
