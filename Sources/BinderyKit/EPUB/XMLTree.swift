import Foundation

/// Small helpers to build XML documents (OPF, NCX, nav, pages) as `Node`
/// trees and write them with `XHTMLSerializer`, so every text and attribute
/// is escaped in one place and nothing is glued from strings.
enum XMLTree {
    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"

    /// An element; attributes keep the order given (deterministic output).
    static func element(_ name: String, _ attributes: [(String, String)] = [], _ children: [Node] = []) -> Node {
        .element(Element(name, attributes: attributes.map { Attribute($0.0, $0.1) }, children: children))
    }

    static func element(_ name: String, _ attributes: [(String, String)] = [], text: String) -> Node {
        element(name, attributes, [.text(text)])
    }

    /// Inserts newlines and indentation between the children of elements
    /// that hold only elements. Mixed content is left alone, so no text
    /// gains whitespace it did not have.
    static func indented(_ node: Node, depth: Int = 0) -> Node {
        guard case .element(var element) = node, !element.children.isEmpty,
              element.children.allSatisfy({ $0.element != nil }) else { return node }
        let inner = "\n" + String(repeating: "  ", count: depth + 1)
        var children: [Node] = []
        children.reserveCapacity(element.children.count * 2 + 1)
        for child in element.children {
            children.append(.text(inner))
            children.append(indented(child, depth: depth + 1))
        }
        children.append(.text("\n" + String(repeating: "  ", count: depth)))
        element.children = children
        return .element(element)
    }

    /// A whole XML document (package, NCX, container): declaration and
    /// indented root, every empty element self-closed. Not for XHTML pages,
    /// where only void elements may be self-closed.
    static func document(_ root: Node) -> Data {
        var out = Array(declaration.utf8)
        XHTMLSerializer.write(root, into: &out, closingEveryEmptyElement: true, indentedFrom: 0)
        out.append(UInt8(ascii: "\n"))
        return Data(out)
    }
}
