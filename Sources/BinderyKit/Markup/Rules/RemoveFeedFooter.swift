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

    /// A footer is short; longer blocks are never read in full.
    static let maxFooterLength = 600

    static func isFooter(_ element: Element) -> Bool {
        guard element.name == "div" || element.name == "p", let text = shortText(of: element.children) else { return false }
        guard text.containsBytes("RSS") else { return false }
        return text.containsBytes("获取更多") || text.containsBytes("feedx") || linksToFeedx(element.children)
    }

    /// The text of `nodes`, or `nil` once it exceeds `maxFooterLength` bytes.
    private static func shortText(of nodes: [Node]) -> String? {
        var text = ""
        func collect(_ nodes: [Node]) -> Bool {
            for node in nodes {
                switch node {
                case .text(let t): text += t
                case .element(let e): if !collect(e.children) { return false }
                }
                if text.utf8.count > maxFooterLength { return false }
            }
            return true
        }
        return collect(nodes) ? text : nil
    }

    private static func linksToFeedx(_ nodes: [Node]) -> Bool {
        nodes.contains { node in
            guard case .element(let e) = node else { return false }
            return (e[attribute: "href"]?.containsBytes("feedx") ?? false) || linksToFeedx(e.children)
        }
    }
}

extension String {
    /// Byte-wise substring test (no Foundation, no Unicode normalisation:
    /// the needles here are fixed ASCII/CJK literals).
    func containsBytes(_ needle: String) -> Bool {
        let haystack = Array(utf8)
        let pattern = Array(needle.utf8)
        guard !pattern.isEmpty, haystack.count >= pattern.count else { return pattern.isEmpty }
        for start in 0...(haystack.count - pattern.count) where haystack[start] == pattern[0] {
            if haystack[start..<(start + pattern.count)].elementsEqual(pattern) { return true }
        }
        return false
    }
}
