import Foundation

/// The Swift tree every stage after parsing works on.
///
/// `HTMLParser` builds these values from libxml2's parse events; cleaning
/// rules rewrite them and each output format walks them. Element and
/// attribute names are lower-case ASCII. Text is decoded (no entities). Comments, processing instructions and doctype
/// nodes are not kept.
public enum Node: Sendable, Hashable {
    case element(Element)
    case text(String)
}

public struct Attribute: Sendable, Hashable {
    public var name: String
    public var value: String

    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

public struct Element: Sendable, Hashable {
    public var name: String
    /// In source order; names unique within one element.
    public var attributes: [Attribute]
    public var children: [Node]

    public init(_ name: String, attributes: [Attribute] = [], children: [Node] = []) {
        self.name = name
        self.attributes = attributes
        self.children = children
    }

    /// The value of the attribute `name`, or `nil`. Setting `nil` removes it.
    public subscript(attribute name: String) -> String? {
        get { attributes.first(where: { $0.name == name })?.value }
        set {
            if let index = attributes.firstIndex(where: { $0.name == name }) {
                if let newValue { attributes[index].value = newValue } else { attributes.remove(at: index) }
            } else if let newValue {
                attributes.append(Attribute(name, newValue))
            }
        }
    }
}

extension Node {
    public var element: Element? {
        if case .element(let e) = self { return e }
        return nil
    }

    /// The text of this node and all its descendants, concatenated.
    public var textContent: String {
        switch self {
        case .text(let s): return s
        case .element(let e): return e.children.textContent
        }
    }
}

extension Array where Element == Node {
    public var textContent: String {
        var out = ""
        for node in self {
            switch node {
            case .text(let s): out += s
            case .element(let e): out += e.children.textContent
            }
        }
        return out
    }
}

extension Array where Element == Node {
    /// The text with each `<br>` as `lineBreak`: code and preformatted text,
    /// where the markup inside does not count.
    func textContent(lineBreak: String) -> String {
        var out = ""
        for node in self {
            switch node {
            case .text(let s): out += s
            case .element(let e): out += e.name == "br" ? lineBreak : e.children.textContent(lineBreak: lineBreak)
            }
        }
        return out
    }
}

extension Element {
    /// A `pre`'s text as its lines are written out: `<br>`, CR LF and CR as
    /// LF, no line ends at the end.
    var preformattedText: String {
        var text = children.textContent(lineBreak: "\n")
            .replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        while text.hasSuffix("\n") { text.removeLast() }
        return text
    }
}
