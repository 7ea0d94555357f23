/// `noscript` is what a browser without JavaScript shows. Lazy-loading sites
/// put the real `img` there; anything else in it (tracking pixels, "enable
/// JavaScript" notices) is noise. So a `noscript` keeps its images only, and
/// `DropAdjacentDuplicateImages` removes the copy when the scripted image
/// next to it already shows the same picture.
struct KeepNoscriptImages: ElementRule {
    var elementNames: Set<String>? { ["noscript"] }

    func apply(to element: inout Element, in context: inout CleaningContext) -> [Node]? {
        guard element.name == "noscript" else { return nil }
        var images: [Node] = []
        collectImages(in: element.children, into: &images)
        return images
    }

    private func collectImages(in nodes: [Node], into images: inout [Node]) {
        for case .element(let child) in nodes {
            if child.name == "img" || child.name == "picture" {
                images.append(.element(child))
            } else {
                collectImages(in: child.children, into: &images)
            }
        }
    }
}
