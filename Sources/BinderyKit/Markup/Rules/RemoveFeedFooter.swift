/// Some feeds end each body with their own advertisement,
/// `<br><hr><div>获取更多RSS：<a href="https://feedx.net">…</a></div>`. It is
/// not part of the article: the footer block at the very end (or at the end
/// of a Jekyll post's wrapping `div`) is removed with the rule and breaks
/// before it.
struct RemoveFeedFooter: BodyRule {
    func apply(to body: inout [Node], in context: inout CleaningContext) {
        guard let index = body.lastIndex(where: { !$0.isWhitespaceText }), case .element(var last) = body[index] else { return }
        guard Self.isFooter(last) else {
            if last.name == "div" {
                apply(to: &last.children, in: &context)
                body[index] = .element(last)
            }
            return
        }
        body.removeSubrange(index...)
        while let previous = body.last,
            previous.isWhitespaceText || previous.isElement(named: "hr") || previous.isElement(named: "br")
        {
            body.removeLast()
        }
    }

    static func isFooter(_ element: Element) -> Bool {
        guard element.name == "div" || element.name == "p" else { return false }
        let text = element.children.textContent
        guard text.contains("RSS") else { return false }
        return text.contains("获取更多") || text.contains("feedx") || linksToFeedx(element.children)
    }

    private static func linksToFeedx(_ nodes: [Node]) -> Bool {
        nodes.contains { node in
            guard case .element(let e) = node else { return false }
            return (e[attribute: "href"]?.contains("feedx") ?? false) || linksToFeedx(e.children)
        }
    }
}
