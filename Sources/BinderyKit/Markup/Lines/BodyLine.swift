/// One line of a cleaned article body, as a reader sees it: a paragraph's
/// content up to a `<br>`, or all of it. Site and generic line rules
/// (`LineRecognizer`) judge lines by these facts.
///
/// Every article's first and last lines are looked at, so what costs is
/// worked out only when a rule asks: the links at once (most lines have
/// none, and the generic rules want some), the text when first read.
final class BodyLine {
    /// Boilerplate lines are short: a line with more text than this (in
    /// UTF-8 bytes) is the article's own and is not offered to any rule.
    static let maximumBytes = 2000

    /// `nodes` as a line, or `nil` when they hold more than `maximumBytes` of text.
    static func ifShort(_ nodes: [Node]) -> BodyLine? {
        var budget = maximumBytes
        func fits(_ nodes: [Node]) -> Bool {
            for node in nodes {
                switch node {
                case .text(let text):
                    budget -= text.utf8.count
                    if budget < 0 { return false }
                case .element(let element):
                    if !fits(element.children) { return false }
                }
            }
            return true
        }
        return fits(nodes) ? BodyLine(nodes) : nil
    }

    let nodes: [Node]
    /// The `href`s of its links, in order.
    let links: [String]

    init(_ nodes: [Node]) {
        self.nodes = nodes
        var links: [String] = []
        func collect(_ nodes: [Node]) {
            for case .element(let element) in nodes {
                if element.name == "a", let href = element[attribute: "href"] { links.append(href) }
                collect(element.children)
            }
        }
        collect(nodes)
        self.links = links
    }

    /// The visible text, white space collapsed.
    private(set) lazy var text: String = nodes.readableText

    /// Whether the text starts with `prefix` (leading white space aside):
    /// a cheap first test that reads only as much text as the prefix is long.
    func starts(with prefix: String) -> Bool {
        let wanted = Array(prefix.utf8)
        var head: [UInt8] = []
        func collect(_ nodes: [Node]) {
            for node in nodes where head.count < wanted.count {
                switch node {
                case .text(let string):
                    for byte in string.utf8 where head.count < wanted.count {
                        if head.isEmpty, byte.isHTMLSpace { continue }
                        head.append(byte)
                    }
                case .element(let element):
                    collect(element.children)
                }
            }
        }
        collect(nodes)
        return head == wanted
    }

    /// The visible text outside links, white space collapsed.
    var textOutsideLinks: String { linkFacts.outside }

    /// Share of the line's non-space characters that sit inside links (0…1).
    var linkShare: Double { linkFacts.share }

    private lazy var linkFacts: (outside: String, share: Double) = {
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
                    walk(element.children, inLink: inLink || (element.name == "a" && element[attribute: "href"] != nil))
                }
            }
        }
        walk(nodes, inLink: false)
        return (outside.collapsingWhitespace(), total == 0 ? 0 : Double(inside) / Double(total))
    }()

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
