/// Writes a `Node` tree as XHTML (the XML serialization of HTML).
///
/// Text and attribute values are escaped for XML; void elements are written
/// self-closed; nothing is pretty-printed, so whitespace is preserved as is.
public enum XHTMLSerializer {
    static let voidElements: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
    ]

    public static func serialize(_ nodes: [Node]) -> String {
        var out = ""
        out.reserveCapacity(4096)
        write(nodes, into: &out)
        return out
    }

    public static func write(_ nodes: [Node], into out: inout String) {
        for node in nodes { write(node, into: &out) }
    }

    public static func write(_ node: Node, into out: inout String) {
        switch node {
        case .text(let text):
            appendEscaped(text, into: &out, quote: false)
        case .element(let element):
            out += "<"
            out += element.name
            for attribute in element.attributes {
                out += " "
                out += attribute.name
                out += "=\""
                appendEscaped(attribute.value, into: &out, quote: true)
                out += "\""
            }
            if element.children.isEmpty && voidElements.contains(element.name) {
                out += "/>"
                return
            }
            out += ">"
            write(element.children, into: &out)
            out += "</"
            out += element.name
            out += ">"
        }
    }

    /// Escapes `&`, `<`, `>` (and `"` in attributes) and drops characters XML 1.0 forbids.
    public static func appendEscaped(_ text: String, into out: inout String, quote: Bool) {
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where quote: out += "&quot;"
            default:
                if isXMLChar(scalar) { out.unicodeScalars.append(scalar) }
            }
        }
    }

    public static func escaped(_ text: String, quote: Bool = true) -> String {
        var out = ""
        appendEscaped(text, into: &out, quote: quote)
        return out
    }

    /// XML 1.0 `Char` production (§2.2).
    static func isXMLChar(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x9, 0xA, 0xD: return true
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }
}
