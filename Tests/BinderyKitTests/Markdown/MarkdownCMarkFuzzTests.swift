import XCTest
@testable import BinderyKit

/// Pseudo-random inline trees (fixed seed) read back by `cmark-gfm`: the
/// text and the emphasis/link structure must survive whatever the text holds.
final class MarkdownCMarkFuzzTests: XCTestCase {
    typealias Generator = SplitMix64

    private static let atoms = ["a", "word", "中文", "。", "，", "“", "”", " ", " ", "*", "**", "_", "__", "~~", "`", "[", "]", "(", ")",
                                "!", "<", ">", "&", "&amp;", "#", "-", "+", "1.", "\\", "|", ":", "'", "\"", "😀", "x_y", "2 * 3", "<b>"]

    private func text(_ g: inout Generator) -> String {
        (0..<(1 + g.below(4))).map { _ in g.pick(Self.atoms) }.joined()
    }

    private func inline(_ g: inout Generator, depth: Int) -> [Node] {
        var nodes: [Node] = []
        for _ in 0..<(1 + g.below(4)) {
            let roll = depth > 2 ? 0 : g.below(10)
            switch roll {
            case 0...4: nodes.append(.text(text(&g)))
            case 5: nodes.append(MarkdownTestTree.el("em", children(&g, depth)))
            case 6: nodes.append(MarkdownTestTree.el("strong", children(&g, depth)))
            case 7: nodes.append(MarkdownTestTree.el("del", children(&g, depth)))
            case 8: nodes.append(.element(Element("a", attributes: [Attribute("href", "https://e.com/\(g.below(100))")], children: inline(&g, depth: depth + 1))))
            default: nodes.append(MarkdownTestTree.el("code", .text(text(&g))))
            }
        }
        return nodes
    }

    private func children(_ g: inout Generator, _ depth: Int) -> Node {
        .element(Element("span", children: inline(&g, depth: depth + 1)))
    }

    /// Each visible character with the formatting that applies to it
    /// (whitespace left out): robust to how spans are split, merged or
    /// nested, which Markdown may write differently from the tree.
    struct Styled: Equatable, CustomStringConvertible {
        var character: Character
        var styles: Set<String>
        var description: String { "\(character)\(styles.sorted())" }
    }

    private func styledTree(_ nodes: [Node]) -> [Styled] {
        var out: [Styled] = []
        func walk(_ nodes: [Node], styles: Set<String>, inLink: Bool) {
            for node in nodes {
                switch node {
                case .text(let s):
                    for c in s where !c.isWhitespace { out.append(Styled(character: c, styles: styles)) }
                case .element(let e):
                    var next = styles
                    var link = inLink
                    switch e.name {
                    case "a" where !inLink:
                        next.insert("a:" + (e[attribute: "href"] ?? ""))
                        link = true
                        // A link without text shows its address.
                        if e.children.textContent.allSatisfy(\.isWhitespace) {
                            for c in e[attribute: "href"] ?? "" { out.append(Styled(character: c, styles: next)) }
                            continue
                        }
                    case "em", "strong", "del", "code":
                        next.insert(e.name)
                    default: break
                    }
                    walk(e.children, styles: next, inLink: link)
                }
            }
        }
        walk(nodes, styles: [], inLink: false)
        return out
    }

    private func styledHTML(_ html: String) -> [Styled] {
        var out: [Styled] = []
        var stack: [String] = []
        var i = html.startIndex
        while i < html.endIndex {
            if html[i] == "<", let close = html[i...].firstIndex(of: ">") {
                let tag = String(html[html.index(after: i)..<close])
                if tag.hasPrefix("/") {
                    if !stack.isEmpty { stack.removeLast() }
                } else if tag.hasPrefix("a href=\"") {
                    stack.append("a:" + tag.dropFirst("a href=\"".count).dropLast())
                } else if ["em", "strong", "del", "code"].contains(tag) {
                    stack.append(tag)
                } else if !tag.hasSuffix("/") {
                    stack.append("")
                }
                i = html.index(after: close)
                continue
            }
            var c = html[i]
            var next = html.index(after: i)
            if c == "&", let semicolon = html[i...].firstIndex(of: ";") {
                let entity = String(html[i...semicolon])
                if let decoded = ["&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": "\""][entity] {
                    c = Character(decoded)
                    next = html.index(after: semicolon)
                }
            }
            if !c.isWhitespace { out.append(Styled(character: c, styles: Set(stack.filter { !$0.isEmpty }))) }
            i = next
        }
        return out
    }

    func testRandomInlineTreesSurviveCMark() throws {
        var g = Generator(state: 20240119)
        var trees: [[Node]] = []
        for _ in 0..<3000 { trees.append(inline(&g, depth: 0)) }
        // Flatten the generator's spans: they only group children.
        func unspan(_ nodes: [Node]) -> [Node] {
            nodes.flatMap { node -> [Node] in
                guard case .element(var e) = node else { return [node] }
                if e.name == "span" { return unspan(e.children) }
                e.children = unspan(e.children)
                return [.element(e)]
            }
        }
        trees = trees.map(unspan)
        // Trees of only whitespace render to nothing.
        trees = trees.filter { !$0.textContent.allSatisfy(\.isWhitespace) }
        let markdowns = trees.map { MarkdownRenderer().render(ContentTestSupport.blocks([.element(Element("p", children: $0))])) }
        let outputs: [String]
        do {
            outputs = try MarkdownCMark.htmlOfEach(markdowns)
        } catch is MarkdownCMarkUnavailable {
            if MarkdownCMark.isCI { XCTFail("cmark-gfm is required on CI") }
            throw XCTSkip("cmark-gfm not installed")
        }
        XCTAssertEqual(outputs.count, trees.count)
        var failures = 0
        for (index, tree) in trees.enumerated() where index < outputs.count {
            let output = outputs[index]
            let ok = styledHTML(output) == styledTree(tree) && output.components(separatedBy: "<p>").count == 2
            if !ok {
                failures += 1
                if failures <= 15 {
                    let expected = styledTree(tree), got = styledHTML(output)
                    let firstDifference = Array(zip(expected, got)).firstIndex { $0.0 != $0.1 } ?? min(expected.count, got.count)
                    XCTFail("markdown: \(markdowns[index])\nhtml: \(output)\nfirst difference at \(firstDifference): expected \(expected.dropFirst(firstDifference).prefix(3)) got \(got.dropFirst(firstDifference).prefix(3))")
                }
            }
        }
        XCTAssertEqual(failures, 0)
    }
}
