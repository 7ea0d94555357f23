/// One line of a cleaned article body, as a reader sees it: a paragraph's
/// content up to a `<br>`, or all of it. Site and generic line rules
/// (`LineRecognizer`) judge lines by these facts.
struct BodyLine {
    let nodes: [Node]
    /// The visible text, white space collapsed.
    let text: String
    /// The `href`s of its links, in order.
    let links: [String]
    /// The visible text outside links, white space collapsed.
    let textOutsideLinks: String
    /// Share of the line's non-space characters that sit inside links (0…1).
    let linkShare: Double

    init(_ nodes: [Node]) {
        self.nodes = nodes
        var links: [String] = []
        var inside = 0
        var total = 0
        var outside = ""
        func walk(_ nodes: [Node], inLink: Bool) {
            for node in nodes {
                switch node {
                case .text(let string):
                    let count = string.unicodeScalars.count(where: { !$0.properties.isWhitespace })
                    total += count
                    if inLink { inside += count } else { outside += string }
                case .element(let element):
                    if element.name == "br" {
                        if !inLink { outside += " " }
                        continue
                    }
                    let isLink = element.name == "a" && element[attribute: "href"] != nil
                    if isLink, let href = element[attribute: "href"] { links.append(href) }
                    walk(element.children, inLink: inLink || isLink)
                }
            }
        }
        walk(nodes, inLink: false)
        self.links = links
        text = nodes.readableText
        textOutsideLinks = outside.collapsingWhitespace()
        linkShare = total == 0 ? 0 : Double(inside) / Double(total)
    }

    var isEmpty: Bool { text.isEmpty && !nodes.containsPicture }
}

extension Array where Element == Node {
    /// Whether an image sits anywhere in these nodes.
    var containsPicture: Bool {
        contains { node in
            guard case .element(let element) = node else { return false }
            return element.name == "img" || element.children.containsPicture
        }
    }

    /// These nodes cut into lines at each `<br>`, however deep inside inline
    /// elements it sits (the elements around it are split in two, keeping
    /// their attributes).
    var lines: [[Node]] {
        var lines: [[Node]] = [[]]
        for node in self {
            guard case .element(let element) = node else {
                lines[lines.count - 1].append(node)
                continue
            }
            if element.name == "br" {
                lines.append([])
            } else if !HTMLVocabulary.isBlock(node), element.children.containsBreak {
                for (index, part) in element.children.lines.enumerated() {
                    if index > 0 { lines.append([]) }
                    guard !part.isEmpty else { continue }
                    var piece = element
                    piece.children = part
                    lines[lines.count - 1].append(.element(piece))
                }
            } else {
                lines[lines.count - 1].append(node)
            }
        }
        return lines
    }

    private var containsBreak: Bool {
        contains { node in
            guard case .element(let element) = node else { return false }
            return element.name == "br" || (!HTMLVocabulary.isBlock(node) && element.children.containsBreak)
        }
    }

    /// Lines joined again with `<br>`s.
    static func joiningLines(_ lines: [[Node]]) -> [Node] {
        var nodes: [Node] = []
        for (index, line) in lines.enumerated() {
            if index > 0 { nodes.append(.element(BinderyKit.Element("br"))) }
            nodes += line
        }
        return nodes
    }
}
