import Foundation

/// Finds the main content of a web page: the article text without the
/// site's navigation, sidebars, comments and footers.
///
/// A readability-style extraction (after Arc90's Readability, as Firefox's
/// Reader View and calibre's news recipes use it) on the libxml2-parsed
/// tree: non-content elements and blocks whose class or id say "sidebar",
/// "comment", "share"… are dropped; each paragraph of some length scores its
/// parent (and half its grandparent) by its length and commas; a candidate's
/// score is weighed by its class and id and lowered by its link density;
/// the best candidate is kept with those of its siblings that score nearly
/// as well or read as prose.
public enum MainContentExtractor {
    /// The main content of `html` (a whole page) as nodes, or `nil` when no
    /// part of the page reads as an article (less than `minimumText`
    /// characters of text; a Chinese character counts two, as it says
    /// about as much as a short word).
    public static func extract(_ html: String, minimumText: Int = 140) -> [Node]? {
        let body = pruned(HTMLParser.parseFragment(html))
        var scores: [[Int]: Candidate] = [:]
        score(body, path: [], ancestors: [], into: &scores)
        guard let best = scores.values.max(by: { ($0.finalScore, $1.path.count) < ($1.finalScore, $0.path.count) }) else {
            return nil
        }
        let kept = withSiblings(best, body: body, scores: scores)
        let text = (kept.textContent).collapsingWhitespace()
        let length = text.unicodeScalars.reduce(0) { $0 + (HeaderText.isHan($1.value) ? 2 : 1) }
        return length >= minimumText ? kept : nil
    }

    // MARK: Pruning

    /// Elements that are never the article's text.
    private static let nonContent: Set<String> = [
        "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "button", "input",
        "select", "textarea", "iframe", "svg", "canvas", "menu", "dialog", "link", "meta", "object", "embed",
    ]

    private static let unlikely = [
        "banner", "breadcrumb", "combx", "comment", "community", "cover-wrap", "disqus", "extra", "footer", "gdpr",
        "header", "legends", "menu", "related", "remark", "replies", "rss", "shoutbox", "sidebar", "skyscraper",
        "social", "sponsor", "supplemental", "ad-break", "agegate", "pagination", "pager", "popup", "share",
        "cookie", "newsletter", "subscribe", "navbar", "promo", "outbrain", "taboola",
    ]
    private static let maybe = ["and", "article", "body", "column", "content", "main", "shadow", "story", "text"]
    private static let positive = ["article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "post", "text", "blog", "story"]
    private static let negative = [
        "hidden", "banner", "combx", "comment", "com-", "contact", "foot", "footer", "footnote", "masthead", "meta",
        "outbrain", "promo", "related", "scroll", "shoutbox", "sidebar", "skyscraper", "sponsor", "shopping", "tags",
        "tool", "widget", "share", "social", "nav", "menu", "advert", "subscribe",
    ]

    private static func pruned(_ nodes: [Node]) -> [Node] {
        nodes.compactMap { node -> Node? in
            guard case .element(var element) = node else { return node }
            if nonContent.contains(element.name) || element[attribute: "hidden"] != nil { return nil }
            let style = (element[attribute: "style"] ?? "").lowercased().replacingOccurrences(of: " ", with: "")
            if style.contains("display:none") || style.contains("visibility:hidden") { return nil }
            let marks = classAndID(element)
            if !["body", "article", "main", "a"].contains(element.name), unlikely.contains(where: marks.contains),
               !maybe.contains(where: marks.contains) {
                return nil
            }
            element.children = pruned(element.children)
            return .element(element)
        }
    }

    private static func classAndID(_ element: Element) -> String {
        ((element[attribute: "class"] ?? "") + " " + (element[attribute: "id"] ?? "")).lowercased()
    }

    // MARK: Scoring

    private struct Candidate {
        var path: [Int]
        var element: Element
        var score: Double
        var finalScore: Double { score * (1 - MainContentExtractor.linkDensity(element)) }
    }

    /// Elements whose text scores their ancestors.
    private static let scored: Set<String> = ["p", "pre", "td", "blockquote"]

    private static func score(_ nodes: [Node], path: [Int], ancestors: [([Int], Element)], into scores: inout [[Int]: Candidate]) {
        for (index, node) in nodes.enumerated() {
            guard case .element(let element) = node else { continue }
            let childPath = path + [index]
            if scored.contains(element.name) || (element.name == "div" && !hasBlockChildren(element)) {
                let text = (element.children.textContent).collapsingWhitespace()
                if text.count >= 25 {
                    let commas = text.unicodeScalars.filter { $0 == "," || $0 == "，" || $0 == "、" || $0 == "。" }.count
                    let points = 1 + Double(commas) + min(3, Double(text.count / 100))
                    for (level, ancestor) in ancestors.suffix(2).reversed().enumerated() {
                        if scores[ancestor.0] == nil {
                            scores[ancestor.0] = Candidate(path: ancestor.0, element: ancestor.1, score: initialScore(ancestor.1))
                        }
                        scores[ancestor.0]!.score += level == 0 ? points : points / 2
                    }
                }
            }
            score(element.children, path: childPath, ancestors: ancestors + [(childPath, element)], into: &scores)
        }
    }

    private static let blockNames: Set<String> = [
        "p", "div", "table", "ul", "ol", "dl", "pre", "blockquote", "section", "article", "figure", "h1", "h2", "h3",
        "h4", "h5", "h6",
    ]

    private static func hasBlockChildren(_ element: Element) -> Bool {
        element.children.contains { if case .element(let child) = $0 { return blockNames.contains(child.name) } else { return false } }
    }

    private static func initialScore(_ element: Element) -> Double {
        var score: Double
        switch element.name {
        case "div", "article", "main", "section": score = 5
        case "pre", "td", "blockquote": score = 3
        case "address", "ol", "ul", "dl", "dd", "dt", "li": score = -3
        case "h1", "h2", "h3", "h4", "h5", "h6", "th": score = -5
        default: score = 0
        }
        if element.name == "article" || element[attribute: "itemprop"]?.lowercased() == "articlebody" { score += 10 }
        let marks = classAndID(element)
        if negative.contains(where: marks.contains) { score -= 25 }
        if positive.contains(where: marks.contains) { score += 25 }
        return score
    }

    /// Share of the text that sits inside links (navigation is mostly links).
    private static func linkDensity(_ element: Element) -> Double {
        let total = element.children.textContent.count
        guard total > 0 else { return 0 }
        let linked = element.children.descendants(named: "a").reduce(0) { $0 + $1.children.textContent.count }
        return min(1, Double(linked) / Double(total))
    }

    // MARK: Siblings

    /// The best candidate with the siblings that belong to the article: the
    /// ones that score at least a fifth as well, and paragraphs of prose.
    private static func withSiblings(_ best: Candidate, body: [Node], scores: [[Int]: Candidate]) -> [Node] {
        let parentPath = Array(best.path.dropLast())
        guard let siblings = children(at: parentPath, in: body) else { return [.element(best.element)] }
        let threshold = max(10, best.finalScore * 0.2)
        var kept: [Node] = []
        for (index, node) in siblings.enumerated() {
            guard case .element(let element) = node else { continue }
            let path = parentPath + [index]
            if path == best.path {
                kept.append(node)
                continue
            }
            if let candidate = scores[path], candidate.finalScore >= threshold {
                kept.append(node)
            } else if element.name == "p" {
                let text = (element.children.textContent).collapsingWhitespace()
                let density = linkDensity(element)
                if (text.count > 80 && density < 0.25) || (density == 0 && text.count > 0 && (text.hasSuffix(".") || text.hasSuffix("。"))) {
                    kept.append(node)
                }
            }
        }
        return kept
    }

    private static func children(at path: [Int], in body: [Node]) -> [Node]? {
        var nodes = body
        for index in path {
            guard index < nodes.count, case .element(let element) = nodes[index] else { return nil }
            nodes = element.children
        }
        return nodes
    }
}
