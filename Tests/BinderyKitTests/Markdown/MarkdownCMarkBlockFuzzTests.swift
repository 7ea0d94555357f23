import XCTest
@testable import BinderyKit

/// Pseudo-random block trees (fixed seed) read back by `cmark-gfm`: every
/// visible character survives, and lists, quotes, headings, code blocks and
/// tables keep their number.
final class MarkdownCMarkBlockFuzzTests: XCTestCase {
    typealias Generator = MarkdownCMarkFuzzTests.Generator

    private static let lineStarts = ["- ", "+ ", "* ", "1. ", "2) ", "# ", "> ", "---", "===", "```", "~~~", "    ", "[x]: y", "<div>", "| a |", "|-|", ""]
    private static let words = ["word", "中文，", "a_b", "2 * 3", "&amp;", "[x](y)", "#tag", "<b>", "\\", "`c`", "*e*", "1.", "😀"]

    private func line(_ g: inout Generator) -> String {
        g.pick(Self.lineStarts) + (0..<(1 + g.below(3))).map { _ in g.pick(Self.words) }.joined(separator: " ")
    }

    private func inline(_ g: inout Generator) -> [Node] {
        var nodes: [Node] = [.text(line(&g))]
        if g.below(3) == 0 {
            nodes.append(.element(Element("br")))
            nodes.append(.text(line(&g)))
        }
        if g.below(4) == 0 { nodes.append(MarkdownTestTree.el("strong", .text(g.pick(Self.words)))) }
        return nodes
    }

    private func block(_ g: inout Generator, depth: Int) -> Node {
        switch depth > 2 ? 0 : g.below(9) {
        case 0, 1: return .element(Element("p", children: inline(&g)))
        case 2: return .element(Element("h\(1 + g.below(6))", children: [.text(line(&g))]))
        case 3, 4:
            let name = g.below(2) == 0 ? "ul" : "ol"
            let attributes = name == "ol" && g.below(2) == 0 ? [Attribute("start", "\(g.below(12))")] : []
            let items = (0..<(1 + g.below(3))).map { _ -> Node in
                var children = inline(&g)
                if g.below(3) == 0 { children.append(block(&g, depth: depth + 1)) }
                return .element(Element("li", children: children))
            }
            return .element(Element(name, attributes: attributes, children: items))
        case 5: return .element(Element("blockquote", children: (0..<(1 + g.below(2))).map { _ in block(&g, depth: depth + 1) }))
        case 6: return .element(Element("pre", children: [.text(line(&g) + "\n" + line(&g))]))
        case 7:
            let rows = (0..<(2 + g.below(2))).map { _ -> Node in
                .element(Element("tr", children: (0..<(1 + g.below(3))).map { _ in MarkdownTestTree.el("td", .text(line(&g))) }))
            }
            return .element(Element("table", children: rows))
        default: return .element(Element("hr"))
        }
    }

    private func visible(_ nodes: [Node]) -> String {
        nodes.textContent.filter { !$0.isWhitespace }
    }

    private func htmlText(_ html: String) -> String {
        var text = ""
        var inTag = false
        for c in html {
            if c == "<" { inTag = true; continue }
            if c == ">" { inTag = false; continue }
            if !inTag { text.append(c) }
        }
        return text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
            .filter { !$0.isWhitespace }
    }

    private func count(_ names: [String], in nodes: [Node]) -> Int {
        var n = 0
        func walk(_ nodes: [Node]) {
            for case .element(let e) in nodes {
                if names.contains(e.name) { n += 1 }
                walk(e.children)
            }
        }
        walk(nodes)
        return n
    }

    func testRandomBlockTreesSurviveCMark() throws {
        var g = Generator(state: 77)
        let trees: [[Node]] = (0..<600).map { _ in (0..<(1 + g.below(4))).map { _ in block(&g, depth: 0) } }
        let markdowns = trees.map { MarkdownRenderer().render(ContentTestSupport.blocks($0)) }
        // One cmark run: documents separated by a marker paragraph (a blank
        // line ends every open list, quote and table before it).
        let separator = "<p>ZZSEPARATORZZ</p>\n"
        let outputs: [String]
        do {
            outputs = try MarkdownCMark.html(markdowns.joined(separator: "\n\nZZSEPARATORZZ\n\n")).components(separatedBy: separator)
        } catch is MarkdownCMarkUnavailable {
            if MarkdownCMark.isCI { XCTFail("cmark-gfm is required on CI") }
            throw XCTSkip("cmark-gfm not installed")
        }
        XCTAssertEqual(outputs.count, trees.count)
        var failures = 0
        for (index, tree) in trees.enumerated() where index < outputs.count {
            let markdown = markdowns[index]
            let output = outputs[index]
            let checks: [(String, Int, Int)] = [
                ("text", visible(tree).count, htmlText(output).count),
                ("li", count(["li"], in: tree), output.components(separatedBy: "<li>").count - 1 + output.components(separatedBy: "<li ").count - 1),
                ("blockquote", count(["blockquote"], in: tree), output.components(separatedBy: "<blockquote>").count - 1),
                ("heading", count(["h1", "h2", "h3", "h4", "h5", "h6"], in: tree), output.components(separatedBy: "</h").count - 1),
                ("pre", count(["pre"], in: tree), output.components(separatedBy: "<pre>").count - 1),
                ("table", count(["table"], in: tree), output.components(separatedBy: "<table>").count - 1),
                ("hr", count(["hr"], in: tree), output.components(separatedBy: "<hr />").count - 1),
            ]
            let textOK = visible(tree) == htmlText(output)
            let bad = checks.filter { $0.1 != $0.2 }
            if !textOK || !bad.isEmpty {
                failures += 1
                if failures <= 5 {
                    XCTFail("\(bad)\ntext ok: \(textOK)\n--- markdown\n\(markdown)\n--- html\n\(output)")
                }
            }
        }
        XCTAssertEqual(failures, 0)
    }
}
